"""The one rule for a question that found nothing, for every surface (Slack, App Home, the terminal).

Say so in the question's language, then offer a way on: "did you mean" names when a near spelling
exists; otherwise at most ``MAX_CATEGORIES`` categories that have entries — the ones nearest the question,
or, when nothing is near (weather, a typo of nothing), the ones people ask about most. A category whose
name contains a project's name ("Certified Kubernetes - Distribution") is not offered for a question it is
not near: it would make an off-topic answer look like an answer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.storage.schema import Workspace
from index.answer import Answer
from index.catalog import compact, words
from index.model import Category
from index.normalize import fold, localize

if TYPE_CHECKING:
    from sqlalchemy import Engine as Database

    from index.engine import Engine

MAX_CATEGORIES = 8
MOST_ASKED_DAYS = 30
"""How far back "most asked" looks in the query log."""
MOST_ASKED_QUESTIONS = 50
MOST_ASKED_TTL = 600.0
"""Seconds the most-asked categories are reused before the log is read again (per process)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CategoryChoice:
    """A category offered instead of an answer: a button that asks for it."""

    id: str
    name: str
    """In the answer's language (Traditional characters for a Traditional question)."""
    count: int


@dataclass(frozen=True)
class NothingFound:
    """What to say when a question found nothing."""

    question: str
    lang: str
    did_you_mean: tuple[str, ...] = ()
    categories: tuple[CategoryChoice, ...] = ()


def category_name(category: Category, lang: str) -> str:
    """A category's name in ``lang`` (Traditional characters for ``zh-Hant``)."""
    return localize(category.name.get(lang), lang)  # type: ignore[arg-type]


def names_a_project(engine: Engine, text: str) -> bool:
    """Whether ``text`` (a category name) contains a project's name, such as Kubernetes."""
    names = engine.catalog.names
    return any(compact(word) in names for word in words(fold(text)) if len(word) > 2)


def _choices(pairs: Sequence[tuple[Category, int]], lang: str) -> tuple[CategoryChoice, ...]:
    return tuple(CategoryChoice(c.id, category_name(c, lang), n) for c, n in pairs[:MAX_CATEGORIES])


def help_for(engine: Engine, answer: Answer, *, most_asked: Sequence[str] = ()) -> NothingFound:
    """The way on from ``answer`` (which found nothing); ``most_asked`` are category ids, most asked first."""
    question, lang = " ".join(answer.question.split()), answer.lang
    if answer.suggestions:
        return NothingFound(question, lang, did_you_mean=answer.suggestions)
    near = engine.near_categories(answer.question, limit=MAX_CATEGORIES)
    if near:
        return NothingFound(question, lang, categories=_choices(near, lang))
    populated = [(c, n) for c, n in engine.categories() if n]
    by_id = {c.id: (c, n) for c, n in populated}
    ranked = [by_id[cid] for cid in most_asked if cid in by_id]
    ranked += [pair for pair in populated if pair not in ranked]
    plain = [(c, n) for c, n in ranked if not names_a_project(engine, c.name.get(lang))]  # type: ignore[arg-type]
    return NothingFound(question, lang, categories=_choices(plain, lang))


def asked_categories(engine: Engine, questions: Sequence[tuple[str, int]]) -> list[str]:
    """Category ids of ``(question, times asked)``, most asked first: a category question counts for its
    category, a project question for the project's."""
    counts: Counter[str] = Counter()
    for question, times in questions:
        answer = engine.search(question, limit=1)
        if answer.understood == "category" and answer.category is not None:
            counts[answer.category.id] += times
        elif answer.understood == "project" and answer.hits:
            counts[answer.hits[0].entry.category] += times
    return [cid for cid, _ in counts.most_common()]


_cache: dict[tuple[int, Workspace, int], tuple[float, list[str]]] = {}
_cache_lock = threading.Lock()


def most_asked_categories(
    db: Database, workspace: Workspace, engine: Engine, *, now: datetime | None = None
) -> list[str]:
    """The categories the workspace asked about most in the last ``MOST_ASKED_DAYS`` days (reused for a
    few minutes).

    An unreachable database gives no ranking rather than an error: the editor's order is a fine fallback.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from bot.storage.query_log import top_questions

    key = (id(db), workspace, id(engine))
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None and time.monotonic() - cached[0] < MOST_ASKED_TTL and now is None:
        return cached[1]
    until = now or datetime.now(UTC)
    try:
        asked = top_questions(
            db,
            workspace,
            since=until - timedelta(days=MOST_ASKED_DAYS),
            until=until,
            limit=MOST_ASKED_QUESTIONS,
        )
    except SQLAlchemyError:
        log.warning("could not read the query log for the most asked categories", exc_info=True)
        return []
    ranked = asked_categories(engine, [(q.question, q.count) for q in asked])
    with _cache_lock:
        _cache[key] = (time.monotonic(), ranked)
    return ranked
