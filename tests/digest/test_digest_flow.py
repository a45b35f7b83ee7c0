"""A channel subscribes with the slash command and the clock delivers its digests: the issue's "done when"."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine as Database

from bot.clock import Clock, start_in_process
from bot.config import Settings
from bot.context import AppContext
from bot.digest.content import escape
from bot.digest.deliver import EVENT_TYPE, make_client
from bot.digest.schedule import Schedule
from bot.digest.slash import handle_subscription
from bot.storage import query_log, subscriptions
from index.engine import Engine
from tests.digest.conftest import Ticker, run_ticks
from tests.digest.slack_stub import SlackStub
from tests.storage.databases import WS
from tests.support.survey_data import survey_data

W10_SEND = datetime(2024, 3, 4, 1, 30, tzinfo=UTC)  # Monday 09:30 in Shanghai


def _ask(db: Database, question: str, results: int, at: datetime, times: int = 1) -> None:
    for _ in range(times):
        query_log.record_query(
            db, WS, question=question, lang="en", surface="mention", result_count=results, at=at
        )


def _texts(post: dict) -> list[str]:
    return [b["text"]["text"] for b in post["blocks"] if b["type"] in ("header", "section")]


def test_subscribe_then_exactly_one_digest_with_four_parts_at_the_instant(
    ctx: AppContext, db: Database, clock: Clock, ticker: Ticker, slack: SlackStub, engine: Engine
) -> None:
    reply = handle_subscription(
        "subscribe",
        "weekly monday 9:30 Asia/Shanghai en",
        workspace=WS,
        channel_id="CDIGEST",
        ctx=ctx,
        client=make_client(ctx.settings),
        lang="en",
        now=datetime(2024, 2, 29, 8, 0, tzinfo=UTC),
    )
    assert "Next one: Mon 4 Mar 09:30" in reply["text"]
    assert slack.state.called("conversations.join") == [{"channel": "CDIGEST"}]

    week = W10_SEND - timedelta(days=3)
    _ask(db, "etcd", 3, week, times=3)
    _ask(db, "service discovery", 3, week, times=2)
    _ask(db, "flibbertigibbet operator for kubernetes", 0, week, times=2)
    _ask(db, "etcd", 3, W10_SEND - timedelta(days=9))  # the week before: not counted

    posts = run_ticks(
        clock,
        ticker,
        slack,
        start=W10_SEND - timedelta(minutes=30),
        end=W10_SEND + timedelta(hours=6),
        every=timedelta(minutes=5),
    )
    assert posts == [(W10_SEND, "CDIGEST")]
    post = slack.state.posts()[0]
    header, asked, unanswered, unhelpful, changes, spotlight = _texts(post)
    assert header.startswith("ecosys weekly digest")
    assert "Most asked (7 questions)" in asked
    assert "1. etcd · 3 times" in asked and "Service discovery · 2 times" in asked
    assert "flibbertigibbet operator for kubernetes · 2 times" in unanswered
    assert "No answer was marked unhelpful." in unhelpful
    assert "first digest" in changes
    first_category = next(c for c, n in engine.categories() if n)
    assert spotlight.startswith(f"*Spotlight: {escape(first_category.name.en)}*")
    assert post["metadata"] == {"event_type": EVENT_TYPE, "event_payload": {"period": "2024-W10"}}
    assert len(post["blocks"]) <= 50 and post["text"].startswith("ecosys weekly digest")


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    """The survey's part of the repo's data, to edit: what changed is under test, not the whole data."""
    return survey_data(tmp_path / "data")


NEW_ENTRY = """
  - id: harbor-next-test
    name: Quayside Registry
    homepage: https://quayside.example.org/
    category: registry
    description:
      zh: 测试用的新镜像仓库。
      en: A new image registry added for this test.
    status: active
"""


def test_next_digest_lists_what_changed_and_the_next_spotlight(
    db: Database, settings: Settings, ticker: Ticker, slack: SlackStub, kb_copy: Path, tmp_path: Path
) -> None:
    kb = Engine.open(home=tmp_path / "kb-home", data_dirs=[kb_copy])
    clock = Clock(
        db=db, engine=lambda: kb, client_for=lambda _ws: make_client(settings), now=ticker, worker="clock-1"
    )
    subscriptions.subscribe(db, WS, "C1", Schedule(), lang="en", now=W10_SEND - timedelta(days=1))
    run_ticks(clock, ticker, slack, start=W10_SEND, end=W10_SEND, every=timedelta(minutes=1))

    china = kb_copy / "entries" / "survey" / "cloud-china.yaml"
    text = china.read_text(encoding="utf-8")
    alauda = text.index("id: alauda")
    status = text.index("status: active", alauda)
    china.write_text(
        text[:status] + "status: discontinued" + text[status + len("status: active") :], encoding="utf-8"
    )
    registry = kb_copy / "entries" / "survey" / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")

    week11 = W10_SEND + timedelta(weeks=1)
    run_ticks(
        clock, ticker, slack, start=week11, end=week11 + timedelta(hours=1), every=timedelta(minutes=10)
    )
    first, second = slack.state.posts()
    changes = _texts(second)[4]
    assert "1 new projects: Quayside Registry" in changes
    assert "灵雀云: active → discontinued" in changes
    spotlights = [_texts(p)[5].split("\n")[0] for p in (first, second)]
    names = [escape(c.name.en) for c, n in kb.categories() if n]
    assert spotlights == [f"*Spotlight: {names[0]}*", f"*Spotlight: {names[1]}*"]


def test_in_process_scheduler_runs_the_tick_only_when_configured(
    db: Database, settings: Settings, slack: SlackStub, state_home: Path, engine: Engine
) -> None:
    assert start_in_process(AppContext(settings)) is None
    ctx = AppContext(replace(settings, run_scheduler=True, home=state_home))
    now = datetime.now(UTC)
    earlier = now - timedelta(minutes=5)
    schedule = Schedule("daily", 0, earlier.hour, earlier.minute, "UTC")
    subscriptions.subscribe(db, WS, "CLIVE", schedule, lang="zh", now=now - timedelta(hours=1))
    scheduler = start_in_process(ctx)
    assert scheduler is not None
    try:
        deadline = time.monotonic() + 60  # the first tick runs at once; this bounds a broken one
        while not slack.state.posts() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.shutdown(wait=True)
        if ctx._db is not None:
            ctx._db.dispose()
    assert [p["channel"] for p in slack.state.posts()] == ["CLIVE"]
    assert {job.id for job in scheduler.get_jobs()} <= {"digest-tick", "query-log-purge"}
