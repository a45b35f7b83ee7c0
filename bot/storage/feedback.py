"""Helpful / not-helpful votes on answers: what the digest reports as "answers marked unhelpful".

One row per (voter, answer). Like the query log, no user id is kept: ``voter_key`` is a hash of the
voter and the answer, enough to refuse a second vote on the same answer and nothing more. The row holds
the normalised question, its language, the entries the answer showed and whether it helped.
``team_id`` is the workspace ('' when unknown), so several workspaces can share one database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    UniqueConstraint,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from bot.storage.db import metadata
from index.normalize import normalize_question

QUESTION_MAX = 500
ENTRIES_MAX = 1000
"""Characters of comma-joined entry ids kept (a page shows five)."""

feedback_votes = Table(
    "feedback_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(32), nullable=False, default="", index=True),
    Column("voted_at", DateTime(timezone=True), nullable=False, index=True),
    Column("voter_key", String(64), nullable=False),
    Column("question", String(QUESTION_MAX), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("entries", String(ENTRIES_MAX), nullable=False, default=""),
    Column("helpful", Boolean, nullable=False),
    UniqueConstraint("team_id", "voter_key", name="uq_feedback_votes_voter"),
)


def voter_key(*, team_id: str, user_id: str, answer_key: str) -> str:
    """The one-way key that stops a second vote by the same person on the same answer."""
    return hashlib.sha256(f"{team_id}\x1f{user_id}\x1f{answer_key}".encode()).hexdigest()


def _utc(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(UTC)
    if at.tzinfo is None:
        raise ValueError("feedback times must be timezone-aware")
    return at.astimezone(UTC)


def record_vote(
    db: Engine,
    *,
    voter: str,
    question: str,
    lang: str,
    entry_ids: Sequence[str],
    helpful: bool,
    team_id: str = "",
    at: datetime | None = None,
) -> bool:
    """Store one vote; False (and nothing stored) when ``voter`` (``voter_key``) already voted."""
    row = {
        "team_id": team_id[:32],
        "voted_at": _utc(at),
        "voter_key": voter[:64],
        "question": normalize_question(question)[:QUESTION_MAX],
        "lang": lang[:8],
        "entries": ",".join(entry_ids)[:ENTRIES_MAX],
        "helpful": helpful,
    }
    try:
        with db.begin() as conn:
            conn.execute(insert(feedback_votes).values(**row))
    except IntegrityError:
        return False
    return True


@dataclass(frozen=True)
class UnhelpfulAnswer:
    """A question whose answer people marked not helpful, how often, and what it showed."""

    question: str
    count: int
    entries: tuple[str, ...]
    """Entry ids shown by the most recent such answer."""


def unhelpful_answers(
    db: Engine, *, since: datetime, until: datetime, limit: int = 5, team_id: str | None = None
) -> list[UnhelpfulAnswer]:
    """Questions marked not helpful in ``[since, until)``, most marked first (``team_id`` None: all)."""
    where = [
        feedback_votes.c.voted_at >= _utc(since),
        feedback_votes.c.voted_at < _utc(until),
        feedback_votes.c.helpful.is_(False),
    ]
    if team_id is not None:
        where.append(feedback_votes.c.team_id == team_id)
    votes = func.count().label("votes")
    last = func.max(feedback_votes.c.voted_at).label("last")
    stmt = (
        select(feedback_votes.c.question, votes, last)
        .where(*where)
        .group_by(feedback_votes.c.question)
        .order_by(votes.desc(), last.desc(), feedback_votes.c.question)
        .limit(limit)
    )
    with db.connect() as conn:
        rows = conn.execute(stmt).all()
        out = []
        for row in rows:
            shown = conn.execute(
                select(feedback_votes.c.entries)
                .where(*where, feedback_votes.c.question == row.question)
                .order_by(feedback_votes.c.voted_at.desc(), feedback_votes.c.id.desc())
                .limit(1)
            ).scalar_one()
            entries = tuple(e for e in shown.split(",") if e)
            out.append(UnhelpfulAnswer(row.question, int(row.votes), entries))
    return out


def purge(db: Engine, *, keep_days: int, now: datetime | None = None) -> int:
    """Delete votes older than ``keep_days`` (the query log's retention); returns how many went."""
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    cutoff = _utc(now) - timedelta(days=keep_days)
    with db.begin() as conn:
        return int(
            conn.execute(delete(feedback_votes).where(feedback_votes.c.voted_at < cutoff)).rowcount or 0
        )
