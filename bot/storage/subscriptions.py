"""Channel digest subscriptions: one row per (workspace, channel), holding its schedule, language and whether
it is paused.

``active_since`` is when the current schedule took effect: periods whose send instant is earlier are never
sent, so subscribing at 10:00 on a Monday does not fire the 09:30 digest that has just passed. The schedule
is stored as plain fields; what they mean is ``bot.digest.schedule``'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, delete, insert, select, update

from bot.storage.schema import Workspace, subscriptions, workspace_is


@dataclass(frozen=True)
class ScheduleFields:
    """When a digest goes out, as stored: ``frequency`` (weekly/daily), weekday (0 = Monday), time, zone."""

    frequency: str
    weekday: int
    hour: int
    minute: int
    timezone: str


@dataclass(frozen=True)
class Subscription:
    """One channel's subscription as stored."""

    workspace: Workspace
    channel_id: str
    schedule: ScheduleFields
    lang: str
    active_since: datetime
    paused_reason: str | None = None
    """Why sending stopped (``not_in_channel``, ``is_archived``…); ``None`` while active."""

    @property
    def paused(self) -> bool:
        return self.paused_reason is not None


def _from_row(row) -> Subscription:  # type: ignore[no-untyped-def]
    schedule = ScheduleFields(row.frequency, row.weekday, row.hour, row.minute, row.timezone)
    return Subscription(
        Workspace(row.team_id, row.enterprise_id),
        row.channel_id,
        schedule,
        row.lang,
        row.active_since,
        row.paused_reason,
    )


def _channel(workspace: Workspace, channel_id: str):  # type: ignore[no-untyped-def]
    return workspace_is(subscriptions, workspace) & (subscriptions.c.channel_id == channel_id)


def subscribe(
    db: Engine, workspace: Workspace, channel_id: str, schedule: ScheduleFields, *, lang: str, now: datetime
) -> Subscription:
    """Create or replace the channel's subscription; a paused one becomes active again."""
    values = {
        "frequency": schedule.frequency,
        "weekday": schedule.weekday,
        "hour": schedule.hour,
        "minute": schedule.minute,
        "timezone": schedule.timezone,
        "lang": lang,
        "paused_reason": None,
        "paused_at": None,
        "active_since": now,
    }
    with db.begin() as conn:
        changed = conn.execute(
            update(subscriptions).where(_channel(workspace, channel_id)).values(**values)
        ).rowcount
        if not changed:
            conn.execute(
                insert(subscriptions).values(
                    enterprise_id=workspace.enterprise_id,
                    team_id=workspace.team_id,
                    channel_id=channel_id,
                    **values,
                )
            )
    return get_subscription(db, workspace, channel_id)  # type: ignore[return-value]


def unsubscribe(db: Engine, workspace: Workspace, channel_id: str) -> bool:
    """Remove the channel's subscription; False when there was none."""
    with db.begin() as conn:
        return bool(conn.execute(delete(subscriptions).where(_channel(workspace, channel_id))).rowcount)


def get_subscription(db: Engine, workspace: Workspace, channel_id: str) -> Subscription | None:
    """The channel's subscription, or None."""
    with db.connect() as conn:
        row = conn.execute(select(subscriptions).where(_channel(workspace, channel_id))).first()
    return _from_row(row) if row else None


def active_subscriptions(db: Engine, workspace: Workspace | None = None) -> list[Subscription]:
    """Every subscription that is not paused — of ``workspace``, or of every workspace (the clock) —
    by workspace then channel id."""
    stmt = (
        select(subscriptions)
        .where(subscriptions.c.paused_reason.is_(None))
        .order_by(subscriptions.c.enterprise_id, subscriptions.c.team_id, subscriptions.c.channel_id)
    )
    if workspace is not None:
        stmt = stmt.where(workspace_is(subscriptions, workspace))
    with db.connect() as conn:
        return [_from_row(row) for row in conn.execute(stmt)]


def pause(db: Engine, workspace: Workspace, channel_id: str, *, reason: str, now: datetime) -> None:
    """Stop sending to the channel (the bot was removed, the channel archived) until it subscribes again."""
    with db.begin() as conn:
        conn.execute(
            update(subscriptions)
            .where(_channel(workspace, channel_id))
            .values(paused_reason=reason[:64], paused_at=now)
        )
