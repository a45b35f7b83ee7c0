"""The event dedup store: the first claim wins across engines (processes) sharing one database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from bot.storage.db import open_database
from bot.storage.events import claim_event, purge_events
from tests.storage.databases import WS


def test_the_first_claim_wins_and_retries_lose(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    worker_a, worker_b = open_database(url), open_database(url)  # two pools, as two gunicorn workers have
    assert claim_event(worker_a, WS, "Ev1") is True
    assert claim_event(worker_b, WS, "Ev1") is False
    assert claim_event(worker_a, WS, "Ev1") is False
    assert claim_event(worker_b, WS, "Ev2") is True


def test_concurrent_claims_of_one_event_have_exactly_one_winner(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    dbs = [open_database(url) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda n: claim_event(dbs[n % 4], WS, "EvRace"), range(16)))
    assert results.count(True) == 1


def test_old_events_are_purged(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'e.db'}")
    now = datetime(2026, 1, 2, tzinfo=UTC)
    claim_event(db, WS, "old", now=now - timedelta(days=2))
    claim_event(db, WS, "new", now=now - timedelta(hours=1))
    assert purge_events(db, now=now) == 1
    assert claim_event(db, WS, "old", now=now) is True
    assert claim_event(db, WS, "new", now=now) is False
