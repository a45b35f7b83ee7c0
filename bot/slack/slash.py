"""``/ecosys``: stored, then acknowledged at once (help right in the ack), answered through ``response_url``.

The acknowledgement says "looking it up"; the answer replaces it (``replace_original``), so an answer sent
twice — its process died between sending and recording it — still shows once. Slash command answers are
ephemeral, with a Share-in-channel button; the engine is never touched before the ack.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.context import AppContext
from bot.render import blocks, messages
from bot.slack import answering
from bot.slack.answer_queue import AnswerJob, AnswerQueue, QueueUnavailable
from bot.slack.clients import post_to_response_url
from bot.slack.commands import parse_command
from bot.slack.lifecycle import workspace_of

COMMAND = "/ecosys"


def register(app: App, ctx: AppContext, queue: AnswerQueue) -> None:
    def on_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
        parsed = parse_command(command.get("text") or "")
        if parsed.kind == "help":
            ack(response_type="ephemeral", **blocks.help_message(parsed.lang, command=COMMAND))
            return
        lang = answering.command_lang(parsed)
        job = {
            "text": command.get("text") or "",
            "response_url": command["response_url"],
            "channel_id": command.get("channel_id", ""),
        }
        try:
            queue.submit("slash", workspace_of(context), job)
        except QueueUnavailable:
            ack(response_type="ephemeral", **blocks.text_message(messages.not_taken(lang)))
            return
        ack(response_type="ephemeral", **blocks.text_message(messages.looking_up(lang)))

    def answer_command(job: AnswerJob) -> None:
        payload = job.payload
        message = answering.message_for(
            ctx,
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

    app.command(COMMAND)(on_command)
    queue.handle("slash", answer_command)
