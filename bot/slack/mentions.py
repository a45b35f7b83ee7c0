"""``@ecosys …`` in a channel or thread: the answer goes into the thread, never the channel's top level."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.context import AppContext
from bot.slack import answering, services
from bot.slack.commands import parse_command
from bot.slack.threads import is_person_mention, thread_root


def on_mention(ack: Ack, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """A person's mention is answered in its thread; the bot's own and other bots' are not."""
    ack()
    if is_person_mention(event, context.bot_user_id):
        services.background(context).submit(answer_mention, services.app_context(context), event, client)


def answer_mention(ctx: AppContext, event: dict[str, Any], client: WebClient) -> None:
    parsed = parse_command(event["text"])
    message = answering.message_for(
        ctx, parsed, surface="mention", channel_id=event["channel"], client=client
    )
    with answering.delivery_errors("mention"):
        client.chat_postMessage(channel=event["channel"], thread_ts=thread_root(event), **message)


def register(app: App) -> None:
    app.event("app_mention")(on_mention)
