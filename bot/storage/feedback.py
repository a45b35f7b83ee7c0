"""Helpful / not-helpful votes on answers: what the digest reports as "answers marked unhelpful".

One row per (voter, answer). Like the query log, no user id is kept: ``voter_key`` is a hash of the
voter and the answer, enough to refuse a second vote on the same answer and nothing more. The row holds
the normalised question, its language, the entries the answer showed and whether it helped.
Votes are kept per workspace (``enterprise_id``, ``team_id``): a digest reports only its own workspace's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from bot.storage.schema import ENTRIES_MAX, QUESTION_MAX, Workspace, feedback_votes, workspace_is
from index.normalize import normalize_question


def voter_key(*, team_id: str, user_id: str, answer_key: str) -> str:
    """The one-way key that stops a second vote by the same person on the same answer."""
    return hashlib.sha256(f"{team_id}\x1f{user_id}\x1f{answer_key}".encode()).hexdigest()


def record_vote(
    db: Engine,
    workspace: Workspace,
    *,
    voter: str,
    question: str,
    lang: str,
    entry_ids: Sequence[str],
    helpful: bool,
    at: datetime | None = None,
) -> bool:
    """Store one vote; False (and nothing stored) when ``voter`` (``voter_key``) already voted."""
    row = {
        "enterprise_id": workspace.enterprise_id,
        "team_id": workspace.team_id,
        "voted_at": at or datetime.now(UTC),
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
    db: Engine, workspace: Workspace, *, since: datetime, until: datetime, limit: int = 5
) -> list[UnhelpfulAnswer]:
    """The workspace's questions marked not helpful in ``[since, until)``, most marked first."""
    where = [
        workspace_is(feedback_votes, workspace),
        feedback_votes.c.voted_at >= since,
        feedback_votes.c.voted_at < until,
        feedback_votes.c.helpful.is_(False),
    ]
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
    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    with db.begin() as conn:
        return int(
            conn.execute(delete(feedback_votes).where(feedback_votes.c.voted_at < cutoff)).rowcount or 0
        )
