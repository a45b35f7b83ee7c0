"""``/ecosys subscribe`` / ``unsubscribe`` / ``subscriptions`` (and 订阅 / 取消订阅 / 订阅列表).

Called by the Slack command router after ``ack()`` with the action ``bot.slack.commands`` read from the
words (the one place they are mapped); returns the reply as ``{"text", "blocks"}``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.context import AppContext
from bot.digest import texts
from bot.digest.parse import ScheduleError, parse_subscribe
from bot.digest.runner import next_send
from bot.digest.schedule import Schedule
from bot.render import kit
from bot.storage import digest_runs, subscriptions
from bot.storage.schema import Workspace
from bot.storage.subscriptions import ScheduleFields

log = logging.getLogger(__name__)


def _reply(lines: list[str], note: str = "") -> dict:
    blocks = [kit.section(kit.fit_lines(lines))]
    if note:
        blocks.append(kit.context([note]))
    return kit.message("\n".join([*lines, note]), blocks)


def ensure_member(client: WebClient, channel_id: str) -> bool:
    """Whether the bot can post in the channel, joining it first when it is public. False: ask for /invite."""
    try:
        channel = client.conversations_info(channel=channel_id)["channel"]
    except SlackApiError as exc:  # channel_not_found: a private channel the bot is not in
        log.info("conversations.info %s: %s", channel_id, exc.response.get("error"))
        return False
    if channel.get("is_member") or channel.get("is_im"):
        return True
    if channel.get("is_private") or channel.get("is_mpim") or channel.get("is_archived"):
        return False
    try:
        client.conversations_join(channel=channel_id)
    except SlackApiError as exc:  # missing channels:join scope, restricted workspace…
        log.warning("cannot join %s: %s", channel_id, exc.response.get("error"))
        return False
    return True


def _subscribe(
    args: str,
    *,
    workspace: Workspace,
    channel_id: str,
    ctx: AppContext,
    client: WebClient,
    lang: str,
    now: datetime,
) -> dict:
    try:
        request = parse_subscribe(args)
    except ScheduleError as exc:
        return _reply([texts.parse_error(lang, exc.kind, exc.word)])
    stored = ScheduleFields(**vars(request.schedule))
    sub = subscriptions.subscribe(ctx.db, workspace, channel_id, stored, lang=request.lang, now=now)
    line = texts.subscribed(lang, request.schedule, sub.lang, next_send(sub, now))
    lines = [line] if ensure_member(client, channel_id) else [line, texts.invite_me(lang)]
    return _reply(lines, texts.how_to_change(lang))


def _list(*, workspace: Workspace, channel_id: str, ctx: AppContext, lang: str, now: datetime) -> dict:
    sub = subscriptions.get_subscription(ctx.db, workspace, channel_id)
    if sub is None:
        return _reply([texts.not_subscribed(lang)])
    schedule = Schedule.of(sub.schedule)
    if sub.paused:
        lines = [
            texts.subscription_status(lang, schedule, sub.lang, None),
            texts.paused(lang, sub.paused_reason or ""),
        ]
    else:
        lines = [texts.subscription_status(lang, schedule, sub.lang, next_send(sub, now))]
    last = digest_runs.last_sent(ctx.db, workspace, channel_id)
    if last is not None:
        lines.append(texts.last_digest(lang, last.sent_at.astimezone(schedule.zone)))
    return _reply(lines, texts.how_to_change(lang))


def handle_subscription(
    action: str,
    args: str,
    *,
    workspace: Workspace,
    channel_id: str,
    ctx: AppContext,
    client: WebClient,
    lang: str,
    now: datetime | None = None,
) -> dict:
    """Answer one subscription command for ``channel_id`` of ``workspace``; ``lang`` is the reply's language.

    ``action`` is ``subscribe``, ``unsubscribe`` or ``subscriptions`` (``Command.action``).
    """
    now = now or datetime.now(UTC)
    what = action
    if what == "subscribe":
        return _subscribe(
            args, workspace=workspace, channel_id=channel_id, ctx=ctx, client=client, lang=lang, now=now
        )
    if what == "unsubscribe":
        removed = subscriptions.unsubscribe(ctx.db, workspace, channel_id)
        return _reply([texts.unsubscribed(lang) if removed else texts.not_subscribed(lang)])
    if what == "subscriptions":
        return _list(workspace=workspace, channel_id=channel_id, ctx=ctx, lang=lang, now=now)
    raise ValueError(f"not a subscription command: {action!r}")
