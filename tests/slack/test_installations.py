"""Which token speaks for a workspace outside a request: the single token, or a rotated installation's."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store import Bot

from bot.config import REPO_DATA_DIR, Settings
from bot.slack.installations import ClientSource, NotInstalled, installation_store
from bot.storage.db import open_database
from bot.storage.schema import Workspace
from tests.e2e.slack_standin import OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, SlackStandIn


@pytest.fixture()
def standin() -> Iterator[SlackStandIn]:
    slack = SlackStandIn().start()
    yield slack
    slack.stop()


def _settings(tmp_path: Path, slack: SlackStandIn, **slack_settings: str) -> Settings:
    return Settings(
        home=tmp_path,
        data_dirs=(REPO_DATA_DIR,),
        database_url=f"sqlite:///{tmp_path / 'e.db'}",
        slack_api_url=slack.api_url,
        **slack_settings,  # type: ignore[arg-type]
    )


def test_single_workspace_mode_uses_the_one_token_everywhere(tmp_path: Path, standin: SlackStandIn) -> None:
    source = ClientSource(_settings(tmp_path, standin, slack_bot_token="xoxb-single"))
    assert source(Workspace("TANY")).token == "xoxb-single"


def test_an_expiring_installation_token_is_rotated_and_saved(tmp_path: Path, standin: SlackStandIn) -> None:
    settings = _settings(
        tmp_path, standin, slack_client_id=OAUTH_CLIENT_ID, slack_client_secret=OAUTH_CLIENT_SECRET
    )
    db = open_database(settings.database_url)
    store = installation_store(settings, db)
    store.save_bot(
        Bot(
            app_id="A0000APP",
            team_id="T0000AAAA",
            bot_token="xoxe.xoxb-old",
            bot_refresh_token="xoxe-1-old",
            bot_token_expires_at=int(time.time()) + 60,  # inside the rotation window
            bot_id="B1",
            bot_user_id="U1",
            installed_at=time.time(),
        )
    )
    source = ClientSource(settings, db)
    rotated = source(Workspace("T0000AAAA")).token
    assert rotated is not None and rotated.startswith("xoxe.xoxb-rotated-")
    saved = store.find_bot(enterprise_id=None, team_id="T0000AAAA")
    assert saved is not None and saved.bot_token == rotated
    assert source(Workspace("T0000AAAA")).token == rotated  # not expiring any more: no second refresh
    with pytest.raises(NotInstalled):
        source(Workspace("T0000GONE"))
    db.dispose()
