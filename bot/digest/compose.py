"""Gathers one channel's digest from the query log and the engine: the impure half of the content.

The same ``compose`` serves the clock, ``ecosys digest preview`` and ``ecosys digest send``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import Engine as Database

from bot.digest.content import (
    Changes,
    Digest,
    Spotlight,
    SpotlightItem,
    StatusChange,
    TopicCount,
    Unhelpful,
    badge,
)
from bot.render.badges import joined, labels
from bot.storage import digest_runs, feedback, query_log
from bot.storage.digest_runs import Snapshot
from bot.storage.schema import Workspace
from index.model import Category, Entry, Lang
from index.normalize import localize

if TYPE_CHECKING:
    from index.engine import Engine

TOPICS = 5
UNANSWERED = 5
UNANSWERED_READ = 200
"""Questions that found nothing read from the log, to split into gaps and off-topic text."""
UNHELPFUL = 5
QUESTIONS_READ = 50
"""Most asked questions read from the log to group into topics."""
SPOTLIGHT_ITEMS = 5


@dataclass(frozen=True)
class Composed:
    """A digest with what must be recorded once it is sent."""

    digest: Digest
    snapshot: Snapshot
    spotlight_id: str | None


def snapshot_of(entries: Mapping[str, Entry]) -> Snapshot:
    """Entry id → (status, CNCF maturity): what "what changed" compares between two digests."""
    return {eid: (e.status, e.cncf.maturity if e.cncf else "") for eid, e in entries.items()}


def changes_since(
    previous: Snapshot | None, entries: Mapping[str, Entry], *, lang: Lang, categories: int
) -> Changes:
    """New entries and status changes since ``previous`` (None: the channel's first digest)."""
    if previous is None:
        return Changes(first=True, total_entries=len(entries), total_categories=categories)
    current = snapshot_of(entries)
    added = [entries[eid] for eid in current.keys() - previous.keys()]
    named = sorted(
        (e for e in added if e.cncf is not None or e.source == "curated"),
        key=lambda e: (e.cncf is None, e.name.lower()),
    )
    new = tuple(
        f"{e.name} ({joined(labels(lang, status='active', maturity=e.cncf.maturity))})" if e.cncf else e.name
        for e in named
    )
    changed = tuple(
        StatusChange(entries[eid].name, badge(lang, *previous[eid]), badge(lang, *current[eid]))
        for eid in sorted(current.keys() & previous.keys(), key=lambda eid: entries[eid].name.lower())
        if current[eid] != previous[eid]
    )
    removed = len(previous.keys() - current.keys())
    return Changes(False, len(entries), categories, new, changed, removed, len(added) - len(named))


def pick_spotlight(categories: Sequence[tuple[Category, int]], last: str | None) -> Category | None:
    """The category after ``last`` among those with entries, wrapping round: each comes in turn."""
    filled = [category for category, count in categories if count]
    if not filled:
        return None
    ids = [category.id for category in filled]
    if last not in ids:
        return filled[0]
    return filled[(ids.index(last) + 1) % len(filled)]


def _item_badge(entry: Entry, lang: Lang) -> str:
    cncf = entry.cncf
    return " · ".join(
        labels(
            lang,
            status=entry.status,
            maturity=cncf.maturity if cncf else "",
            year=cncf.since if cncf else None,
        )
    )


def spotlight_of(engine: Engine, category: Category, lang: Lang) -> Spotlight:
    answer = engine.category_answer(category.id, lang=lang, limit=SPOTLIGHT_ITEMS)
    items = tuple(SpotlightItem(h.name, h.description, _item_badge(h.entry, lang)) for h in answer.hits)
    name = localize(category.name.get(lang), lang)
    return Spotlight(category.id, name, localize(category.description.get(lang), lang), items, answer.total)


def topics_of(engine: Engine, asked: Sequence[query_log.QuestionCount], lang: Lang) -> tuple[TopicCount, ...]:
    """Questions grouped by what the engine understood them as: a category, a project or the question."""
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for item in asked:
        answer = engine.search(item.question, limit=3)
        if answer.understood == "category" and answer.category is not None:
            key, label = f"c:{answer.category.id}", localize(answer.category.name.get(lang), lang)
        elif answer.understood == "project" and answer.hits:
            # Names in the digest's script, whatever script the question was asked in.
            key, label = f"p:{answer.hits[0].entry.id}", localize(answer.hits[0].entry.name, lang)
        elif answer.understood == "comparison" and answer.hits:
            ids = [hit.entry.id for hit in answer.hits]
            key, label = (
                "v:" + "|".join(ids),
                " vs ".join(localize(hit.entry.name, lang) for hit in answer.hits),
            )
        else:
            key, label = f"q:{item.question}", localize(item.question, lang)
        counts[key] = counts.get(key, 0) + item.count
        labels.setdefault(key, label)
    ranked = sorted(counts, key=lambda key: (-counts[key], labels[key]))
    return tuple(TopicCount(labels[key], counts[key]) for key in ranked[:TOPICS])


def gaps_of(
    engine: Engine, unanswered: Sequence[query_log.QuestionCount], lang: Lang
) -> tuple[tuple[TopicCount, ...], int]:
    """Questions that found nothing, split: the in-domain ones (gaps in the knowledge base, most asked
    first) and how many times off-topic text was asked (weather, emoji, ``%00`` probes)."""
    gaps: list[TopicCount] = []
    off_topic = 0
    for item in unanswered:
        if engine.in_domain(item.question):
            gaps.append(TopicCount(localize(item.question, lang), item.count))
        else:
            off_topic += item.count
    return tuple(gaps[:UNANSWERED]), off_topic


def unhelpful_of(
    engine: Engine, marked: Sequence[feedback.UnhelpfulAnswer], lang: Lang
) -> tuple[Unhelpful, ...]:
    entries = engine.entries()
    return tuple(
        Unhelpful(
            localize(item.question, lang),
            item.count,
            tuple(entries[e].name for e in item.entries if e in entries),
        )
        for item in marked
    )


def compose(
    db: Database,
    engine: Engine,
    workspace: Workspace,
    *,
    channel_id: str,
    lang: Lang,
    frequency: str,
    start: datetime,
    end: datetime,
    timezone: str,
) -> Composed:
    """The digest for ``channel_id`` covering the questions asked in its own workspace in ``[start, end)``."""
    asked = query_log.top_questions(db, workspace, since=start, until=end, limit=QUESTIONS_READ)
    unanswered = query_log.unanswered_questions(db, workspace, since=start, until=end, limit=UNANSWERED_READ)
    gaps, off_topic = gaps_of(engine, unanswered, lang)
    marked = feedback.unhelpful_answers(db, workspace, since=start, until=end, limit=UNHELPFUL)
    last = digest_runs.last_sent(db, workspace, channel_id)
    entries = engine.entries()
    categories = engine.categories()
    category = pick_spotlight(categories, last.spotlight if last else None)
    zone = ZoneInfo(timezone)
    digest = Digest(
        lang=lang,
        frequency=frequency,
        start=start.astimezone(zone).date(),
        end=(end - timedelta(seconds=1)).astimezone(zone).date(),
        asked_total=query_log.count_questions(db, workspace, since=start, until=end),
        topics=topics_of(engine, asked, lang),
        unanswered=gaps,
        off_topic=off_topic,
        unhelpful=unhelpful_of(engine, marked, lang),
        changes=changes_since(
            last.snapshot if last else None,
            entries,
            lang=lang,
            categories=sum(1 for _, n in categories if n),
        ),
        spotlight=spotlight_of(engine, category, lang) if category else None,
    )
    return Composed(digest, snapshot_of(entries), category.id if category else None)
