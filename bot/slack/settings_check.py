"""Start-up checks of the Slack settings: each failure is one line naming the variable and the fix.

Values are never echoed back (they are secrets); only their shape is described.
"""

from __future__ import annotations

import re
from typing import Literal

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.config import ConfigError, Settings

Mode = Literal["http", "socket"]

_SECRET = re.compile(r"^[0-9a-f]{32}$")
_CREDENTIALS_PAGE = "https://api.slack.com/apps → your app"


def require_slack(settings: Settings, mode: Mode) -> None:
    """Raise ``ConfigError`` unless the settings ``mode`` needs are present and well formed."""
    if settings.oauth:
        if mode == "socket":
            raise ConfigError(
                "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set without SLACK_BOT_TOKEN (distributed mode), "
                "which needs the HTTP web process for /slack/install: run `ecosys web`, or set "
                "SLACK_BOT_TOKEN to serve one workspace over Socket Mode."
            )
        _require_signing_secret(settings)
        return
    token = settings.slack_bot_token
    if not token:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from "
            f"{_CREDENTIALS_PAGE} → OAuth & Permissions (or, to let any workspace install the app, set "
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET instead: README, Distribute your app)."
        )
    if not token.startswith("xoxb-"):
        raise ConfigError(
            "SLACK_BOT_TOKEN does not start with xoxb-: use the Bot User OAuth Token from "
            f"{_CREDENTIALS_PAGE} → OAuth & Permissions, not a user or app-level token."
        )
    if mode == "http":
        _require_signing_secret(settings)
    else:
        app_token = settings.slack_app_token
        if not app_token:
            raise ConfigError(
                "SLACK_APP_TOKEN is not set: Socket Mode needs an app-level token (xapp-…) with the "
                f"connections:write scope, from {_CREDENTIALS_PAGE} → Basic Information → App-Level Tokens."
            )
        if not app_token.startswith("xapp-"):
            raise ConfigError(
                "SLACK_APP_TOKEN does not start with xapp-: create an app-level token with the "
                f"connections:write scope in {_CREDENTIALS_PAGE} → Basic Information → App-Level Tokens."
            )


def _require_signing_secret(settings: Settings) -> None:
    secret = settings.slack_signing_secret
    if not secret:
        raise ConfigError(
            f"SLACK_SIGNING_SECRET is not set: copy the Signing Secret from {_CREDENTIALS_PAGE} → "
            "Basic Information → App Credentials."
        )
    if not _SECRET.match(secret):
        raise ConfigError(
            "SLACK_SIGNING_SECRET is not 32 hexadecimal characters: copy the Signing Secret (not the "
            f"Client Secret or Verification Token) from {_CREDENTIALS_PAGE} → Basic Information."
        )


def verify_bot_token(client: WebClient) -> dict:
    """Call ``auth.test`` once; a rejected token or an unreachable Slack is a ``ConfigError``."""
    try:
        return dict(client.auth_test().data)  # type: ignore[arg-type]
    except SlackApiError as exc:
        error = exc.response.get("error", "unknown_error") if exc.response is not None else "unknown_error"
        raise ConfigError(
            f"SLACK_BOT_TOKEN was refused by Slack ({error}): reinstall the app to your workspace and copy "
            f"the new Bot User OAuth Token from {_CREDENTIALS_PAGE} → OAuth & Permissions."
        ) from None
    except (SlackClientError, OSError) as exc:
        raise ConfigError(
            f"SLACK_API_URL={client.base_url} cannot be reached ({type(exc).__name__}): check the network, "
            "or unset SLACK_API_URL to use Slack's own."
        ) from None
