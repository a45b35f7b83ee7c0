"""``@ecosys …`` in a channel or thread: the answer goes into the thread, never the channel's top level."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.context import AppContext
from bot.slack import answering
from bot.slack.answer_queue import AnswerJob, AnswerQueue, QueueUnavailable
from bot.slack.commands import parse_command
from bot.slack.lifecycle import workspace_of
from bot.slack.threads import is_person_mention, post_reply, thread_root


def register(app: App, ctx: AppContext, queue: AnswerQueue) -> None:
    def on_mention(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
        if is_person_mention(event, context.bot_user_id):
            job = {"text": event["text"], "channel": event["channel"], "thread_ts": thread_root(event)}
            with suppress(QueueUnavailable):  # logged; the asker can ask again
                queue.submit("mention", workspace_of(context), job)
        ack()

    def answer_mention(job: AnswerJob) -> None:
        payload = job.payload
        message = answering.message_for(
            ctx,
            parse_command(payload["text"]),
            workspace=job.workspace,
            surface="mention",
            channel_id=payload["channel"],
            client=job.client,
        )
        with answering.delivery_errors("mention"):
            post_reply(job, channel=payload["channel"], thread_ts=payload["thread_ts"], message=message)

    app.event("app_mention")(on_mention)
    queue.handle("mention", answer_mention)
