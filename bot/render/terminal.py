"""The answer laid out for a terminal: what ``ecosys ask`` prints (the same content Slack shows)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bot.nothing_found import NothingFound, category_name
from bot.render import messages
from bot.render.badges import entry_badges
from bot.render.compare import comparison_rows
from index.answer import Answer, Hit
from index.model import Category, Lang

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text


def _marked(hit: Hit, color: bool) -> str:
    if not hit.description:
        return ""
    if not color or not hit.highlights:
        return hit.description
    out, last = [], 0
    for start, end in hit.highlights:
        out += [hit.description[last:start], _style(hit.description[start:end], BOLD, True)]
        last = end
    out.append(hit.description[last:])
    return "".join(out)


def render_hit(number: int, hit: Hit, lang: Lang, *, color: bool, card: bool = False) -> list[str]:
    """One entry of an answer; ``card``: the project asked about, whose status is always said (as Slack's card
    does), so "is vLLM still maintained?" reads "Status: active"."""
    entry = hit.entry
    tags = entry_badges(entry, lang)
    title = f"{number}. {_style(hit.name, BOLD, color)}" + (f"  [{' · '.join(tags)}]" if tags else "")
    lines = [title]
    description = _marked(hit, color) or _style(messages.no_description(lang), DIM, color)
    lines.append(f"   {description}")
    if card:
        lines.append(
            f"   {messages.status_label_title(lang)}: {messages.status_text(lang, entry.status, hit.status_note)}"
        )
    elif hit.status_note:
        lines.append(f"   {messages.status_label_title(lang)}: {hit.status_note}")
    context = [f"{messages.category_label(lang)}: {hit.category_name}"]
    if entry.homepage:
        context.append(entry.homepage)
    if entry.repo and entry.repo != entry.homepage:
        context.append(entry.repo)
    if entry.facts.based_in != "unknown":
        context.append(messages.based_in_text(lang, entry.facts.based_in))
    lines.append("   " + _style(" · ".join(context), DIM, color))
    return lines


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _comparison_table(answer: Answer, *, color: bool) -> list[str]:
    """The compared projects' facts as aligned rows; long prose (strengths, trade-offs) as one line each."""
    rows = comparison_rows(answer.hits, answer.lang)
    names = [hit.name for hit in answer.hits]
    label_width = max(_width(r.label) for r in rows) + 2
    short = [r for r in rows if all(_width(v) <= 28 for v in r.values)]
    long = [r for r in rows if r not in short]
    column = max(_width(v) for r in short for v in (*r.values, *names)) + 2
    out = [_style(_pad("", label_width) + "".join(_pad(n, column) for n in names).rstrip(), BOLD, color)]
    out += [(_pad(r.label, label_width) + "".join(_pad(v, column) for v in r.values)).rstrip() for r in short]
    name_width = max(_width(n) for n in names) + 2
    for row in long:
        out.append(row.label)
        out += [
            f"  {_pad(name + ':', name_width)}{value}" for name, value in zip(names, row.values, strict=True)
        ]
    return out


def render_nothing_found(found: NothingFound) -> str:
    """The nothing-found reply: the same words and the same offers as Slack's buttons."""
    lang = found.lang
    lines = [messages.nothing_found(lang, found.question)]
    if found.did_you_mean:
        lines.append(messages.did_you_mean(lang, found.did_you_mean))
    elif found.categories:
        lines.append(messages.browse_categories(lang))
        lines.append("  " + " · ".join(f"{c.name} ({c.count})" for c in found.categories))
    return "\n".join(lines) + "\n"


def render_answer(answer: Answer, *, color: bool = False, nothing: NothingFound | None = None) -> str:
    """The whole answer; ``nothing`` says what to offer when it found nothing (``bot.nothing_found``)."""
    lang = answer.lang
    if not answer.hits and answer.total:
        return messages.no_more(lang, answer.total) + "\n"
    if not answer.hits:
        found = nothing or NothingFound(" ".join(answer.question.split()), lang, answer.suggestions)
        return render_nothing_found(found)
    lines = [_style(messages.understood_title(answer), BOLD, color), ""]
    asked_about = answer.understood == "project" and answer.offset == 0
    for i, hit in enumerate(answer.hits, start=answer.offset + 1):
        lines += render_hit(i, hit, lang, color=color, card=asked_about and i == 1)
        lines.append("")
    if answer.understood == "comparison" and len(answer.hits) >= 2:
        lines += _comparison_table(answer, color=color)
        lines.append("")
    if answer.has_more:
        last = answer.offset + len(answer.hits)
        lines.append(_style(messages.page_note(lang, answer.offset + 1, last, answer.total), DIM, color))
    return "\n".join(lines).rstrip() + "\n"


def render_categories(categories: Sequence[tuple[Category, int]], lang: str, *, color: bool = False) -> str:
    """Every category with its number of projects (Slack's ``/ecosys list``, in the terminal)."""
    lines = [_style(messages.categories_title(lang), BOLD, color), ""]
    lines += [f"• {category_name(c, lang)} — {messages.projects_count(lang, n)}" for c, n in categories]
    return "\n".join(lines) + "\n"


def render_help(lang: str) -> str:
    """What ecosys answers and the words it understands, as ``ecosys ask`` takes them."""
    return messages.help_text(lang, command="ecosys ask", slack=False).replace("`", "") + "\n"


def render_subscriptions_in_slack(lang: str) -> str:
    return messages.subscriptions_in_slack(lang) + "\n"
