"""Which digests are due, and sending them: what the clock runs each tick and the CLI runs on demand.

A digest is due when its period's send instant has passed, no longer ago than the grace window, and the
(channel, period) run is not claimed yet (or its claim was abandoned). Being a question asked of the
database at every tick rather than a timer per subscription, this needs no state in the clock process:
a restart, a second clock process or a missed tick change nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from sqlalchemy import Engine as Database

from bot.digest.compose import Composed, compose
from bot.digest.content import build_message
from bot.digest.deliver import Delivery, deliver
from bot.digest.schedule import Period, Schedule, due_period, latest_period, next_period, previous_period
from bot.storage import digest_runs, subscriptions
from bot.storage.schema import Workspace
from bot.storage.subscriptions import Subscription
from index.model import Lang

if TYPE_CHECKING:
    from index.engine import Engine

ClientFor = Callable[[Workspace], WebClient]
"""The Web API client that speaks for a workspace (its bot token)."""

log = logging.getLogger(__name__)


def _send(
    db: Database,
    engine: Engine,
    client: WebClient,
    claim: digest_runs.Claim,
    *,
    lang: Lang,
    schedule: Schedule,
    start: datetime,
    end: datetime,
    now: datetime,
) -> Delivery:
    composed = compose(
        db,
        engine,
        claim.workspace,
        channel_id=claim.channel_id,
        lang=lang,
        frequency=schedule.frequency,
        start=start,
        end=end,
        timezone=schedule.timezone,
    )
    message = build_message(composed.digest)
    return deliver(
        db,
        client,
        claim,
        message=message,
        snapshot=composed.snapshot,
        spotlight=composed.spotlight_id,
        now=now,
    )


def run_due(
    db: Database, engine: Callable[[], Engine], client_for: ClientFor, *, now: datetime, worker: str
) -> list[Delivery]:
    """Claim and send every digest due at ``now``, each with its workspace's client; the engine is opened
    only when one is due."""
    deliveries: list[Delivery] = []
    claimed: list[tuple[Subscription, Period, digest_runs.Claim]] = []
    for sub in subscriptions.active_subscriptions(db):
        period = due_period(Schedule.of(sub.schedule), now, active_since=sub.active_since)
        if period is None:
            continue
        claim = digest_runs.claim(db, sub.workspace, sub.channel_id, period.key, now=now, worker=worker)
        if claim is not None:
            claimed.append((sub, period, claim))
    if not claimed:
        return deliveries
    search = engine()
    search.reload_if_changed()
    for sub, period, claim in claimed:
        schedule = Schedule.of(sub.schedule)
        start = previous_period(schedule, period).send_at
        lang: Lang = sub.lang  # type: ignore[assignment]
        try:
            deliveries.append(
                _send(
                    db,
                    search,
                    client_for(sub.workspace),
                    claim,
                    lang=lang,
                    schedule=schedule,
                    start=start,
                    end=period.send_at,
                    now=now,
                )
            )
        except Exception:  # one channel's failure must not cost the others their digest; its claim is retried
            log.exception(
                "digest %s for %s failed; retried after the claim lease", period.key, sub.channel_id
            )
    return deliveries


def _lang_and_schedule(
    db: Database, workspace: Workspace, channel_id: str, lang: Lang | None
) -> tuple[Lang, Schedule]:
    sub = subscriptions.get_subscription(db, workspace, channel_id) if channel_id else None
    schedule = Schedule.of(sub.schedule) if sub else Schedule()
    chosen: Lang = lang or (sub.lang if sub else "zh")  # type: ignore[assignment]
    return chosen, schedule


def preview(
    db: Database, engine: Engine, workspace: Workspace, *, channel_id: str, lang: Lang | None, now: datetime
) -> Composed:
    """The channel's next digest as it stands at ``now`` (questions since its last scheduled send)."""
    chosen, schedule = _lang_and_schedule(db, workspace, channel_id, lang)
    start = latest_period(schedule, now).send_at
    return compose(
        db,
        engine,
        workspace,
        channel_id=channel_id,
        lang=chosen,
        frequency=schedule.frequency,
        start=start,
        end=now,
        timezone=schedule.timezone,
    )


def send_now(
    db: Database,
    engine: Engine,
    client: WebClient,
    workspace: Workspace,
    *,
    channel_id: str,
    lang: Lang | None,
    now: datetime,
    worker: str,
) -> Delivery:
    """Send the channel a digest now, recorded as a run of its own (the scheduled one still comes)."""
    chosen, schedule = _lang_and_schedule(db, workspace, channel_id, lang)
    key = "manual-" + now.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    claim = digest_runs.claim(db, workspace, channel_id, key, now=now, worker=worker)
    if claim is None:
        return Delivery(channel_id, key, "failed", error="a digest was sent to this channel this very second")
    start = latest_period(schedule, now).send_at
    return _send(db, engine, client, claim, lang=chosen, schedule=schedule, start=start, end=now, now=now)


def next_send(sub: Subscription, now: datetime) -> datetime:
    """When the subscription's next digest goes out, in its own zone."""
    schedule = Schedule.of(sub.schedule)
    return next_period(schedule, now).send_at.astimezone(schedule.zone)
