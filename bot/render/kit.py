"""The one Block Kit kit: every block of every message and view ecosys sends is built here.

Answers, digests, subscription replies, App Home and errors all call these pure functions, so Slack's
limits (50 blocks a message, 100 a Home view, 3,000 characters a section, 150 a header, 75 a button text,
2,000 a button value, 25 elements an actions block) and mrkdwn escaping live in one place. Text is
clipped rather than trusted to be short: Slack rejects the whole message when one string is too long.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ELEMENTS = 25
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 3000
MAX_PLACEHOLDER = 150
MAX_METADATA = 3000

Block = dict[str, Any]
Element = dict[str, Any]
Message = dict[str, Any]


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters (``<!channel>`` stays text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A mrkdwn link, or the bare (escaped) label when the URL is not a plain http(s) URL."""
    if url.startswith(("http://", "https://")) and not any(ch in url for ch in "<>| \n\t"):
        return f"<{url}|{escape(label)}>"
    return escape(label)


def fit_lines(lines: Sequence[str], limit: int = MAX_SECTION) -> str:
    """Join ``lines`` within ``limit`` characters, dropping whole lines from the end (marked with …)."""
    out: list[str] = []
    used = 0
    for line in lines:
        line = clip(line, limit)
        if used + len(line) + 1 > limit - 2:
            out.append("…")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def _plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text or " ", limit)}


def header(text: str) -> Block:
    return {"type": "header", "text": _plain(text or "ecosys", MAX_HEADER)}


def section(mrkdwn: str, *, accessory: Element | None = None) -> Block:
    """A mrkdwn section; the caller escapes user text (``escape``) and builds links (``link``)."""
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn or " ", MAX_SECTION)}}
    if accessory is not None:
        block["accessory"] = accessory
    return block


def fields_section(fields: Sequence[str]) -> Block:
    """A section of up to ten mrkdwn fields, which Slack lays out in two columns."""
    cells = [{"type": "mrkdwn", "text": clip(f or " ", MAX_FIELD)} for f in fields[:MAX_FIELDS]]
    return {"type": "section", "fields": cells}


def context(parts: Sequence[str]) -> Block:
    elements = [{"type": "mrkdwn", "text": clip(p, MAX_FIELD)} for p in parts if p]
    return {
        "type": "context",
        "elements": elements[:MAX_CONTEXT_ELEMENTS] or [{"type": "mrkdwn", "text": " "}],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> Element:
    """A button; ``style`` is ``primary`` or ``danger``. A value over Slack's limit is a bug: it raises."""
    if len(value) > MAX_BUTTON_VALUE:
        raise ValueError(f"button value is {len(value)} characters; Slack allows {MAX_BUTTON_VALUE}")
    element: Element = {
        "type": "button",
        "text": _plain(text, MAX_BUTTON_TEXT),
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(elements: Sequence[Element], *, block_id: str | None = None) -> list[Block]:
    """Buttons in rows of at most 25 (Slack's limit per actions block); no block for no buttons."""
    rows: list[Block] = []
    for start in range(0, len(elements), MAX_ACTION_ELEMENTS):
        row: Block = {"type": "actions", "elements": list(elements[start : start + MAX_ACTION_ELEMENTS])}
        if block_id:
            row["block_id"] = block_id if start == 0 else f"{block_id}-{start // MAX_ACTION_ELEMENTS}"
        rows.append(row)
    return rows


def search_input(label: str, action_id: str, *, placeholder: str = "", initial: str = "") -> Block:
    """A text input that sends a ``block_actions`` payload when the user presses Enter (no submit button)."""
    element: Element = {
        "type": "plain_text_input",
        "action_id": action_id,
        "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
    }
    if placeholder:
        element["placeholder"] = _plain(placeholder, MAX_PLACEHOLDER)
    if initial:
        element["initial_value"] = clip(initial, MAX_SECTION)
    return {
        "type": "input",
        "block_id": action_id,
        "dispatch_action": True,
        "label": _plain(label, 2000),
        "element": element,
    }


def message(fallback: str, blocks: Sequence[Block]) -> Message:
    """The payload, with the block count held to Slack's limit (trailing actions rows are kept)."""
    blocks = list(blocks)
    if len(blocks) > MAX_BLOCKS:
        tail: list[Block] = []
        while blocks and blocks[-1]["type"] == "actions" and len(tail) < 3:
            tail.insert(0, blocks.pop())
        blocks = blocks[: MAX_BLOCKS - len(tail)] + tail
    return {"text": clip(fallback.strip() or " ", MAX_FALLBACK), "blocks": blocks}


def text_message(text: str) -> Message:
    """A one-section message (errors, confirmations) from plain text."""
    return message(text, [section(escape(text))])


def home_view(blocks: Sequence[Block], *, private_metadata: str = "") -> dict[str, Any]:
    """An App Home view for ``views.publish``, within the 100-block limit."""
    view: dict[str, Any] = {"type": "home", "blocks": list(blocks)[:MAX_VIEW_BLOCKS]}
    if private_metadata:
        if len(private_metadata) > MAX_METADATA:
            raise ValueError("private_metadata is over Slack's 3,000 characters")
        view["private_metadata"] = private_metadata
    return view
