"""The query log: what people asked, kept only long enough to tell a channel what its week looked like.

One row per question asked on any surface, holding the *normalised* question text, its language, the
surface it came through, how many results it found and when (UTC). No user ids, no channel ids and no
message text beyond the question: the digest needs counts of questions, not who asked them.
Rows older than the retention limit are deleted by ``purge`` (the clock process runs it daily).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, delete, func, insert, select

from bot.storage.db import metadata
from index.normalize import normalize_question

QUESTION_MAX = 500
"""Longest question stored (``normalize_question`` caps at the same length)."""

DEFAULT_KEEP_DAYS = 90
"""How many days of questions the log keeps unless configured otherwise."""

query_log = Table(
    "query_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("asked_at", DateTime(timezone=True), nullable=False, index=True),
    Column("question", String(QUESTION_MAX), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("surface", String(16), nullable=False),
    Column("result_count", Integer, nullable=False),
)


def normalize(question: str) -> str:
    """The question as the log stores it: the engine's normal form (folded, mentions gone, capped)."""
    return normalize_question(question)[:QUESTION_MAX]


def _utc(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(UTC)
    if at.tzinfo is None:
        raise ValueError("query log times must be timezone-aware")
    return at.astimezone(UTC)


def record_query(
    db: Engine,
    *,
    question: str,
    lang: str,
    surface: str,
    result_count: int,
    at: datetime | None = None,
) -> None:
    """Log one question. Empty questions (only a mention, only spaces) are not logged."""
    text = normalize(question)
    if not text:
        return
    with db.begin() as conn:
        conn.execute(
            insert(query_log).values(
                asked_at=_utc(at),
                question=text,
                lang=lang[:8],
                surface=surface[:16],
                result_count=max(0, int(result_count)),
            )
        )


@dataclass(frozen=True)
class QuestionCount:
    """A question and how often it was asked in a period."""

    question: str
    count: int
    lang: str
    """The language it was asked in most recently."""


def _counts(
    db: Engine, *, since: datetime, until: datetime, unanswered: bool, limit: int
) -> list[QuestionCount]:
    where = [query_log.c.asked_at >= _utc(since), query_log.c.asked_at < _utc(until)]
    if unanswered:
        where.append(query_log.c.result_count == 0)
    asked = func.count().label("asked")
    last = func.max(query_log.c.asked_at).label("last")
    stmt = (
        select(query_log.c.question, asked, last)
        .where(*where)
        .group_by(query_log.c.question)
        .order_by(asked.desc(), last.desc(), query_log.c.question)
        .limit(limit)
    )
    with db.connect() as conn:
        rows = conn.execute(stmt).all()
        if not rows:
            return []
        langs = _latest_langs(conn, [row.question for row in rows], where)
    return [QuestionCount(row.question, int(row.asked), langs.get(row.question, "")) for row in rows]


def _latest_langs(conn, questions: list[str], where: list) -> dict[str, str]:  # type: ignore[no-untyped-def]
    stmt = (
        select(query_log.c.question, query_log.c.lang)
        .where(*where, query_log.c.question.in_(questions))
        .order_by(query_log.c.asked_at, query_log.c.id)
    )
    return {row.question: row.lang for row in conn.execute(stmt)}


def top_questions(db: Engine, *, since: datetime, until: datetime, limit: int = 5) -> list[QuestionCount]:
    """The most asked questions in ``[since, until)``, most asked first."""
    return _counts(db, since=since, until=until, unanswered=False, limit=limit)


def unanswered_questions(
    db: Engine, *, since: datetime, until: datetime, limit: int = 5
) -> list[QuestionCount]:
    """Questions in ``[since, until)`` that found nothing, most asked first: the gaps to fill."""
    return _counts(db, since=since, until=until, unanswered=True, limit=limit)


def count_questions(db: Engine, *, since: datetime, until: datetime) -> int:
    """How many questions were asked in ``[since, until)``."""
    stmt = select(func.count()).where(query_log.c.asked_at >= _utc(since), query_log.c.asked_at < _utc(until))
    with db.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def purge(db: Engine, *, keep_days: int = DEFAULT_KEEP_DAYS, now: datetime | None = None) -> int:
    """Delete questions older than ``keep_days``; returns how many rows went."""
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    cutoff = _utc(now) - timedelta(days=keep_days)
    with db.begin() as conn:
        return int(conn.execute(delete(query_log).where(query_log.c.asked_at < cutoff)).rowcount or 0)
