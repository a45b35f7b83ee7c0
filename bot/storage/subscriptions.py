"""Channel digest subscriptions: one row per channel, holding its schedule, language and whether it is paused.

``active_since`` is when the current schedule took effect: periods whose send instant is earlier are never
sent, so subscribing at 10:00 on a Monday does not fire the 09:30 digest that has just passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, delete, insert, select, update

from bot.digest.schedule import Schedule
from bot.storage.db import metadata

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("channel_id", String(32), primary_key=True),
    Column("frequency", String(8), nullable=False),
    Column("weekday", Integer, nullable=False),
    Column("hour", Integer, nullable=False),
    Column("minute", Integer, nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("paused_reason", String(64), nullable=True),
    Column("active_since", DateTime(timezone=True), nullable=False),
    Column("paused_at", DateTime(timezone=True), nullable=True),
)


@dataclass(frozen=True)
class Subscription:
    """One channel's subscription as stored."""

    channel_id: str
    schedule: Schedule
    lang: str
    active_since: datetime
    paused_reason: str | None = None
    """Why sending stopped (``not_in_channel``, ``is_archived``…); ``None`` while active."""

    @property
    def paused(self) -> bool:
        return self.paused_reason is not None


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes; every time stored is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _from_row(row) -> Subscription:  # type: ignore[no-untyped-def]
    schedule = Schedule(row.frequency, row.weekday, row.hour, row.minute, row.timezone)
    return Subscription(row.channel_id, schedule, row.lang, _aware(row.active_since), row.paused_reason)


def subscribe(db: Engine, channel_id: str, schedule: Schedule, *, lang: str, now: datetime) -> Subscription:
    """Create or replace ``channel_id``'s subscription; a paused one becomes active again."""
    values = {
        "frequency": schedule.frequency,
        "weekday": schedule.weekday,
        "hour": schedule.hour,
        "minute": schedule.minute,
        "timezone": schedule.timezone,
        "lang": lang,
        "paused_reason": None,
        "paused_at": None,
        "active_since": now.astimezone(UTC),
    }
    with db.begin() as conn:
        changed = conn.execute(
            update(subscriptions).where(subscriptions.c.channel_id == channel_id).values(**values)
        ).rowcount
        if not changed:
            conn.execute(insert(subscriptions).values(channel_id=channel_id, **values))
    return Subscription(channel_id, schedule, lang, now.astimezone(UTC))


def unsubscribe(db: Engine, channel_id: str) -> bool:
    """Remove ``channel_id``'s subscription; False when there was none."""
    with db.begin() as conn:
        return bool(
            conn.execute(delete(subscriptions).where(subscriptions.c.channel_id == channel_id)).rowcount
        )


def get_subscription(db: Engine, channel_id: str) -> Subscription | None:
    """``channel_id``'s subscription, or None."""
    with db.connect() as conn:
        row = conn.execute(select(subscriptions).where(subscriptions.c.channel_id == channel_id)).first()
    return _from_row(row) if row else None


def active_subscriptions(db: Engine) -> list[Subscription]:
    """Every subscription that is not paused, by channel id."""
    stmt = (
        select(subscriptions)
        .where(subscriptions.c.paused_reason.is_(None))
        .order_by(subscriptions.c.channel_id)
    )
    with db.connect() as conn:
        return [_from_row(row) for row in conn.execute(stmt)]


def pause(db: Engine, channel_id: str, *, reason: str, now: datetime) -> None:
    """Stop sending to ``channel_id`` (the bot was removed, the channel archived) until it subscribes again."""
    with db.begin() as conn:
        conn.execute(
            update(subscriptions)
            .where(subscriptions.c.channel_id == channel_id)
            .values(paused_reason=reason[:64], paused_at=now.astimezone(UTC))
        )
