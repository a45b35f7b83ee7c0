"""The query log: what it stores (and does not), the digest's read side, retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import StatementError

from bot.storage import query_log
from tests.storage.databases import WS

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def _log(db: Engine, question: str, results: int = 3, *, at: datetime = T0, lang: str = "zh") -> None:
    query_log.record_query(db, WS, question=question, lang=lang, surface="slash", result_count=results, at=at)


def test_stores_the_normalised_question_and_no_user_or_channel(db: Engine) -> None:
    _log(
        db, "   What is   ETCD？ ", lang="en"
    )  # mentions are gone already (bot.slack.commands.strip_mentions)
    with db.connect() as conn:
        row = conn.execute(select(query_log.query_log)).one()
    assert row.question == "what is etcd?"
    assert (row.lang, row.surface, row.result_count) == ("en", "slash", 3)
    columns = {c["name"] for c in inspect(db).get_columns("query_log")}
    assert columns == {
        "id",
        "enterprise_id",
        "team_id",
        "asked_at",
        "question",
        "lang",
        "surface",
        "result_count",
    }


def test_traditional_and_simplified_count_as_one_question(db: Engine) -> None:
    _log(db, "服務發現")
    _log(db, "服务发现")
    top = query_log.top_questions(db, WS, since=T0, until=T0 + timedelta(days=1))
    assert [(q.question, q.count) for q in top] == [("服务发现", 2)]


def test_empty_question_is_not_logged(db: Engine) -> None:
    _log(db, " \u3000 ")
    assert query_log.count_questions(db, WS, since=T0 - timedelta(days=1), until=T0 + timedelta(days=1)) == 0


def test_naive_time_is_refused(db: Engine) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        _log(db, "etcd", at=datetime(2024, 3, 4, 9, 0))


def test_top_and_unanswered_in_a_period_most_asked_first(db: Engine) -> None:
    for _ in range(3):
        _log(db, "etcd")
    _log(db, "consul")
    _log(db, "what is foo", results=0)
    _log(db, "what is foo", results=0, at=T0 + timedelta(hours=1))
    _log(db, "bar baz", results=0)
    _log(db, "etcd", at=T0 - timedelta(days=8))  # before the period
    _log(db, "consul", at=T0 + timedelta(days=7))  # at the end: excluded
    since, until = T0 - timedelta(days=1), T0 + timedelta(days=7)
    top = query_log.top_questions(db, WS, since=since, until=until)
    assert [(q.question, q.count) for q in top] == [
        ("etcd", 3),
        ("what is foo", 2),
        ("bar baz", 1),
        ("consul", 1),
    ]
    unanswered = query_log.unanswered_questions(db, WS, since=since, until=until)
    assert [(q.question, q.count) for q in unanswered] == [("what is foo", 2), ("bar baz", 1)]
    assert query_log.count_questions(db, WS, since=since, until=until) == 7


def test_purge_keeps_the_retention_window(db: Engine) -> None:
    _log(db, "old", at=T0 - timedelta(days=91))
    _log(db, "recent", at=T0 - timedelta(days=89))
    assert query_log.purge(db, keep_days=90, now=T0) == 1
    left = query_log.top_questions(db, WS, since=T0 - timedelta(days=365), until=T0)
    assert [q.question for q in left] == ["recent"]
    with pytest.raises(ValueError):
        query_log.purge(db, keep_days=0, now=T0)
