"""``/ecosys``: acknowledged at once (help right in the ack), answered through ``response_url``.

Slash command answers are ephemeral, with a Share-in-channel button; the engine is never touched before
the ack, so a cold index cannot make Slack give up after its 3 seconds.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.context import AppContext
from bot.render import blocks
from bot.slack import answering, services
from bot.slack.clients import post_to_response_url
from bot.slack.commands import Command, parse_command

COMMAND = "/ecosys"


def on_command(ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """``/ecosys <text>``: help in the ack; anything else answered after it."""
    parsed = parse_command(command.get("text") or "")
    if parsed.kind == "help":
        ack(response_type="ephemeral", **blocks.help_message(parsed.lang, command=COMMAND))
        return
    ack()
    services.background(context).submit(
        answer_command, services.app_context(context), parsed, command, client
    )


def answer_command(ctx: AppContext, parsed: Command, command: dict[str, Any], client: WebClient) -> None:
    message = answering.message_for(
        ctx, parsed, surface="slash", channel_id=command.get("channel_id", ""), client=client, share=True
    )
    with answering.delivery_errors("slash command"):
        post_to_response_url(command["response_url"], {**message, "response_type": "ephemeral"})


def register(app: App) -> None:
    app.command(COMMAND)(on_command)
