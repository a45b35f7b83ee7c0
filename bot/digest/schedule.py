"""When a subscription's digests are due: periods, their send instants and the next send time.

A *period* is one digest's slot: an ISO week (``weekly``) or a local calendar day (``daily``) in the
subscription's time zone. Its key (``2024-W10``, ``2024-03-04``) is what the database claims, so a period is
sent at most once whatever happens to the clock. Each period has one *send instant*: the local day and time
turned into UTC in that zone on that date, so a digest follows the wall clock across daylight-saving changes.
A local time that does not exist that day (02:30 when clocks jump from 02:00 to 03:00) is sent at the same
distance past the jump (03:30); a local time that happens twice (01:30 when clocks fall back) is sent at the
first one. Either way each period has exactly one instant: never skipped, never doubled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

Frequency = Literal["weekly", "daily"]

GRACE = {"weekly": timedelta(days=1), "daily": timedelta(hours=3)}
"""How late a missed digest may still go out (clock down over the send time): later ones are dropped."""


@dataclass(frozen=True)
class Schedule:
    """When one channel's digest is sent: ``weekday`` is 0 (Monday) … 6 (Sunday), unused for daily."""

    frequency: Frequency = "weekly"
    weekday: int = 0
    hour: int = 9
    minute: int = 30
    timezone: str = "Asia/Shanghai"

    @classmethod
    def of(cls, stored: object) -> Schedule:
        """The schedule from stored fields (``subscriptions.ScheduleFields``: the same five names)."""
        return cls(
            *(getattr(stored, name) for name in ("frequency", "weekday", "hour", "minute", "timezone"))
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def grace(self) -> timedelta:
        return GRACE[self.frequency]


@dataclass(frozen=True)
class Period:
    """One digest slot of a schedule, with the UTC instant it is due."""

    key: str
    send_at: datetime
    """When the digest for this period is due (UTC)."""
    local_date: date
    """The local day it is sent on."""


def local_instant(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """``day`` at ``hour:minute`` in ``zone`` as a UTC instant.

    Python resolves an ambiguous wall time with ``fold=0`` to its first occurrence, and a nonexistent one
    with the offset in force before the jump, which lands as far past the jump as the time was past its
    start. Both are what a reader expects and both give exactly one instant per day.
    """
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def period_key(schedule: Schedule, local_day: date) -> str:
    """The claim key of the period that ``local_day`` belongs to."""
    if schedule.frequency == "daily":
        return local_day.isoformat()
    year, week, _ = local_day.isocalendar()
    return f"{year}-W{week:02d}"


def _send_day(schedule: Schedule, local_day: date) -> date:
    """The day the digest of ``local_day``'s period is sent on."""
    if schedule.frequency == "daily":
        return local_day
    return local_day + timedelta(days=schedule.weekday - local_day.weekday())


def period_of(schedule: Schedule, local_day: date) -> Period:
    """The period containing ``local_day``."""
    day = _send_day(schedule, local_day)
    return Period(
        period_key(schedule, day), local_instant(day, schedule.hour, schedule.minute, schedule.zone), day
    )


def _step(schedule: Schedule) -> timedelta:
    return timedelta(days=1 if schedule.frequency == "daily" else 7)


def latest_period(schedule: Schedule, now: datetime) -> Period:
    """The most recent period whose send instant is at or before ``now``."""
    today = now.astimezone(schedule.zone).date()
    period = period_of(schedule, today)
    while period.send_at > now:
        period = period_of(schedule, period.local_date - _step(schedule))
    return period


def next_period(schedule: Schedule, now: datetime) -> Period:
    """The first period whose send instant is after ``now``."""
    period = latest_period(schedule, now)
    return period_of(schedule, period.local_date + _step(schedule))


def previous_period(schedule: Schedule, period: Period) -> Period:
    """The period before ``period``: its send instant starts the questions window of ``period``."""
    return period_of(schedule, period.local_date - _step(schedule))


def due_period(schedule: Schedule, now: datetime, *, active_since: datetime) -> Period | None:
    """The period to send at ``now``, if any: the latest one whose instant has passed, within the grace
    window, and not before the subscription (or its last change) began. Claims decide whether it was sent.
    """
    period = latest_period(schedule, now)
    if period.send_at < active_since or now - period.send_at > schedule.grace:
        return None
    return period
