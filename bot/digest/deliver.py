"""Posting a claimed digest to Slack, recording how far it got, and pausing channels that are gone.

The message carries Slack message metadata naming its period (``ecosys_digest`` / ``{"period": …}``), so a
process that takes over a run whose previous owner died while posting can look in the channel and record
the message that is already there instead of posting a second one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from sqlalchemy import Engine as Database

from bot.config import Settings
from bot.storage import digest_runs, subscriptions
from bot.storage.digest_runs import Claim, Snapshot

log = logging.getLogger(__name__)

EVENT_TYPE = "ecosys_digest"

PAUSING_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived"})
"""Slack errors that mean the channel cannot get digests any more: its subscription is paused."""

Outcome = Literal["sent", "recovered", "paused", "failed", "retry"]


@dataclass(frozen=True)
class Delivery:
    """What happened to one run."""

    channel_id: str
    period: str
    outcome: Outcome
    ts: str | None = None
    error: str | None = None


def make_client(settings: Settings, *, max_rate_limit_retries: int = 3) -> WebClient:
    """A Web API client for ``settings``: 429 answers are waited out (Retry-After) and retried."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[
            ConnectionErrorRetryHandler(),
            RateLimitErrorRetryHandler(max_retry_count=max_rate_limit_retries),
        ],
    )


def find_posted(client: WebClient, channel_id: str, period: str, *, since: datetime) -> str | None:
    """The ts of this period's digest if it is already in the channel (posted by a dead predecessor)."""
    try:
        history = client.conversations_history(
            channel=channel_id, oldest=f"{since.timestamp() - 60:.6f}", include_all_metadata=True, limit=200
        )
    except SlackApiError as exc:
        log.warning(
            "cannot read %s to check for an earlier post of %s (%s): posting; grant channels:history "
            "so a take-over never duplicates",
            channel_id,
            period,
            exc.response.get("error"),
        )
        return None
    for message in history.get("messages", []):
        metadata = message.get("metadata") or {}
        if (
            metadata.get("event_type") == EVENT_TYPE
            and (metadata.get("event_payload") or {}).get("period") == period
        ):
            return str(message["ts"])
    return None


def deliver(
    db: Database,
    client: WebClient,
    claim: Claim,
    *,
    message: dict,
    snapshot: Snapshot,
    spotlight: str | None,
    now: datetime,
) -> Delivery:
    """Post ``message`` for the claimed run and record the result; a run is never posted twice."""
    channel, period = claim.channel_id, claim.period
    if claim.uncertain:
        ts = find_posted(client, channel, period, since=claim.first_claimed_at)
        if ts is not None:
            digest_runs.mark_sent(db, claim.id, ts=ts, now=now)
            log.info(
                "digest %s for %s was already posted (ts %s): recorded, not reposted", period, channel, ts
            )
            return Delivery(channel, period, "recovered", ts)
    digest_runs.mark_posting(db, claim.id, snapshot=snapshot, spotlight=spotlight)
    try:
        response = client.chat_postMessage(
            channel=channel,
            text=message["text"],
            blocks=message["blocks"],
            metadata={"event_type": EVENT_TYPE, "event_payload": {"period": period}},
            unfurl_links=False,
            unfurl_media=False,
        )
    except SlackApiError as exc:
        error = str(exc.response.get("error") or exc.response.status_code)
        if error in PAUSING_ERRORS:
            subscriptions.pause(db, claim.workspace, channel, reason=error, now=now)
            digest_runs.mark_ended(db, claim.id, state="paused", error=error)
            log.warning("digest subscription of %s paused: Slack answered %s", channel, error)
            return Delivery(channel, period, "paused", error=error)
        if exc.response.status_code == 429 or exc.response.status_code >= 500:
            log.warning(
                "digest %s for %s not posted (%s): retried after the claim lease", period, channel, error
            )
            return Delivery(channel, period, "retry", error=error)
        digest_runs.mark_ended(db, claim.id, state="failed", error=error)
        log.error("digest %s for %s refused by Slack: %s", period, channel, error, exc_info=exc)
        return Delivery(channel, period, "failed", error=error)
    except OSError as exc:  # network: whether Slack got it is unknown, the take-over checks the channel
        log.warning(
            "digest %s for %s: network error, retried after the claim lease", period, channel, exc_info=exc
        )
        return Delivery(channel, period, "retry", error=type(exc).__name__)
    ts = str(response["ts"])
    digest_runs.mark_sent(db, claim.id, ts=ts, now=now)
    log.info("digest %s posted to %s (ts %s)", period, channel, ts)
    return Delivery(channel, period, "sent", ts)
