"""Direct messages to the bot (``message.im``): answered in the DM.

Every other message event — edits, joins, deletions, other bots, the bot's own posts — is acknowledged
and dropped: Slack retries an event that gets no 2xx, and answering bots can loop forever.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.context import AppContext
from bot.slack import answering, services
from bot.slack.commands import parse_command
from bot.slack.threads import is_question_in_dm


def on_message(ack: Ack, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Any message event: a person's new DM is answered, everything else only acknowledged."""
    ack()  # every message event, answered or not: Slack retries events that get no 2xx
    if is_question_in_dm(event, context.bot_user_id):
        services.background(context).submit(answer_dm, services.app_context(context), event, client)


def answer_dm(ctx: AppContext, event: dict[str, Any], client: WebClient) -> None:
    parsed = parse_command(event["text"])
    message = answering.message_for(ctx, parsed, surface="dm", channel_id=event["channel"], client=client)
    reply: dict[str, Any] = {"channel": event["channel"], **message}
    if event.get("thread_ts"):
        reply["thread_ts"] = event["thread_ts"]
    with answering.delivery_errors("direct message"):
        client.chat_postMessage(**reply)


def register(app: App) -> None:
    app.event("message")(on_message)
