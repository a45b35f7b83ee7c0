"""Web API and response_url clients: every call goes to ``settings.slack_api_url`` and survives a 429.

slack_sdk's ``RateLimitErrorRetryHandler`` sleeps for the ``Retry-After`` the server sent and retries;
``ConnectionErrorRetryHandler`` retries a dropped connection once.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.config import Settings

RATE_LIMIT_RETRIES = 3
TIMEOUT_SECONDS = 15


def _retry_handlers() -> list:
    return [
        ConnectionErrorRetryHandler(max_retry_count=1),
        RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
    ]


def make_web_client(settings: Settings, *, token: str | None = None) -> WebClient:
    """The bot's Web API client (Socket Mode's ``apps.connections.open`` uses it too); ``token`` overrides
    ``SLACK_BOT_TOKEN`` (an installation's token, in distributed mode)."""
    return WebClient(
        token=token if token is not None else (settings.slack_bot_token or None),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=_retry_handlers(),
    )


class ResponseUrlError(Exception):
    """Raised when Slack refuses a message posted to a ``response_url`` (expired, too many uses…)."""


def post_to_response_url(url: str, payload: dict[str, Any]) -> WebhookResponse:
    """Post ``payload`` to a slash command's or action's ``response_url``, retrying 429s.

    Bolt's ``respond()`` does the same without retry handlers; this is it with them.
    """
    client = WebhookClient(url=url, timeout=TIMEOUT_SECONDS, retry_handlers=_retry_handlers())
    response = client.send_dict(payload)
    if response.status_code != 200:
        raise ResponseUrlError(f"response_url answered {response.status_code}: {response.body[:200]}")
    return response
