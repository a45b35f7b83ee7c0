"""``@ecosys …`` in a channel or thread: the answer goes into the thread, never the channel's top level."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.context import AppContext
from bot.slack import answering
from bot.slack.background import Background
from bot.slack.commands import parse_command
from bot.slack.threads import is_person_mention, thread_root


def register(app: App, ctx: AppContext, background: Background) -> None:
    def on_mention(ack: Ack, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        if is_person_mention(event, context.bot_user_id):
            background.submit(answer_mention, event, client)

    def answer_mention(event: dict[str, Any], client: WebClient) -> None:
        parsed = parse_command(event["text"])
        message = answering.message_for(
            ctx, parsed, surface="mention", channel_id=event["channel"], client=client
        )
        with answering.delivery_errors("mention"):
            client.chat_postMessage(channel=event["channel"], thread_ts=thread_root(event), **message)

    app.event("app_mention")(on_mention)
