"""Digest fixtures: a database (SQLite and PostgreSQL), the stand-in Slack Web API, a clock with injected time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine as Database

from bot.clock import Clock
from bot.config import REPO_DATA_DIR, Settings
from bot.context import AppContext
from bot.digest.deliver import make_client
from tests.digest.slack_stub import SlackStub
from tests.storage.databases import db, db_url  # noqa: F401  (fixtures)
from tests.support.homes import seed


class Ticker:
    """The injected clock: tests move ``now`` and tick; nothing waits for real time to pass."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def run_ticks(
    clock: Clock, ticker: Ticker, slack: SlackStub, *, start: datetime, end: datetime, every: timedelta
) -> list[tuple[datetime, str]]:
    """Tick from ``start`` to ``end`` (inclusive); returns (tick time, channel) of every post made."""
    posts: list[tuple[datetime, str]] = []
    ticker.now = start
    while ticker.now <= end:
        before = len(slack.state.posts())
        clock.tick()
        posts += [(ticker.now, p["channel"]) for p in slack.state.posts()[before:]]
        ticker.now += every
    return posts


@pytest.fixture()
def slack() -> Iterator[SlackStub]:
    with SlackStub() as stub:
        yield stub


@pytest.fixture()
def settings(tmp_path: Path, db_url: str, slack: SlackStub, built_home: Path) -> Settings:  # noqa: F811
    return Settings(
        home=seed(tmp_path / "home", built_home),
        data_dirs=(REPO_DATA_DIR,),
        database_url=db_url,
        slack_bot_token="xoxb-test",
        slack_api_url=slack.url,
    )


@pytest.fixture()
def ctx(settings: Settings) -> Iterator[AppContext]:
    context = AppContext(settings)
    yield context
    if context._db is not None:
        context._db.dispose()


@pytest.fixture()
def ticker() -> Ticker:
    return Ticker(datetime.fromisoformat("2024-01-01T00:00:00+00:00"))


@pytest.fixture()
def clock(db: Database, engine, settings: Settings, ticker: Ticker) -> Clock:  # type: ignore[no-untyped-def]  # noqa: F811
    return Clock(
        db=db,
        engine=lambda: engine,
        client_for=lambda _ws: make_client(settings),
        now=ticker,
        worker="clock-1",
    )
