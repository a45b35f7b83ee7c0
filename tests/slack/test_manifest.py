"""The manifest declares exactly what the code listens to and needs."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.slack.installations import BOT_SCOPES, REDIRECT_PATH
from bot.slack.slash import COMMAND

MANIFEST = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot/slack/manifest.yaml").read_text())


def test_manifest_matches_the_surfaces():
    assert [c["command"] for c in MANIFEST["features"]["slash_commands"]] == [COMMAND]
    events = {"app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked"}
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == events
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert {"commands", "app_mentions:read", "chat:write", "im:history", "users:read"} <= scopes
    urls = {c["url"] for c in MANIFEST["features"]["slash_commands"]}
    urls |= {
        MANIFEST["settings"]["event_subscriptions"]["request_url"],
        MANIFEST["settings"]["interactivity"]["request_url"],
    }
    assert {u.rsplit("/", 2)[-2:] == ["slack", "events"] for u in urls} == {True}


def test_an_install_asks_for_the_manifests_scopes_and_returns_to_its_redirect_url():
    assert tuple(MANIFEST["oauth_config"]["scopes"]["bot"]) == BOT_SCOPES
    assert [u.split("/", 3)[3] for u in MANIFEST["oauth_config"]["redirect_urls"]] == [REDIRECT_PATH[1:]]
