"""Digest runs: the claim that makes each (channel, period) digest go out once.

A run row is inserted before anything is sent; the unique ``(channel_id, period)`` key means only one clock
process wins it. Its ``state`` then records how far the send got:

- ``claimed``: won, nothing sent yet. If the process dies here, another takes the run over once the lease
  has expired and sends it — there is nothing to duplicate.
- ``posting``: the message is being posted. Dying here leaves it unknown whether Slack got it, so whoever
  takes the run over first looks for the message in the channel (it carries the run's period in its
  metadata) and only posts when it is not there.
- ``sent`` (with the message ``ts``), ``paused`` (the channel is gone or removed the bot), ``failed``.

The run also keeps the knowledge-base snapshot and the spotlight category of the digest it sends, so the
next digest of the channel can say what changed since and show the next category.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from bot.storage.db import metadata

LEASE = timedelta(minutes=10)
"""How long a claim is left to its owner before another process may take it over."""

MAX_ATTEMPTS = 3
"""Take-overs allowed before a run is given up as failed."""

Snapshot = dict[str, tuple[str, str]]
"""Entry id → (status, CNCF maturity or "")."""

digest_runs = Table(
    "digest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel_id", String(32), nullable=False),
    Column("period", String(40), nullable=False),
    Column("state", String(10), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("worker", String(64), nullable=False),
    Column("first_claimed_at", DateTime(timezone=True), nullable=False),
    Column("claimed_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("message_ts", String(32), nullable=True),
    Column("error", String(200), nullable=True),
    Column("snapshot", Text, nullable=True),
    Column("spotlight", String(64), nullable=True),
    UniqueConstraint("channel_id", "period", name="uq_digest_runs_channel_period"),
)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class Claim:
    """A run this process now owns and must send."""

    id: int
    channel_id: str
    period: str
    attempts: int
    first_claimed_at: datetime
    uncertain: bool
    """A previous owner started posting and died: check the channel before posting again."""


@dataclass(frozen=True)
class SentDigest:
    """The last digest sent to a channel."""

    period: str
    sent_at: datetime
    snapshot: Snapshot | None
    spotlight: str | None


def claim(
    db: Engine,
    channel_id: str,
    period: str,
    *,
    now: datetime,
    worker: str,
    lease: timedelta = LEASE,
    max_attempts: int = MAX_ATTEMPTS,
) -> Claim | None:
    """Own the run of ``(channel_id, period)``, or None when it is sent, in hand elsewhere or given up."""
    now = now.astimezone(UTC)
    try:
        with db.begin() as conn:
            run_id = conn.execute(
                insert(digest_runs).values(
                    channel_id=channel_id,
                    period=period,
                    state="claimed",
                    attempts=1,
                    worker=worker[:64],
                    first_claimed_at=now,
                    claimed_at=now,
                )
            ).inserted_primary_key[0]
        return Claim(int(run_id), channel_id, period, 1, now, uncertain=False)
    except IntegrityError:
        pass
    return _take_over(db, channel_id, period, now=now, worker=worker, lease=lease, max_attempts=max_attempts)


def _take_over(
    db: Engine,
    channel_id: str,
    period: str,
    *,
    now: datetime,
    worker: str,
    lease: timedelta,
    max_attempts: int,
) -> Claim | None:
    """Take an abandoned run (its lease expired while claimed or posting) over, at most ``max_attempts``."""
    key = (digest_runs.c.channel_id == channel_id) & (digest_runs.c.period == period)
    abandoned = (
        key & digest_runs.c.state.in_(("claimed", "posting")) & (digest_runs.c.claimed_at < now - lease)
    )
    with db.begin() as conn:
        taken = conn.execute(
            update(digest_runs)
            .where(abandoned, digest_runs.c.attempts < max_attempts)
            .values(claimed_at=now, worker=worker[:64], attempts=digest_runs.c.attempts + 1)
        ).rowcount
        if not taken:
            conn.execute(
                update(digest_runs)
                .where(abandoned, digest_runs.c.attempts >= max_attempts)
                .values(state="failed", error=f"abandoned {max_attempts} times")
            )
            return None
        row = conn.execute(select(digest_runs).where(key)).one()
    return Claim(
        row.id,
        channel_id,
        period,
        row.attempts,
        _aware(row.first_claimed_at),
        uncertain=row.state == "posting",
    )


def mark_posting(db: Engine, run_id: int, *, snapshot: Snapshot, spotlight: str | None) -> None:
    """Record that the message is about to be posted, with what it shows."""
    encoded = json.dumps({k: list(v) for k, v in sorted(snapshot.items())}, ensure_ascii=False)
    with db.begin() as conn:
        conn.execute(
            update(digest_runs)
            .where(digest_runs.c.id == run_id)
            .values(state="posting", snapshot=encoded, spotlight=spotlight)
        )


def mark_sent(db: Engine, run_id: int, *, ts: str, now: datetime) -> None:
    """Record the posted message; older runs of the channel drop their snapshots (only the last is read)."""
    with db.begin() as conn:
        channel_id = conn.execute(
            select(digest_runs.c.channel_id).where(digest_runs.c.id == run_id)
        ).scalar_one()
        conn.execute(
            update(digest_runs)
            .where(digest_runs.c.id == run_id)
            .values(state="sent", message_ts=ts, sent_at=now.astimezone(UTC), error=None)
        )
        conn.execute(
            update(digest_runs)
            .where(digest_runs.c.channel_id == channel_id, digest_runs.c.id != run_id)
            .where(digest_runs.c.snapshot.is_not(None))
            .values(snapshot=None)
        )


def mark_ended(db: Engine, run_id: int, *, state: str, error: str) -> None:
    """End a run without a message: ``paused`` (channel unreachable) or ``failed`` (Slack refused it)."""
    if state not in ("paused", "failed"):
        raise ValueError(f"not an end state: {state}")
    with db.begin() as conn:
        conn.execute(
            update(digest_runs).where(digest_runs.c.id == run_id).values(state=state, error=error[:200])
        )


def last_sent(db: Engine, channel_id: str) -> SentDigest | None:
    """The channel's most recent sent digest, with what it showed."""
    stmt = (
        select(digest_runs)
        .where(digest_runs.c.channel_id == channel_id, digest_runs.c.state == "sent")
        .order_by(digest_runs.c.sent_at.desc(), digest_runs.c.id.desc())
        .limit(1)
    )
    with db.connect() as conn:
        row = conn.execute(stmt).first()
    if row is None:
        return None
    snapshot = {k: (v[0], v[1]) for k, v in json.loads(row.snapshot).items()} if row.snapshot else None
    return SentDigest(row.period, _aware(row.sent_at), snapshot, row.spotlight)  # type: ignore[arg-type]


def run_states(db: Engine, channel_id: str) -> dict[str, str]:
    """Period → state of every run of ``channel_id`` (for tests and ``subscriptions`` listings)."""
    with db.connect() as conn:
        rows = conn.execute(
            select(digest_runs.c.period, digest_runs.c.state).where(digest_runs.c.channel_id == channel_id)
        )
        return {row.period: row.state for row in rows}
