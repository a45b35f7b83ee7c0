"""A digest as plain data, and the pure functions that turn it into a Slack message or terminal text.

``build_message`` builds its blocks with ``bot.render.kit`` (Slack's limits, escaping) and cuts lists
saying how many were left out; user-supplied text (questions) is escaped so that a question such as
``<!channel>`` cannot notify anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.digest import texts
from bot.render import kit
from bot.render.badges import joined, labels
from bot.render.kit import escape

LIST_LIMIT = 10
"""Items shown per list (new entries, status changes); the rest are counted."""


@dataclass(frozen=True)
class TopicCount:
    """A topic people asked about (a category, a project or a question as asked) and how often."""

    topic: str
    count: int


@dataclass(frozen=True)
class StatusChange:
    """An entry whose lifecycle status or CNCF maturity changed since the channel's last digest."""

    name: str
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    """What changed in the knowledge base since the channel's last digest."""

    first: bool
    """No earlier digest: there is nothing to compare with."""
    total_entries: int
    total_categories: int
    new: tuple[str, ...] = ()
    """New curated entries and new CNCF projects, CNCF ones first with their maturity ("Kmesh (CNCF sandbox)")."""
    status: tuple[StatusChange, ...] = ()
    """Status and CNCF maturity moves (sandbox → incubating → graduated, archived)."""
    removed: int = 0
    new_others: int = 0
    """Other new landscape items (vendors' products, members): counted, not named."""

    @property
    def empty(self) -> bool:
        return not (self.new or self.status or self.removed or self.new_others)


@dataclass(frozen=True)
class SpotlightItem:
    name: str
    description: str
    badge: str = ""


@dataclass(frozen=True)
class Spotlight:
    """One category and its first entries, in the digest's language."""

    category_id: str
    name: str
    description: str
    items: tuple[SpotlightItem, ...]
    total: int


@dataclass(frozen=True)
class Unhelpful:
    """An answer people marked not helpful: the question, how often, and the projects it showed."""

    question: str
    count: int
    shown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Digest:
    """Everything one digest says, already in its language."""

    lang: str
    frequency: str
    start: date
    end: date
    asked_total: int
    topics: tuple[TopicCount, ...]
    unanswered: tuple[TopicCount, ...]
    changes: Changes
    spotlight: Spotlight | None = None
    off_topic: int = 0
    """Questions that found nothing and were not about the ecosystem (weather, emoji, probes)."""
    unhelpful: tuple[Unhelpful, ...] = ()


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class _Markup:
    """How lines are marked up: Slack mrkdwn (escaped, bold names) or plain terminal text."""

    esc: Callable[[str], str]
    strong: str
    soft: str


SLACK = _Markup(escape, "*", "_")
PLAIN = _Markup(_same, "", "")


def _counted(lang: str, items: tuple[TopicCount, ...], m: _Markup) -> list[str]:
    return [f"{n}. {m.esc(item.topic)} · {texts.times(lang, item.count)}" for n, item in enumerate(items, 1)]


def _unhelpful_lines(lang: str, items: tuple[Unhelpful, ...], m: _Markup) -> list[str]:
    if not items:
        return [texts.none_unhelpful(lang)]
    lines = []
    for n, item in enumerate(items, 1):
        shown = f" → {', '.join(m.esc(name) for name in item.shown)}" if item.shown else ""
        lines.append(f"{n}. {m.esc(item.question)} · {texts.times(lang, item.count)}{shown}")
    return [*lines, texts.unhelpful_hint(lang)]


def _changes_lines(digest: Digest, m: _Markup) -> list[str]:
    lang, changes = digest.lang, digest.changes
    if changes.first:
        return [texts.first_digest(lang, changes.total_entries, changes.total_categories)]
    if changes.empty:
        return [texts.no_changes(lang)]
    lines: list[str] = []
    if changes.new:
        shown = ", ".join(m.esc(name) for name in changes.new[:LIST_LIMIT])
        more = len(changes.new) - LIST_LIMIT
        lines.append(f"{texts.new_entries(lang, len(changes.new))} {shown}")
        if more > 0:
            lines.append(texts.and_more(lang, more))
    if changes.new_others:
        lines.append(texts.new_landscape_items(lang, changes.new_others))
    if changes.status:
        lines.append(texts.status_changes(lang, len(changes.status)))
        lines += [f"• {m.esc(c.name)}: {c.before} → {c.after}" for c in changes.status[:LIST_LIMIT]]
        if len(changes.status) > LIST_LIMIT:
            lines.append(texts.and_more(lang, len(changes.status) - LIST_LIMIT))
    if changes.removed:
        lines.append(texts.removed_entries(lang, changes.removed))
    return lines


def _spotlight_lines(spotlight: Spotlight, lang: str, m: _Markup) -> list[str]:
    lines = [m.esc(spotlight.description)] if spotlight.description else []
    for item in spotlight.items:
        badge = f" {m.soft}{m.esc(item.badge)}{m.soft}" if item.badge else ""
        text = f" — {m.esc(item.description)}" if item.description else ""
        lines.append(f"• {m.strong}{m.esc(item.name)}{m.strong}{badge}{text}")
    if spotlight.total > len(spotlight.items):
        lines.append(texts.spotlight_more(lang, spotlight.total, len(spotlight.items), m.esc(spotlight.name)))
    return lines


def sections(digest: Digest, markup: _Markup = SLACK) -> list[tuple[str, list[str]]]:
    """The digest's parts as (title, lines), in order; shared by Slack and the terminal."""
    lang, m = digest.lang, markup
    asked = _counted(lang, digest.topics, m) or [texts.nothing_asked(lang)]
    unanswered = _counted(lang, digest.unanswered, m)
    unanswered = [*unanswered, texts.unanswered_hint(lang)] if unanswered else [texts.all_answered(lang)]
    if digest.off_topic:
        unanswered.append(texts.off_topic(lang, digest.off_topic))
    parts = [
        (texts.asked_title(lang, digest.asked_total), asked),
        (texts.unanswered_title(lang), unanswered),
        (texts.unhelpful_title(lang), _unhelpful_lines(lang, digest.unhelpful, m)),
        (texts.changes_title(lang), _changes_lines(digest, m)),
    ]
    if digest.spotlight is not None:
        parts.append(
            (texts.spotlight_title(lang, digest.spotlight.name), _spotlight_lines(digest.spotlight, lang, m))
        )
    return parts


def title(digest: Digest) -> str:
    return texts.digest_title(digest.lang, digest.frequency, digest.start, digest.end)


def build_message(digest: Digest) -> dict:
    """The digest as a chat.postMessage payload: ``{"text": fallback, "blocks": [...]}``."""
    blocks = [kit.header(title(digest))]
    for heading, lines in sections(digest):
        blocks.append(kit.section(kit.fit_lines([f"*{escape(heading)}*", *lines])))
    blocks.append(kit.context([texts.footer(digest.lang)]))
    return kit.message(render_text(digest), blocks)


def render_text(digest: Digest) -> str:
    """The digest as plain text: the message's fallback and what ``ecosys digest preview`` prints."""
    out = [title(digest)]
    for heading, lines in sections(digest, PLAIN):
        out += ["", heading, *lines]
    return "\n".join(out)


def badge(lang: str, status: str, maturity: str) -> str:
    """A status as shown in the digest: the lifecycle status, plus the CNCF maturity when there is one."""
    return joined(labels(lang, status=status, maturity=maturity, always_status=True))
