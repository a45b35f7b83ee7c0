"""The durable answer queue: every job is held by one worker at a time, and a dead worker's jobs come back."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.storage import jobs
from bot.storage.db import open_database
from tests.storage.databases import WS

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


def test_jobs_come_out_oldest_first_once_each(db: Engine) -> None:
    ids = [jobs.enqueue(db, WS, "slash", {"text": f"q{n}"}, now=T0) for n in range(3)]
    claimed = [jobs.claim_next(db, worker="a", lease=LEASE, now=T0) for _ in range(4)]
    assert [j.id for j in claimed if j] == ids and claimed[3] is None
    first = claimed[0]
    assert first is not None and first.payload == {"text": "q0"} and first.workspace == WS
    assert (first.attempts, first.redelivery) == (1, False)


def test_a_dead_holders_job_returns_after_its_lease_marked_if_it_was_being_delivered(db: Engine) -> None:
    jobs.enqueue(db, WS, "mention", {"text": "etcd"}, now=T0)
    held = jobs.claim_next(db, worker="dead", lease=LEASE, now=T0)
    assert held is not None and jobs.mark_delivering(db, held.id, worker="dead")
    assert jobs.claim_next(db, worker="b", lease=LEASE, now=T0 + LEASE - timedelta(seconds=1)) is None
    taken = jobs.claim_next(db, worker="b", lease=LEASE, now=T0 + LEASE + timedelta(seconds=1))
    assert taken is not None and taken.id == held.id and taken.attempts == 2 and taken.redelivery
    jobs.finish(db, held.id, worker="dead")  # the old holder no longer owns it: nothing happens
    assert jobs.pending(db) == 1
    jobs.finish(db, taken.id, worker="b")
    assert jobs.pending(db) == 0


def test_a_released_job_is_claimable_at_once(db: Engine) -> None:
    job_id = jobs.enqueue(db, WS, "slash", {}, now=T0)
    assert jobs.claim_next(db, worker="stopping", lease=LEASE, now=T0) is not None
    jobs.release(db, job_id, worker="stopping")
    again = jobs.claim_next(db, worker="b", lease=LEASE, now=T0)
    assert again is not None and again.id == job_id


def test_expired_jobs_are_dropped(db: Engine) -> None:
    jobs.enqueue(db, WS, "slash", {}, now=T0 - timedelta(minutes=31))
    jobs.enqueue(db, WS, "slash", {}, now=T0 - timedelta(minutes=29))
    assert jobs.drop_expired(db, now=T0) == 1 and jobs.pending(db) == 1


def test_concurrent_claimers_on_separate_engines_never_share_a_job(db_url: str) -> None:
    engines = [open_database(db_url) for _ in range(4)]
    for n in range(60):
        jobs.enqueue(engines[0], WS, "slash", {"n": n})

    def drain(worker: int) -> list[int]:
        got = []
        while (job := jobs.claim_next(engines[worker % 4], worker=f"w{worker}")) is not None:
            got.append(job.payload["n"])
        return got

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(drain, range(8)))
    taken = [n for result in results for n in result]
    assert sorted(taken) == list(range(60))  # each exactly once
    for engine in engines:
        engine.dispose()
