"""In-process scenario fixtures, the way bolt-python tests itself: the real ``App`` from ``build_app``,
signed ``BoltRequest``s through ``App.dispatch``, and the Web API pointed at a stand-in Slack running in
a thread on 127.0.0.1 that records every call."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt import App, BoltRequest, BoltResponse

from bot.config import REPO_DATA_DIR, Settings
from bot.context import AppContext
from bot.slack.app import build_app, make_answer_queue
from tests.e2e.slack_requests import BOT_TOKEN, SIGNING_SECRET, sign
from tests.e2e.slack_standin import SlackStandIn


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    slack = SlackStandIn().start()
    yield slack
    slack.stop()


@pytest.fixture(scope="module")
def ctx(standin: SlackStandIn, state_home: Path, tmp_path_factory: pytest.TempPathFactory) -> AppContext:
    """The bot's context over the repo's data (the session's built index) and a fresh SQLite database."""
    db_dir = tmp_path_factory.mktemp("listeners-db")
    settings = Settings(
        home=state_home,
        data_dirs=(REPO_DATA_DIR,),
        database_url=f"sqlite:///{db_dir / 'ecosys.db'}",
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=standin.api_url,
    )
    return AppContext(settings)


@pytest.fixture(scope="module")
def app(ctx: AppContext) -> Iterator[App]:
    """The app, with this process's answer threads working off the durable queue as the web process's do."""
    queue = make_answer_queue(ctx)
    app = build_app(ctx, mode="http", queue=queue)
    queue.start()
    yield app
    queue.stop(grace=5)


def dispatch(app: App, body: bytes, *, signed: bool = True) -> BoltResponse:
    """What the WSGI adapter hands Bolt for one HTTP request from Slack."""
    content_type = "application/json" if body.startswith(b"{") else "application/x-www-form-urlencoded"
    headers: dict[str, Any] = {"content-type": [content_type]}
    if signed:
        headers.update({k.lower(): [v] for k, v in sign(body).items()})
    return app.dispatch(BoltRequest(body=body.decode(), headers=headers))


def hook_message(standin: SlackStandIn, hook: str, *, count: int = 1) -> list[dict]:
    return [c.body for c in standin.wait_for(lambda c: c.method == f"hook:{hook}", count=count)]


def blocks_of(message: dict) -> list[dict]:
    blocks = message.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def button_rows(message: dict) -> list[dict]:
    """Every button: ``{"action_id", "text", "value"}``."""
    return [
        {"action_id": e["action_id"], "text": e["text"]["text"], "value": e.get("value", "")}
        for b in blocks_of(message)
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    ]
