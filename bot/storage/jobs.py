"""The durable answer queue: a question is a row before it is acknowledged, and any process may answer it.

A job is held through a lease (``lease_owner``, ``lease_until``) rather than a lock: claiming is one
``UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING``, atomic on SQLite (a write statement takes the database's
write lock before it reads) and on PostgreSQL, where the sub-select adds ``FOR UPDATE SKIP LOCKED`` so
claimers pass each other instead of queueing. The same statement serves both; SQLite simply drops the
``FOR UPDATE``. A process that dies holding a job loses it when the lease runs out; one that stops
gracefully hands it back at once (``release``). A finished job is deleted: the queue keeps nothing that is
answered.

``delivering`` records that a holder started sending the answer: whoever takes the job over next knows
the asker may already have it and delivers idempotently (replace the message, or look for it first).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, insert, or_, select, update

from bot.storage.db import writing
from bot.storage.schema import Workspace, answer_jobs

LEASE = timedelta(seconds=60)
"""How long a job stays with the process that claimed it (an answer takes well under a second)."""

MAX_AGE = timedelta(minutes=30)
"""Slack's response_url and the thread stay answerable this long: older jobs are dropped, not answered."""


@dataclass(frozen=True)
class Job:
    """A question (or a button click) waiting for its answer."""

    id: int
    workspace: Workspace
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    """Claims so far, this one included."""
    redelivery: bool
    """A previous holder had started delivering the answer before it lost the job."""


def enqueue(
    db: Engine, workspace: Workspace, kind: str, payload: dict[str, Any], *, now: datetime | None = None
) -> int:
    """Store one job (one insert, made before the acknowledgement); returns its id."""
    with writing(db) as conn:
        return int(
            conn.execute(
                insert(answer_jobs).values(
                    enterprise_id=workspace.enterprise_id,
                    team_id=workspace.team_id,
                    kind=kind[:16],
                    payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                    created_at=now or datetime.now(UTC),
                )
            ).inserted_primary_key[0]
        )


def _free(now: datetime):  # type: ignore[no-untyped-def]
    return or_(answer_jobs.c.lease_until.is_(None), answer_jobs.c.lease_until < now)


def claim_next(
    db: Engine, *, worker: str, lease: timedelta = LEASE, now: datetime | None = None
) -> Job | None:
    """Take the oldest job nobody holds (never held, released, or its holder's lease ran out)."""
    now = now or datetime.now(UTC)
    oldest_free = (
        select(answer_jobs.c.id)
        .where(_free(now))
        .order_by(answer_jobs.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    stmt = (
        update(answer_jobs)
        .where(answer_jobs.c.id == oldest_free, _free(now))
        .values(lease_owner=worker[:64], lease_until=now + lease, attempts=answer_jobs.c.attempts + 1)
        .returning(*answer_jobs.c)
    )
    with writing(db) as conn:
        row = conn.execute(stmt).first()
    if row is None:
        return None
    return Job(
        id=row.id,
        workspace=Workspace(row.team_id, row.enterprise_id),
        kind=row.kind,
        payload=json.loads(row.payload),
        created_at=row.created_at,
        attempts=row.attempts,
        redelivery=bool(row.delivering),
    )


def _held(job_id: int, worker: str):  # type: ignore[no-untyped-def]
    return (answer_jobs.c.id == job_id) & (answer_jobs.c.lease_owner == worker[:64])


def mark_delivering(db: Engine, job_id: int, *, worker: str) -> bool:
    """Record that the answer is about to be sent; False when the job is no longer this worker's."""
    with writing(db) as conn:
        return bool(
            conn.execute(update(answer_jobs).where(_held(job_id, worker)).values(delivering=True)).rowcount
        )


def finish(db: Engine, job_id: int, *, worker: str) -> None:
    """The job is done (answered, or given up): delete it."""
    with writing(db) as conn:
        conn.execute(delete(answer_jobs).where(_held(job_id, worker)))


def release(db: Engine, job_id: int, *, worker: str) -> None:
    """Hand the job back unfinished (shutting down): any process may claim it at once."""
    with writing(db) as conn:
        conn.execute(
            update(answer_jobs).where(_held(job_id, worker)).values(lease_owner=None, lease_until=None)
        )


def drop_expired(db: Engine, *, max_age: timedelta = MAX_AGE, now: datetime | None = None) -> int:
    """Delete jobs too old to answer (their response_url has expired); returns how many."""
    cutoff = (now or datetime.now(UTC)) - max_age
    with writing(db) as conn:
        return int(conn.execute(delete(answer_jobs).where(answer_jobs.c.created_at < cutoff)).rowcount or 0)


def pending(db: Engine) -> int:
    """Jobs not yet finished (held or waiting)."""
    with db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(answer_jobs)).scalar_one())
