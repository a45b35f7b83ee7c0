"""``/ecosys``: acknowledged at once (help right in the ack), answered through ``response_url``.

Slash command answers are ephemeral, with a Share-in-channel button; the engine is never touched before
the ack, so a cold index cannot make Slack give up after its 3 seconds.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.render import blocks
from bot.slack import answering
from bot.slack.background import Background
from bot.slack.clients import post_to_response_url
from bot.slack.commands import Command, parse_command

COMMAND = "/ecosys"


def register(app: App, ctx: AppContext, background: Background) -> None:
    def on_command(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        parsed = parse_command(command.get("text") or "")
        if parsed.kind == "help":
            ack(response_type="ephemeral", **blocks.help_message(parsed.lang, command=COMMAND))
            return
        ack()
        background.submit(answer_command, parsed, command, client)

    def answer_command(parsed: Command, command: dict[str, Any], client: WebClient) -> None:
        message = answering.message_for(
            ctx, parsed, surface="slash", channel_id=command.get("channel_id", ""), client=client, share=True
        )
        with answering.delivery_errors("slash command"):
            post_to_response_url(command["response_url"], {**message, "response_type": "ephemeral"})

    app.command(COMMAND)(on_command)
