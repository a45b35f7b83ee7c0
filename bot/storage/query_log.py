"""The query log: what people asked, kept only long enough to tell a channel what its week looked like.

One row per question asked on any surface, holding the workspace it was asked in, the *normalised* question
text, its language, the surface it came through, how many results it found and when (UTC). No user ids, no
channel ids and no message text beyond the question: the digest needs counts of questions, not who asked
them. Every read is of one workspace: a digest never shows another workspace's questions.
Rows older than the retention limit are deleted by ``purge`` (the clock process runs it daily).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select

from bot.storage.schema import QUESTION_MAX, Workspace, query_log, workspace_is
from index.normalize import normalize_question

DEFAULT_KEEP_DAYS = 90
"""How many days of questions the log keeps unless configured otherwise."""


def normalize(question: str) -> str:
    """The question as the log stores it: the engine's normal form (folded, mentions gone, capped)."""
    return normalize_question(question)[:QUESTION_MAX]


def record_query(
    db: Engine,
    workspace: Workspace,
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
                enterprise_id=workspace.enterprise_id,
                team_id=workspace.team_id,
                asked_at=at or datetime.now(UTC),
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
    db: Engine, workspace: Workspace, *, since: datetime, until: datetime, unanswered: bool, limit: int
) -> list[QuestionCount]:
    where = [workspace_is(query_log, workspace), query_log.c.asked_at >= since, query_log.c.asked_at < until]
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


def top_questions(
    db: Engine, workspace: Workspace, *, since: datetime, until: datetime, limit: int = 5
) -> list[QuestionCount]:
    """The workspace's most asked questions in ``[since, until)``, most asked first."""
    return _counts(db, workspace, since=since, until=until, unanswered=False, limit=limit)


def unanswered_questions(
    db: Engine, workspace: Workspace, *, since: datetime, until: datetime, limit: int = 5
) -> list[QuestionCount]:
    """The workspace's questions in ``[since, until)`` that found nothing, most asked first: the gaps."""
    return _counts(db, workspace, since=since, until=until, unanswered=True, limit=limit)


def count_questions(db: Engine, workspace: Workspace, *, since: datetime, until: datetime) -> int:
    """How many questions were asked in the workspace in ``[since, until)``."""
    stmt = select(func.count()).where(
        workspace_is(query_log, workspace), query_log.c.asked_at >= since, query_log.c.asked_at < until
    )
    with db.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def purge(db: Engine, *, keep_days: int = DEFAULT_KEEP_DAYS, now: datetime | None = None) -> int:
    """Delete questions older than ``keep_days``; returns how many rows went."""
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    with db.begin() as conn:
        return int(conn.execute(delete(query_log).where(query_log.c.asked_at < cutoff)).rowcount or 0)
