"""Slack events already handled, so that a retry (``X-Slack-Retry-Num``) gets no second reply.

(workspace, event id) is the primary key: the first process to insert it owns the event, any other — another
gunicorn worker, another dyno, the same worker on a retry — sees the unique-key violation and stays quiet.
Slack retries within the hour, so rows older than a day are purged.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, insert
from sqlalchemy.exc import IntegrityError

from bot.storage.schema import Workspace, slack_events

KEEP = timedelta(days=1)


def claim_event(db: Engine, workspace: Workspace, event_id: str, *, now: datetime | None = None) -> bool:
    """True for the first claim of ``event_id`` across every process sharing ``db``; False afterwards."""
    try:
        with db.begin() as conn:
            conn.execute(
                insert(slack_events).values(
                    enterprise_id=workspace.enterprise_id,
                    team_id=workspace.team_id,
                    event_id=event_id[:64],
                    seen_at=now or datetime.now(UTC),
                )
            )
    except IntegrityError:
        return False
    return True


def purge_events(db: Engine, *, keep: timedelta = KEEP, now: datetime | None = None) -> int:
    """Forget events older than ``keep``; returns how many rows went."""
    cutoff = (now or datetime.now(UTC)) - keep
    with db.begin() as conn:
        return int(conn.execute(delete(slack_events).where(slack_events.c.seen_at < cutoff)).rowcount or 0)
