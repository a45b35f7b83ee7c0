"""Block Kit messages built from engine answers: pure functions from plain data to Slack payload dicts.

Every builder returns ``{"text": ..., "blocks": [...]}``: ``text`` is the plain-text fallback Slack shows in
notifications and to clients without Block Kit. Slack rejects a message that breaks its limits, so every
string is clipped here (50 blocks, 3,000 characters a section, 150 a header, 75 a button text, 2,000 a
button value) rather than trusted to be short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.render import messages
from bot.render.compare import comparison_rows
from index.answer import Answer, Hit
from index.model import Category, Entry
from index.normalize import localize

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
"""Fields one section holds."""
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 3000

ACTION_MORE = "ecosys_more"
ACTION_SHARE = "ecosys_share"

Block = dict[str, Any]
Message = dict[str, Any]


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A mrkdwn link, or the bare label when the URL is not a plain http(s) URL."""
    if url.startswith(("http://", "https://")) and not any(ch in url for ch in "<>| \n\t"):
        return f"<{url}|{escape(label)}>"
    return escape(label)


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text or "ecosys", MAX_HEADER)}}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn or " ", MAX_SECTION)}}


def fields_section(fields: Sequence[str]) -> Block:
    return {
        "type": "section",
        "fields": [{"type": "mrkdwn", "text": clip(f or " ", MAX_FIELD)} for f in fields[:MAX_FIELDS]],
    }


def context(parts: Sequence[str]) -> Block:
    elements = [{"type": "mrkdwn", "text": clip(p, MAX_FIELD)} for p in parts if p]
    return {
        "type": "context",
        "elements": elements[:MAX_CONTEXT_ELEMENTS] or [{"type": "mrkdwn", "text": " "}],
    }


def button(text: str, action_id: str, value: str, *, primary: bool = False) -> dict[str, Any]:
    if len(value) > MAX_BUTTON_VALUE:
        raise ValueError(f"button value is {len(value)} characters; Slack allows {MAX_BUTTON_VALUE}")
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, MAX_BUTTON_TEXT)},
        "action_id": action_id,
        "value": value,
    }
    if primary:
        element["style"] = "primary"
    return element


def message(fallback: str, blocks: list[Block]) -> Message:
    """The payload, with the block count held to Slack's limit (the actions row, if any, is kept)."""
    if len(blocks) > MAX_BLOCKS:
        tail = [blocks[-1]] if blocks[-1]["type"] == "actions" else []
        blocks = blocks[: MAX_BLOCKS - len(tail)] + tail
    return {"text": clip(fallback.strip() or " ", MAX_FALLBACK), "blocks": blocks}


def text_message(text: str) -> Message:
    """A one-section message (errors, confirmations)."""
    return message(text, [section(escape(text))])


# ---------------------------------------------------------------- answers


def category_name(category: Category, lang: str) -> str:
    """A category's name in ``lang`` (Traditional characters for ``zh-Hant``)."""
    return localize(category.name.get(lang), lang)  # type: ignore[arg-type]


def status_badge(entry: Entry, lang: str) -> str:
    """The badge shown beside a project whose life changed (archived, renamed, acquired…); else empty."""
    if entry.status not in ("active", "unknown"):
        return messages.status_label(lang, entry.status)
    if entry.cncf is not None and entry.cncf.maturity == "archived":
        return messages.maturity_label(lang, "archived")
    return ""


def _title_line(entry: Entry, lang: str) -> str:
    badge = status_badge(entry, lang)
    name = f"*{link(entry.homepage, entry.name)}*"
    return f"{name}  `{escape(badge)}`" if badge else name


def _context_parts(hit: Hit, lang: str) -> list[str]:
    entry = hit.entry
    parts = [escape(hit.category_name)] if hit.category_name else []
    if entry.homepage:
        parts.append(link(entry.homepage, _short_url(entry.homepage)))
    if entry.cncf is not None and entry.cncf.maturity != "archived":
        parts.append(escape(messages.maturity_label(lang, entry.cncf.maturity, entry.cncf.since)))
    if hit.status_note and status_badge(entry, lang):
        parts.append(escape(hit.status_note))
    return parts


def _short_url(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def hit_blocks(hit: Hit, lang: str) -> list[Block]:
    """One entry of a result list: linked name with badge, description, then a context line."""
    description = hit.description or messages.no_description(lang)
    return [
        section(f"{_title_line(hit.entry, lang)}\n{escape(description)}"),
        context(_context_parts(hit, lang)),
    ]


def _actions(answer: Answer, more_value: str | None, share_value: str | None) -> list[Block]:
    lang = answer.lang
    elements = []
    if share_value is not None:
        elements.append(button(messages.share_button(lang), ACTION_SHARE, share_value, primary=True))
    if more_value is not None and answer.has_more:
        elements.append(button(messages.more_button(lang), ACTION_MORE, more_value))
    return [{"type": "actions", "elements": elements}] if elements else []


def _fallback(title: str, hits: Sequence[Hit]) -> str:
    lines = [title]
    for hit in hits:
        lines.append(f"• {hit.entry.name} — {hit.description}" if hit.description else f"• {hit.entry.name}")
    return "\n".join(lines)


def answer_message(
    answer: Answer,
    *,
    more_value: str | None = None,
    share_value: str | None = None,
    categories: Sequence[tuple[Category, int]] = (),
    note: str = "",
) -> Message:
    """The reply to a question, a ``show`` or a ``compare``.

    ``more_value``/``share_value`` are the opaque values of the More and Share buttons (no button when
    None; More only when the answer has more). ``categories`` is offered when nothing was found and there
    is no "did you mean". ``note`` is an extra context line in mrkdwn (who shared the message), which the
    caller escapes.
    """
    if not answer.found:
        return nothing_found_message(answer, categories=categories, note=note)
    if answer.understood == "comparison" and len(answer.hits) == 2:
        return comparison_message(answer, note=note)
    if answer.understood == "project" and answer.offset == 0 and len(answer.hits) == 1:
        return card_message(answer.hits[0], answer.lang, note=note)
    lang = answer.lang
    title = messages.understood_title(answer)
    blocks: list[Block] = [header(title)]
    for hit in answer.hits:
        blocks.extend(hit_blocks(hit, lang))
    first, last = answer.offset + 1, answer.offset + len(answer.hits)
    footer = [messages.page_note(lang, first, last, answer.total)] if answer.total > len(answer.hits) else []
    if note:
        footer.append(note)
    if footer:
        blocks.append(context(footer))
    actions = _actions(answer, more_value, share_value)
    return message(_fallback(title, answer.hits), blocks[: MAX_BLOCKS - len(actions)] + actions)


def nothing_found_message(
    answer: Answer, *, categories: Sequence[tuple[Category, int]] = (), note: str = ""
) -> Message:
    """Nothing relevant: say so in the question's language, then "did you mean" or the categories."""
    lang = answer.lang
    first = messages.nothing_found(lang, " ".join(answer.question.split()))
    if answer.suggestions:
        follow = messages.did_you_mean(lang, answer.suggestions)
    elif categories:
        names = ("、" if lang != "en" else ", ").join(category_name(c, lang) for c, _ in categories)
        follow = f"{messages.browse_categories(lang)}\n{names}"
    else:
        follow = ""
    text = f"{first}\n{follow}".strip()
    blocks = [section(escape(text))]
    if note:
        blocks.append(context([note]))
    return message(text, blocks)


def card_message(hit: Hit, lang: str, *, note: str = "") -> Message:
    """One project's full card (``show``)."""
    entry = hit.entry
    blocks: list[Block] = [header(messages.understood_project(lang, entry.name))]
    blocks.append(
        section(f"{_title_line(entry, lang)}\n{escape(hit.description or messages.no_description(lang))}")
    )
    fields = [f"*{messages.category_label(lang)}*\n{escape(hit.category_name or entry.category)}"]
    status = messages.status_label(lang, entry.status)
    if hit.status_note:
        status = f"{status} — {hit.status_note}"
    fields.append(f"*{messages.status_label_title(lang)}*\n{escape(status)}")
    if entry.homepage:
        fields.append(
            f"*{messages.homepage_label(lang)}*\n{link(entry.homepage, _short_url(entry.homepage))}"
        )
    if entry.repo:
        fields.append(f"*{messages.repo_label(lang)}*\n{link(entry.repo, _short_url(entry.repo))}")
    if entry.cncf is not None:
        fields.append(
            f"*CNCF*\n{escape(messages.maturity_label(lang, entry.cncf.maturity, entry.cncf.since))}"
        )
    if entry.aliases:
        fields.append(f"*{messages.aliases_label(lang)}*\n{escape(', '.join(entry.aliases))}")
    blocks.append(fields_section(fields))
    if entry.tags:
        blocks.append(context([f"{messages.tags_label(lang)}: {escape(', '.join(entry.tags))}"]))
    if note:
        blocks.append(context([note]))
    return message(_fallback(messages.understood_project(lang, entry.name), [hit]), blocks)


def comparison_message(answer: Answer, *, note: str = "") -> Message:
    """Two projects side by side: Slack lays ``fields`` out in two columns, so each row is a pair of cells."""
    lang = answer.lang
    left, right = answer.hits
    title = messages.understood_title(answer)
    cells = [f"*{link(hit.entry.homepage, hit.entry.name)}*" for hit in (left, right)]
    cells += [escape(hit.description or messages.no_description(lang)) for hit in (left, right)]
    for row in comparison_rows(answer.hits, lang):
        cells += [f"*{escape(row.label)}*\n{escape(value)}" for value in row.values]
    blocks: list[Block] = [header(title)]
    blocks += [fields_section(cells[i : i + MAX_FIELDS]) for i in range(0, len(cells), MAX_FIELDS)]
    if note:
        blocks.append(context([note]))
    return message(_fallback(title, answer.hits), blocks)


# ---------------------------------------------------------------- fixed messages


def help_message(lang: str | None, *, command: str = "/ecosys") -> Message:
    """Help in ``lang``; in both Chinese and English when the language is unknown (empty command)."""
    langs = [lang] if lang else ["zh", "en"]
    blocks: list[Block] = []
    texts = []
    for one in langs:
        text = messages.help_text(one, command=command)
        texts.append(text)
        blocks.append(header(messages.help_title(one)))
        blocks.append(section(text))
    return message("\n\n".join(texts), blocks)


def categories_message(categories: Sequence[tuple[Category, int]], lang: str) -> Message:
    """Every category with its number of projects, as few sections as Slack's limit allows."""
    title = messages.categories_title(lang)
    lines = [
        f"• *{escape(category_name(c, lang))}* — {messages.projects_count(lang, n)}" for c, n in categories
    ]
    blocks: list[Block] = [header(title)]
    chunk: list[str] = []
    for line in lines:
        if chunk and len("\n".join([*chunk, line])) > MAX_SECTION:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(clip(line, MAX_SECTION))
    if chunk:
        blocks.append(section("\n".join(chunk)))
    fallback = "\n".join([title, *(f"• {category_name(c, lang)} — {n}" for c, n in categories)])
    return message(fallback, blocks)
