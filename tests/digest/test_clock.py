"""The clock's guarantees, on SQLite and PostgreSQL, with time injected and Slack on 127.0.0.1.

Each scenario fails without the mechanism it names: the unique claim (two clocks), the lease take-over
(crash after claiming), the channel check via message metadata (crash after posting), the grace window and
the "latest period only" rule (downtime), wall-time instants and period keys (DST), pausing (gone channels).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine as Database

from bot.clock import Clock
from bot.config import Settings
from bot.digest import runner
from bot.digest.deliver import make_client
from bot.digest.schedule import Schedule
from bot.storage import digest_runs, query_log, subscriptions
from bot.storage.db import open_database
from tests.digest.conftest import Ticker, run_ticks
from tests.digest.slack_stub import SlackStub
from tests.storage.databases import WS

SHANGHAI_MONDAY = Schedule("weekly", 0, 9, 30, "Asia/Shanghai")
W10_SEND = datetime(2024, 3, 4, 1, 30, tzinfo=UTC)  # Monday 4 March 2024, 09:30 in Shanghai
SUBSCRIBED = datetime(2024, 2, 29, 8, 0, tzinfo=UTC)
MINUTES_10 = timedelta(minutes=10)


def _subscribe(
    db: Database, *channels: str, schedule: Schedule = SHANGHAI_MONDAY, at: datetime = SUBSCRIBED
) -> None:
    for channel in channels:
        subscriptions.subscribe(db, WS, channel, schedule, lang="en", now=at)


def test_two_clocks_on_one_database_post_once_per_channel(
    db_url: str, engine, settings: Settings, slack: SlackStub
) -> None:  # type: ignore[no-untyped-def]
    databases = [open_database(db_url), open_database(db_url)]
    _subscribe(databases[0], "C1", "C2", "C3")
    ticker = Ticker(W10_SEND)
    clocks = [
        Clock(
            db=d,
            engine=lambda: engine,
            client_for=lambda _ws: make_client(settings),
            now=ticker,
            worker=f"clock-{n}",
        )
        for n, d in enumerate(databases)
    ]
    for _ in range(3):  # the same instant, then two more ticks a minute apart
        barrier = threading.Barrier(len(clocks))
        errors: list[BaseException] = []

        def tick(clock: Clock, barrier: threading.Barrier = barrier, errors: list = errors) -> None:
            try:
                barrier.wait(timeout=10)
                clock.tick()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=tick, args=(c,)) for c in clocks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not errors
        ticker.now += timedelta(minutes=1)
    assert sorted(p["channel"] for p in slack.state.posts()) == ["C1", "C2", "C3"]
    for d in databases:
        d.dispose()


def test_crash_between_claim_and_send_is_sent_once_after_the_lease(
    db: Database, clock: Clock, ticker: Ticker, slack: SlackStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    _subscribe(db, "C1")
    real_compose = runner.compose
    calls = {"n": 0}

    def dies_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("process killed after claiming")
        return real_compose(*args, **kwargs)

    monkeypatch.setattr(runner, "compose", dies_once)
    posts = run_ticks(
        clock, ticker, slack, start=W10_SEND, end=W10_SEND + timedelta(hours=2), every=MINUTES_10
    )
    lease_over = W10_SEND + digest_runs.LEASE + MINUTES_10
    assert posts == [(lease_over, "C1")]
    assert digest_runs.run_states(db, WS, "C1") == {"2024-W10": "sent"}


def test_crash_between_post_and_record_is_recorded_not_reposted(
    db: Database, clock: Clock, ticker: Ticker, slack: SlackStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    _subscribe(db, "C1")
    real_mark_sent = digest_runs.mark_sent
    calls = {"n": 0}

    def dies_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("process killed right after Slack took the message")
        return real_mark_sent(*args, **kwargs)

    monkeypatch.setattr(digest_runs, "mark_sent", dies_once)
    posts = run_ticks(
        clock, ticker, slack, start=W10_SEND, end=W10_SEND + timedelta(hours=2), every=MINUTES_10
    )
    assert posts == [(W10_SEND, "C1")]
    assert slack.state.called("conversations.history"), "the take-over looked in the channel"
    assert digest_runs.run_states(db, WS, "C1") == {"2024-W10": "sent"}
    last = digest_runs.last_sent(db, WS, "C1")
    assert last is not None and last.snapshot, "the recovered run keeps what the digest showed"


def test_downtime_over_the_send_time_yields_one_late_digest(
    db: Database, clock: Clock, ticker: Ticker, slack: SlackStub
) -> None:
    _subscribe(db, "C1")
    before = run_ticks(
        clock, ticker, slack, start=W10_SEND - timedelta(hours=3), end=W10_SEND - MINUTES_10, every=MINUTES_10
    )
    back = W10_SEND + timedelta(hours=20)  # down from 09:20 to 05:30 the next day
    after = run_ticks(clock, ticker, slack, start=back, end=back + timedelta(hours=30), every=MINUTES_10)
    assert before == []
    assert after == [(back, "C1")]


def test_downtime_over_several_periods_sends_only_the_latest(
    db: Database, clock: Clock, ticker: Ticker, slack: SlackStub
) -> None:
    _subscribe(db, "C1")
    back = W10_SEND + timedelta(weeks=2, hours=12)  # two send times missed, the third 12 h ago
    posts = run_ticks(clock, ticker, slack, start=back, end=back + timedelta(days=2), every=MINUTES_10)
    assert posts == [(back, "C1")]
    assert digest_runs.run_states(db, WS, "C1") == {"2024-W12": "sent"}


def test_downtime_beyond_the_grace_window_waits_for_the_next_period(
    db: Database, clock: Clock, ticker: Ticker, slack: SlackStub
) -> None:
    _subscribe(db, "C1")
    back = W10_SEND + timedelta(days=1, minutes=10)
    posts = run_ticks(
        clock,
        ticker,
        slack,
        start=back,
        end=W10_SEND + timedelta(weeks=1, hours=1),
        every=timedelta(minutes=30),
    )
    assert posts == [(W10_SEND + timedelta(weeks=1, minutes=10), "C1")]  # the first tick after it


@pytest.mark.parametrize(
    ("schedule", "start", "end", "expected"),
    [
        (  # Berlin switches to summer time on Sunday 31 March 2024: 09:30 local both Mondays.
            Schedule("weekly", 0, 9, 30, "Europe/Berlin"),
            datetime(2024, 3, 24, 0, 0, tzinfo=UTC),
            datetime(2024, 4, 2, 0, 0, tzinfo=UTC),
            [datetime(2024, 3, 25, 8, 30, tzinfo=UTC), datetime(2024, 4, 1, 7, 30, tzinfo=UTC)],
        ),
        (  # 02:30 does not exist in New York on 10 March: that day's digest comes at 03:30 EDT, not never.
            Schedule("daily", 0, 2, 30, "America/New_York"),
            datetime(2024, 3, 9, 0, 0, tzinfo=UTC),
            datetime(2024, 3, 11, 23, 45, tzinfo=UTC),
            [
                datetime(2024, 3, 9, 7, 30, tzinfo=UTC),
                datetime(2024, 3, 10, 7, 30, tzinfo=UTC),
                datetime(2024, 3, 11, 6, 30, tzinfo=UTC),
            ],
        ),
        (  # 01:30 happens twice in New York on 3 November: one digest, at the first.
            Schedule("daily", 0, 1, 30, "America/New_York"),
            datetime(2024, 11, 2, 0, 0, tzinfo=UTC),
            datetime(2024, 11, 4, 23, 45, tzinfo=UTC),
            [
                datetime(2024, 11, 2, 5, 30, tzinfo=UTC),
                datetime(2024, 11, 3, 5, 30, tzinfo=UTC),
                datetime(2024, 11, 4, 6, 30, tzinfo=UTC),
            ],
        ),
    ],
)
def test_dst_change_neither_skips_nor_doubles(
    db: Database,
    clock: Clock,
    ticker: Ticker,
    slack: SlackStub,
    schedule: Schedule,
    start: datetime,
    end: datetime,
    expected: list[datetime],
) -> None:
    _subscribe(db, "C1", schedule=schedule, at=start - timedelta(days=1))
    posts = run_ticks(clock, ticker, slack, start=start, end=end, every=timedelta(minutes=15))
    assert posts == [(at, "C1") for at in expected]


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived"])
def test_gone_channel_is_paused_and_the_others_still_get_theirs(
    db: Database, clock: Clock, ticker: Ticker, slack: SlackStub, error: str
) -> None:
    _subscribe(db, "C1", "CGONE", "C3")
    slack.state.post_errors["CGONE"] = error
    posts = run_ticks(
        clock, ticker, slack, start=W10_SEND, end=W10_SEND + timedelta(weeks=2), every=timedelta(hours=1)
    )
    assert [c for _, c in posts] == ["C1", "C3", "C1", "C3", "C1", "C3"]
    assert len([p for p in slack.state.called("chat.postMessage") if p["channel"] == "CGONE"]) == 1
    gone = subscriptions.get_subscription(db, WS, "CGONE")
    assert gone is not None and gone.paused_reason == error
    assert digest_runs.run_states(db, WS, "CGONE") == {"2024-W10": "paused"}


def test_rate_limited_post_is_retried(db: Database, clock: Clock, ticker: Ticker, slack: SlackStub) -> None:
    _subscribe(db, "C1")
    slack.state.rate_limited = 1
    ticker.now = W10_SEND
    deliveries = clock.tick()
    assert [d.outcome for d in deliveries] == ["sent"]
    assert len(slack.state.called("chat.postMessage")) == 2
    assert len(slack.state.posts("C1")) == 1


def test_purge_applies_the_retention(db: Database, clock: Clock, ticker: Ticker) -> None:
    ticker.now = W10_SEND
    for days in (1, 100):
        query_log.record_query(
            db,
            WS,
            question=f"q{days}",
            lang="en",
            surface="cli",
            result_count=1,
            at=W10_SEND - timedelta(days=days),
        )
    assert clock.purge() == 1


def test_purge_also_forgets_old_slack_event_ids(db: Database, clock: Clock, ticker: Ticker) -> None:
    from bot.storage.events import claim_event

    ticker.now = W10_SEND
    assert claim_event(db, WS, "Ev-old", now=W10_SEND - timedelta(days=30))
    assert claim_event(db, WS, "Ev-new", now=W10_SEND - timedelta(minutes=5))
    clock.purge()
    assert claim_event(db, WS, "Ev-old", now=W10_SEND)  # forgotten: could be claimed again
    assert not claim_event(db, WS, "Ev-new", now=W10_SEND)  # still remembered: a retry is still a duplicate
