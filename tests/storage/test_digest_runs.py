"""Run claims: one owner per (channel, period), take-over after the lease, the last sent snapshot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.storage import digest_runs
from tests.storage.databases import WS

T0 = datetime(2024, 3, 4, 1, 30, tzinfo=UTC)


def test_a_period_is_claimed_once(db: Engine) -> None:
    first = digest_runs.claim(db, WS, "C1", "2024-W10", now=T0, worker="a")
    assert first is not None and not first.uncertain
    assert digest_runs.claim(db, WS, "C1", "2024-W10", now=T0, worker="b") is None
    assert digest_runs.claim(db, WS, "C2", "2024-W10", now=T0, worker="b") is not None
    assert digest_runs.claim(db, WS, "C1", "2024-W11", now=T0, worker="b") is not None


def test_abandoned_claim_is_taken_over_after_the_lease_only(db: Engine) -> None:
    digest_runs.claim(db, WS, "C1", "2024-W10", now=T0, worker="a")
    lease = digest_runs.LEASE
    assert (
        digest_runs.claim(db, WS, "C1", "2024-W10", now=T0 + lease - timedelta(seconds=1), worker="b") is None
    )
    taken = digest_runs.claim(db, WS, "C1", "2024-W10", now=T0 + lease + timedelta(seconds=1), worker="b")
    assert taken is not None and taken.attempts == 2 and not taken.uncertain
    assert taken.first_claimed_at == T0


def test_take_over_of_a_run_that_was_posting_is_uncertain(db: Engine) -> None:
    run = digest_runs.claim(db, WS, "C1", "2024-W10", now=T0, worker="a")
    assert run is not None
    digest_runs.mark_posting(db, run.id, snapshot={"etcd": ("active", "graduated")}, spotlight="registry")
    taken = digest_runs.claim(db, WS, "C1", "2024-W10", now=T0 + timedelta(hours=1), worker="b")
    assert taken is not None and taken.uncertain


def test_sent_run_is_never_taken_over_and_gives_up_after_max_attempts(db: Engine) -> None:
    run = digest_runs.claim(db, WS, "C1", "2024-W10", now=T0, worker="a")
    assert run is not None
    digest_runs.mark_posting(db, run.id, snapshot={}, spotlight=None)
    digest_runs.mark_sent(db, run.id, ts="1.2", now=T0)
    assert digest_runs.claim(db, WS, "C1", "2024-W10", now=T0 + timedelta(days=1), worker="b") is None

    now = T0
    assert digest_runs.claim(db, WS, "C2", "2024-W10", now=now, worker="a") is not None
    for _ in range(digest_runs.MAX_ATTEMPTS - 1):
        now += digest_runs.LEASE * 2
        assert digest_runs.claim(db, WS, "C2", "2024-W10", now=now, worker="a") is not None
    assert digest_runs.claim(db, WS, "C2", "2024-W10", now=now + digest_runs.LEASE * 2, worker="a") is None
    assert digest_runs.run_states(db, WS, "C2") == {"2024-W10": "failed"}


def test_last_sent_keeps_only_the_newest_snapshot(db: Engine) -> None:
    assert digest_runs.last_sent(db, WS, "C1") is None
    for week, status in ((10, "active"), (11, "archived")):
        run = digest_runs.claim(
            db, WS, "C1", f"2024-W{week}", now=T0 + timedelta(weeks=week - 10), worker="a"
        )
        assert run is not None
        digest_runs.mark_posting(db, run.id, snapshot={"rkt": (status, "")}, spotlight=f"cat{week}")
        digest_runs.mark_sent(db, run.id, ts=f"{week}.0", now=T0 + timedelta(weeks=week - 10))
    last = digest_runs.last_sent(db, WS, "C1")
    assert last is not None
    assert (last.period, last.snapshot, last.spotlight) == ("2024-W11", {"rkt": ("archived", "")}, "cat11")
    assert digest_runs.run_states(db, WS, "C1") == {"2024-W10": "sent", "2024-W11": "sent"}
