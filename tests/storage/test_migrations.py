"""Alembic brings every database to the same schema: fresh ones, and ones the pre-workspace ecosys wrote."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, MetaData, inspect, select, text

from bot.storage import digest_runs, query_log, subscriptions
from bot.storage.db import current_revision, head_revision, make_engine, open_database
from bot.storage.schema import metadata
from bot.storage.workspaces import adopt_legacy_rows, delete_workspace
from tests.storage.databases import WS

LEGACY = Path(__file__).parent / "legacy"
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)

OLD_ROWS = [
    "INSERT INTO query_log (asked_at, question, lang, surface, result_count) "
    "VALUES ('2024-03-04 09:00:00', 'etcd', 'en', 'slash', 2)",
    "INSERT INTO query_log (asked_at, question, lang, surface, result_count) "
    "VALUES ('2024-03-04 09:05:00', '服务发现', 'zh', 'mention', 5)",
    "INSERT INTO subscriptions (channel_id, frequency, weekday, hour, minute, timezone, lang, active_since) "
    "VALUES ('C1', 'weekly', 0, 9, 30, 'Asia/Shanghai', 'zh', '2024-03-01 00:00:00')",
    "INSERT INTO digest_runs (channel_id, period, state, attempts, worker, first_claimed_at, claimed_at, "
    "sent_at, message_ts, snapshot, spotlight) VALUES ('C1', '2024-W09', 'sent', 1, 'clock', "
    "'2024-02-26 01:30:00', '2024-02-26 01:30:00', '2024-02-26 01:30:05', '1.2', '{}', 'registry')",
    "INSERT INTO slack_events (event_id, seen_at) VALUES ('Ev1', '2024-03-04 09:00:00')",
]


def _old_database(url: str, backend: str) -> None:
    """A database exactly as ecosys left it before issue 13: its DDL, some rows, no alembic_version."""
    engine = make_engine(url)
    ddl = (LEGACY / f"schema-{backend}.sql").read_text()
    with engine.begin() as conn:
        for statement in ddl.split(";"):
            body = "\n".join(line for line in statement.splitlines() if not line.startswith("--")).strip()
            if body:
                conn.exec_driver_sql(body)
        for row in OLD_ROWS:
            if backend == "postgresql":  # the old code stored UTC instants; say so to PostgreSQL
                row = re.sub(r"'(2024-\d\d-\d\d \d\d:\d\d:\d\d)'", r"'\1+00'", row)
            conn.exec_driver_sql(row)
    engine.dispose()


def _backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def test_an_old_single_workspace_database_is_upgraded_in_place_without_losing_rows(db_url: str) -> None:
    _old_database(db_url, _backend(db_url))
    db = open_database(db_url)
    assert current_revision(db) == head_revision()
    with db.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in
                  ("query_log", "subscriptions", "digest_runs", "slack_events")}  # fmt: skip
    assert counts == {"query_log": 2, "subscriptions": 1, "digest_runs": 1, "slack_events": 1}

    # The single-workspace install, started with its token, takes its rows over; nothing else changes.
    assert adopt_legacy_rows(db, WS) == 5
    assert adopt_legacy_rows(db, WS) == 0
    since, until = datetime(2024, 3, 1, tzinfo=UTC), datetime(2024, 3, 8, tzinfo=UTC)
    asked = query_log.top_questions(db, WS, since=since, until=until)
    assert sorted((q.question, q.count) for q in asked) == [("etcd", 1), ("服务发现", 1)]
    sub = subscriptions.get_subscription(db, WS, "C1")
    assert sub is not None and (sub.schedule.hour, sub.lang) == (9, "zh")
    assert sub.active_since == datetime(2024, 3, 1, tzinfo=UTC)
    last = digest_runs.last_sent(db, WS, "C1")
    assert last is not None and (last.period, last.spotlight) == ("2024-W09", "registry")
    # New rows work alongside the old ones, and the upgraded database deletes per workspace like a new one.
    query_log.record_query(db, WS, question="harbor", lang="en", surface="slash", result_count=1, at=T0)
    assert delete_workspace(db, WS)["query_log"] == 3
    db.dispose()


def test_a_fresh_database_matches_the_schema_module(db_url: str) -> None:
    db = open_database(db_url)
    reflected = MetaData()
    reflected.reflect(db)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in inspect(db).get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
        keys = inspect(db).get_pk_constraint(table.name)["constrained_columns"]
        assert keys == [c.name for c in table.primary_key.columns], table.name
    assert {"slack_installations", "slack_bots", "slack_oauth_states"} <= set(reflected.tables)
    with db.connect() as conn:
        assert (
            conn.execute(select(text("version_num")).select_from(text("alembic_version"))).scalar_one()
            == "0003"
        )
    db.dispose()


def test_opening_twice_is_a_no_op(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'e.db'}"
    open_database(url).dispose()
    again = open_database(url)
    assert current_revision(again) == head_revision()
    again.dispose()


def test_deleting_a_workspace_leaves_the_others(db: Engine) -> None:
    other = type(WS)("T0000BBBB")
    for workspace in (WS, other):
        query_log.record_query(
            db, workspace, question="etcd", lang="en", surface="slash", result_count=1, at=T0
        )
        subscriptions.subscribe(db, workspace, "C1", subscriptions.ScheduleFields("weekly", 0, 9, 30, "UTC"),
                                lang="en", now=T0)  # fmt: skip
    removed = delete_workspace(db, WS)
    assert removed["query_log"] == 1 and removed["subscriptions"] == 1
    assert subscriptions.get_subscription(db, WS, "C1") is None
    assert subscriptions.get_subscription(db, other, "C1") is not None
    assert query_log.count_questions(db, other, since=T0, until=datetime(2025, 1, 1, tzinfo=UTC)) == 1
