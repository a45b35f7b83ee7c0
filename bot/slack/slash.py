"""``/ecosys``: stored, then acknowledged at once (help right in the ack), answered through ``response_url``.

The acknowledgement says "looking it up"; the answer replaces it (``replace_original``), so an answer sent
twice — its process died between sending and recording it — still shows once. Slash command answers are
ephemeral, with a Share-in-channel button; the engine is never touched before the ack.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.render import blocks, messages
from bot.slack import answering, services
from bot.slack.answer_queue import AnswerJob, Handler, QueueUnavailable
from bot.slack.clients import post_to_response_url
from bot.slack.commands import command_lang, parse_command

COMMAND = "/ecosys"


def on_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    """``/ecosys <text>``: help in the ack; anything else stored, acknowledged, answered after."""
    parsed = parse_command(command.get("text") or "")
    if parsed.kind == "help":
        ack(response_type="ephemeral", **blocks.help_message(parsed.lang, command=COMMAND))
        return
    lang = command_lang(parsed)
    job = {
        "text": command.get("text") or "",
        "response_url": command["response_url"],
        "channel_id": command.get("channel_id", ""),
    }
    try:
        services.answers(context).submit("slash", services.workspace(context), job)
    except QueueUnavailable:
        ack(response_type="ephemeral", **blocks.text_message(messages.not_taken(lang)))
        return
    ack(response_type="ephemeral", **blocks.text_message(messages.looking_up(lang)))


def answer_command(job: AnswerJob) -> None:
    payload = job.payload
    message = answering.message_for(
        job.ctx,
        parse_command(payload["text"]),
        workspace=job.workspace,
        surface="slash",
        channel_id=payload["channel_id"],
        client=job.client,
        share=True,
    )
    # No before_delivery() mark: replacing the acknowledgement is idempotent, so a resend needs no check.
    with answering.delivery_errors("slash command"):
        post_to_response_url(
            payload["response_url"], {**message, "response_type": "ephemeral", "replace_original": True}
        )


JOBS: dict[str, Handler] = {"slash": answer_command}


def register(app: App) -> None:
    app.command(COMMAND)(on_command)
