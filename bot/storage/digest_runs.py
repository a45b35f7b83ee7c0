"""Digest runs: the claim that makes each (channel, period) digest go out once.

A run row is inserted before anything is sent; the unique ``(workspace, channel_id, period)`` key means only
one clock process wins it. Its ``state`` then records how far the send got:

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
from datetime import datetime, timedelta

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.schema import Workspace, digest_runs, workspace_is

LEASE = timedelta(minutes=10)
"""How long a claim is left to its owner before another process may take it over."""

MAX_ATTEMPTS = 3
"""Take-overs allowed before a run is given up as failed."""

Snapshot = dict[str, tuple[str, str]]
"""Entry id → (status, CNCF maturity or "")."""


@dataclass(frozen=True)
class Claim:
    """A run this process now owns and must send."""

    id: int
    workspace: Workspace
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
    workspace: Workspace,
    channel_id: str,
    period: str,
    *,
    now: datetime,
    worker: str,
    lease: timedelta = LEASE,
    max_attempts: int = MAX_ATTEMPTS,
) -> Claim | None:
    """Own the run of ``(channel_id, period)``, or None when it is sent, in hand elsewhere or given up."""
    try:
        with db.begin() as conn:
            run_id = conn.execute(
                insert(digest_runs).values(
                    enterprise_id=workspace.enterprise_id,
                    team_id=workspace.team_id,
                    channel_id=channel_id,
                    period=period,
                    state="claimed",
                    attempts=1,
                    worker=worker[:64],
                    first_claimed_at=now,
                    claimed_at=now,
                )
            ).inserted_primary_key[0]
        return Claim(int(run_id), workspace, channel_id, period, 1, now, uncertain=False)
    except IntegrityError:
        pass
    return _take_over(
        db, workspace, channel_id, period, now=now, worker=worker, lease=lease, max_attempts=max_attempts
    )


def _take_over(
    db: Engine,
    workspace: Workspace,
    channel_id: str,
    period: str,
    *,
    now: datetime,
    worker: str,
    lease: timedelta,
    max_attempts: int,
) -> Claim | None:
    """Take an abandoned run (its lease expired while claimed or posting) over, at most ``max_attempts``."""
    key = (
        workspace_is(digest_runs, workspace)
        & (digest_runs.c.channel_id == channel_id)
        & (digest_runs.c.period == period)
    )
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
        workspace,
        channel_id,
        period,
        row.attempts,
        row.first_claimed_at,
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
        run = conn.execute(
            select(digest_runs.c.enterprise_id, digest_runs.c.team_id, digest_runs.c.channel_id).where(
                digest_runs.c.id == run_id
            )
        ).one()
        conn.execute(
            update(digest_runs)
            .where(digest_runs.c.id == run_id)
            .values(state="sent", message_ts=ts, sent_at=now, error=None)
        )
        conn.execute(
            update(digest_runs)
            .where(
                digest_runs.c.enterprise_id == run.enterprise_id,
                digest_runs.c.team_id == run.team_id,
                digest_runs.c.channel_id == run.channel_id,
                digest_runs.c.id != run_id,
            )
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


def last_sent(db: Engine, workspace: Workspace, channel_id: str) -> SentDigest | None:
    """The channel's most recent sent digest, with what it showed."""
    stmt = (
        select(digest_runs)
        .where(
            workspace_is(digest_runs, workspace),
            digest_runs.c.channel_id == channel_id,
            digest_runs.c.state == "sent",
        )
        .order_by(digest_runs.c.sent_at.desc(), digest_runs.c.id.desc())
        .limit(1)
    )
    with db.connect() as conn:
        row = conn.execute(stmt).first()
    if row is None:
        return None
    snapshot = {k: (v[0], v[1]) for k, v in json.loads(row.snapshot).items()} if row.snapshot else None
    return SentDigest(row.period, row.sent_at, snapshot, row.spotlight)


def run_states(db: Engine, workspace: Workspace, channel_id: str) -> dict[str, str]:
    """Period → state of every run of the channel (for tests and ``subscriptions`` listings)."""
    with db.connect() as conn:
        rows = conn.execute(
            select(digest_runs.c.period, digest_runs.c.state).where(
                workspace_is(digest_runs, workspace), digest_runs.c.channel_id == channel_id
            )
        )
        return {row.period: row.state for row in rows}
