"""Periods and send instants, in the subscription's zone, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from bot.digest.schedule import Schedule, due_period, latest_period, next_period


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


SHANGHAI_MONDAY = Schedule("weekly", 0, 9, 30, "Asia/Shanghai")
BERLIN_MONDAY = Schedule("weekly", 0, 9, 30, "Europe/Berlin")
NY_DAILY_0230 = Schedule("daily", 0, 2, 30, "America/New_York")
NY_DAILY_0130 = Schedule("daily", 0, 1, 30, "America/New_York")


@pytest.mark.parametrize(
    ("schedule", "now", "key", "send_at"),
    [
        # Monday 09:30 in Shanghai is 01:30 UTC; just before it, the previous week is the latest.
        (SHANGHAI_MONDAY, utc(2024, 3, 4, 1, 29), "2024-W09", utc(2024, 2, 26, 1, 30)),
        (SHANGHAI_MONDAY, utc(2024, 3, 4, 1, 30), "2024-W10", utc(2024, 3, 4, 1, 30)),
        (SHANGHAI_MONDAY, utc(2024, 3, 10, 20, 0), "2024-W10", utc(2024, 3, 4, 1, 30)),
        # Berlin before and after the change to summer time on Sunday 31 March 2024: same wall time.
        (BERLIN_MONDAY, utc(2024, 3, 25, 12, 0), "2024-W13", utc(2024, 3, 25, 8, 30)),
        (BERLIN_MONDAY, utc(2024, 4, 1, 12, 0), "2024-W14", utc(2024, 4, 1, 7, 30)),
        # 02:30 does not exist in New York on 10 March 2024: sent at 03:30 EDT, once.
        (NY_DAILY_0230, utc(2024, 3, 10, 12, 0), "2024-03-10", utc(2024, 3, 10, 7, 30)),
        (NY_DAILY_0230, utc(2024, 3, 11, 12, 0), "2024-03-11", utc(2024, 3, 11, 6, 30)),
        # 01:30 happens twice on 3 November 2024: the first one (EDT).
        (NY_DAILY_0130, utc(2024, 11, 3, 12, 0), "2024-11-03", utc(2024, 11, 3, 5, 30)),
        # ISO week 1 of 2025 starts on Monday 30 December 2024.
        (SHANGHAI_MONDAY, utc(2025, 1, 1, 0, 0), "2025-W01", utc(2024, 12, 30, 1, 30)),
    ],
)
def test_latest_period(schedule: Schedule, now: datetime, key: str, send_at: datetime) -> None:
    period = latest_period(schedule, now)
    assert (period.key, period.send_at) == (key, send_at)
    assert period.send_at <= now < next_period(schedule, now).send_at


def test_due_within_grace_after_subscribing_only() -> None:
    since = utc(2024, 3, 1)
    assert (
        due_period(SHANGHAI_MONDAY, utc(2024, 3, 4, 1, 29), active_since=since) is None
    )  # before the instant
    due = due_period(SHANGHAI_MONDAY, utc(2024, 3, 5, 1, 30), active_since=since)  # a day late: still
    assert due is not None and due.key == "2024-W10"
    assert due_period(SHANGHAI_MONDAY, utc(2024, 3, 5, 1, 31), active_since=since) is None  # beyond the grace
    # Subscribing just after the instant does not fire the period that has passed.
    assert due_period(SHANGHAI_MONDAY, utc(2024, 3, 4, 2, 0), active_since=utc(2024, 3, 4, 1, 45)) is None


@pytest.mark.parametrize("schedule", [BERLIN_MONDAY, NY_DAILY_0230, NY_DAILY_0130])
def test_every_period_of_a_dst_year_has_one_instant_at_its_wall_time(schedule: Schedule) -> None:
    now = utc(2024, 1, 1)
    periods = []
    for _ in range(400 if schedule.frequency == "daily" else 60):
        period = next_period(schedule, now)
        assert period.send_at > now
        local = period.send_at.astimezone(schedule.zone)
        assert local.date() == period.local_date
        assert (local.hour, local.minute) in (
            (schedule.hour, schedule.minute),
            (schedule.hour + 1, schedule.minute),
        )
        periods.append(period)
        now = period.send_at
    step = timedelta(days=1 if schedule.frequency == "daily" else 7)
    assert all(b.local_date - a.local_date == step for a, b in pairwise(periods))  # none skipped or doubled
    assert len({p.key for p in periods}) == len(periods)
