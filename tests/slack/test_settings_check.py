"""Start-up checks: one line naming the setting and the fix, never the value."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings
from bot.slack.settings_check import require_slack

SECRET = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("mode", "env", "names"),
    [
        ("http", {"SLACK_SIGNING_SECRET": SECRET}, "SLACK_BOT_TOKEN is not set"),
        (
            "http",
            {"SLACK_BOT_TOKEN": "xapp-1-secretvalue", "SLACK_SIGNING_SECRET": SECRET},
            "does not start with xoxb-",
        ),
        ("http", {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET is not set"),
        ("http", {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "secretvalue"}, "not 32 hexadecimal"),
        ("socket", {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN is not set"),
        (
            "socket",
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-secretvalue"},
            "does not start with xapp-",
        ),
    ],
)
def test_bad_settings_name_the_variable_and_the_fix(tmp_path, mode, env, names):
    settings = load_settings({"ECOSYS_HOME": str(tmp_path), **env})
    with pytest.raises(ConfigError) as raised:
        require_slack(settings, mode)
    message = str(raised.value)
    assert names in message and "\n" not in message
    assert "https://api.slack.com/apps" in message  # where to get the right value
    assert "secretvalue" not in message


@pytest.mark.parametrize(
    ("mode", "env"),
    [
        ("http", {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": SECRET}),
        ("socket", {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}),
    ],
)
def test_good_settings_pass(tmp_path, mode, env):
    require_slack(load_settings({"ECOSYS_HOME": str(tmp_path), **env}), mode)
