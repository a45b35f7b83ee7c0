"""Start-up checks of the Slack settings: each failure is one line naming the variable and the fix.

Values are never echoed back (they are secrets); only their shape is described.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Literal

from slack_bolt.authorization import AuthorizeResult
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


_verified: dict[tuple[str, str], dict] = {}
_verified_lock = threading.Lock()


def verify_bot_token(client: WebClient) -> dict:
    """``auth.test`` for the client's token, called once per process (and inherited by forked workers:
    gunicorn's master checks the token before forking). A rejected token or an unreachable Slack is a
    ``ConfigError``."""
    key = (client.base_url, client.token or "")
    with _verified_lock:
        known = _verified.get(key)
        if known is not None:
            return known
        identity = _auth_test(client)
        _verified[key] = identity
        return identity


def authorize_with(client: WebClient) -> Callable[..., AuthorizeResult]:
    """A Bolt ``authorize`` function answering every request from the one ``auth.test`` of this process
    (Bolt's own single-team authorization would call ``auth.test`` again)."""
    identity = verify_bot_token(client)
    result = AuthorizeResult(
        enterprise_id=identity.get("enterprise_id"),
        team_id=identity.get("team_id"),
        team=identity.get("team"),
        url=identity.get("url"),
        bot_user_id=identity.get("user_id"),
        bot_id=identity.get("bot_id"),
        bot_token=client.token,
    )

    def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        return result  # one workspace, one token: whoever the request is from

    return authorize


def _auth_test(client: WebClient) -> dict:
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
