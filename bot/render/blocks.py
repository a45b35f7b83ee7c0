"""Block Kit messages built from engine answers: pure functions from plain data to Slack payload dicts.

Every builder returns ``{"text": ..., "blocks": [...]}``: ``text`` is the plain-text fallback Slack shows in
notifications and to clients without Block Kit. Blocks come from ``bot.render.kit``, which holds Slack's
limits; badges from ``bot.render.badges``, the rule the terminal shares.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.nothing_found import NothingFound, category_name
from bot.render import messages
from bot.render.badges import entry_badges, joined
from bot.render.compare import comparison_rows
from bot.render.kit import (
    MAX_BLOCKS,
    MAX_FIELDS,
    MAX_SECTION,
    Block,
    Message,
    actions,
    button,
    clip,
    context,
    escape,
    fields_section,
    header,
    link,
    message,
    section,
    text_message,
)
from index.answer import Answer, Hit
from index.model import Category

ACTION_MORE = "ecosys_more"
ACTION_SHARE = "ecosys_share"
ACTION_CATEGORY = "ecosys_category"
"""A category offered when nothing was found: runs that category's question."""
ACTION_SUGGEST = "ecosys_suggest"
"""A "did you mean" name: shows that project."""
ACTION_HELPFUL = "ecosys_helpful"
ACTION_UNHELPFUL = "ecosys_unhelpful"
FEEDBACK_BLOCK = "ecosys_feedback"

__all__ = ["Message", "category_name", "text_message"]


# ---------------------------------------------------------------- answers


def _title_line(hit: Hit, lang: str) -> str:
    entry = hit.entry
    badge = joined(entry_badges(entry, lang))
    name = f"*{link(entry.homepage, hit.name)}*"
    return f"{name}  `{escape(badge)}`" if badge else name


def _context_parts(hit: Hit, lang: str) -> list[str]:
    entry = hit.entry
    parts = [escape(hit.category_name)] if hit.category_name else []
    if entry.homepage:
        parts.append(link(entry.homepage, _short_url(entry.homepage)))
    if entry.facts.based_in != "unknown":
        parts.append(escape(messages.based_in_text(lang, entry.facts.based_in)))
    if hit.status_note and entry.status not in ("active", "unknown"):
        parts.append(escape(hit.status_note))
    return parts


def _short_url(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def hit_blocks(hit: Hit, lang: str) -> list[Block]:
    """One entry of a result list: linked name with badges, description, then a context line."""
    description = hit.description or messages.no_description(lang)
    return [
        section(f"{_title_line(hit, lang)}\n{escape(description)}"),
        context(_context_parts(hit, lang)),
    ]


def _buttons(answer: Answer, more_value: str | None, share_value: str | None) -> list[Block]:
    lang = answer.lang
    elements = []
    if share_value is not None:
        elements.append(button(messages.share_button(lang), ACTION_SHARE, share_value, style="primary"))
    if more_value is not None and answer.has_more:
        elements.append(button(messages.more_button(lang), ACTION_MORE, more_value))
    return actions(elements)


def feedback_blocks(lang: str, values: tuple[str, str] | None) -> list[Block]:
    """ "Was this helpful?" with 👍 / 👎 buttons; ``values`` are the (helpful, not helpful) button values."""
    if values is None:
        return []
    helpful, unhelpful = values
    return [
        *actions(
            [
                button(messages.helpful_button(lang), ACTION_HELPFUL, helpful),
                button(messages.unhelpful_button(lang), ACTION_UNHELPFUL, unhelpful),
            ],
            block_id=FEEDBACK_BLOCK,
        )
    ]


def _fallback(title: str, hits: Sequence[Hit]) -> str:
    lines = [title]
    for hit in hits:
        lines.append(f"• {hit.name} — {hit.description}" if hit.description else f"• {hit.name}")
    return "\n".join(lines)


def _with_footer(blocks: list[Block], footer: Sequence[Block]) -> list[Block]:
    return blocks[: MAX_BLOCKS - len(footer)] + list(footer)


def answer_message(
    answer: Answer,
    *,
    more_value: str | None = None,
    share_value: str | None = None,
    feedback_values: tuple[str, str] | None = None,
    note: str = "",
) -> Message:
    """The reply to a question, a ``show`` or a ``compare`` that found something.

    ``more_value``/``share_value`` are the opaque values of the More and Share buttons (no button when
    None; More only when the answer has more); ``feedback_values`` those of the helpful / not helpful
    buttons. ``note`` is an extra context line in mrkdwn (who shared the message), escaped by the caller.
    """
    lang = answer.lang
    feedback = feedback_blocks(lang, feedback_values)
    if answer.understood == "comparison" and len(answer.hits) == 2:
        return comparison_message(answer, note=note, footer=feedback)
    if answer.understood == "project" and answer.offset == 0 and len(answer.hits) == 1:
        return card_message(answer.hits[0], lang, note=note, footer=feedback)
    title = messages.understood_title(answer)
    blocks: list[Block] = [header(title)]
    for hit in answer.hits:
        blocks.extend(hit_blocks(hit, lang))
    first, last = answer.offset + 1, answer.offset + len(answer.hits)
    notes = [messages.page_note(lang, first, last, answer.total)] if answer.total > len(answer.hits) else []
    if note:
        notes.append(note)
    if notes:
        blocks.append(context(notes))
    footer = _buttons(answer, more_value, share_value) + feedback
    return message(_fallback(title, answer.hits), _with_footer(blocks, footer))


def nothing_found_message(
    found: NothingFound, *, value_for: Callable[[str, str], str], note: str = ""
) -> Message:
    """Nothing relevant: say so in the question's language, then "did you mean" or a few categories, as
    buttons. ``value_for(kind, key)`` gives a button's value: kind ``show`` with a project name, kind
    ``category`` with a category id."""
    names = [*found.did_you_mean, *(c.name for c in found.categories)]
    first = messages.nothing_found(found.lang, found.question)
    blocks = nothing_found_blocks(found, value_for=value_for)
    if note:
        blocks.append(context([note]))
    return message("\n".join([first, " · ".join(names)]), blocks)


def nothing_found_blocks(
    found: NothingFound,
    *,
    value_for: Callable[[str, str], str],
    category_action: str = ACTION_CATEGORY,
    suggest_action: str = ACTION_SUGGEST,
) -> list[Block]:
    """The blocks of ``nothing_found_message``, with the action ids of the surface (App Home has its own)."""
    lang = found.lang
    first = messages.nothing_found(lang, found.question)
    blocks: list[Block] = []
    if found.did_you_mean:
        follow = messages.did_you_mean(lang, found.did_you_mean)
        elements = [button(name, suggest_action, value_for("show", name)) for name in found.did_you_mean]
    elif found.categories:
        follow = messages.browse_categories(lang)
        elements = [
            button(f"{c.name} ({c.count})", category_action, value_for("category", c.id))
            for c in found.categories
        ]
    else:
        follow, elements = "", []
    blocks.append(section(escape(f"{first}\n{follow}".strip())))
    blocks.extend(actions(elements))
    return blocks


def card_message(hit: Hit, lang: str, *, note: str = "", footer: Sequence[Block] = ()) -> Message:
    """One project's full card (``show``)."""
    entry = hit.entry
    blocks: list[Block] = [header(messages.understood_project(lang, hit.name))]
    blocks.append(
        section(f"{_title_line(hit, lang)}\n{escape(hit.description or messages.no_description(lang))}")
    )
    fields = [f"*{messages.category_label(lang)}*\n{escape(hit.category_name or entry.category)}"]
    status = messages.status_text(lang, entry.status, hit.status_note)
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
    if entry.facts.based_in != "unknown":
        fields.append(f"*{messages.based_in_label(lang)}*\n{escape(entry.facts.based_in)}")
    blocks.append(fields_section(fields))
    if entry.tags:
        blocks.append(context([f"{messages.tags_label(lang)}: {escape(', '.join(entry.tags))}"]))
    if note:
        blocks.append(context([note]))
    return message(_fallback(messages.understood_project(lang, hit.name), [hit]), [*blocks, *footer])


def comparison_message(answer: Answer, *, note: str = "", footer: Sequence[Block] = ()) -> Message:
    """Two projects side by side: Slack lays ``fields`` out in two columns, so each row is a pair of cells."""
    lang = answer.lang
    title = messages.understood_title(answer)
    left, right = answer.hits
    cells = [f"*{link(hit.entry.homepage, hit.name)}*" for hit in (left, right)]
    cells += [escape(hit.description or messages.no_description(lang)) for hit in (left, right)]
    for row in comparison_rows(answer.hits, lang):
        cells += [f"*{escape(row.label)}*\n{escape(value)}" for value in row.values]
    blocks: list[Block] = [header(title)]
    blocks += [fields_section(cells[i : i + MAX_FIELDS]) for i in range(0, len(cells), MAX_FIELDS)]
    if note:
        blocks.append(context([note]))
    return message(_fallback(title, answer.hits), [*blocks, *footer])


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
