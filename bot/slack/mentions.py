"""``@ecosys …`` in a channel or thread: the answer goes into the thread, never the channel's top level."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.slack import answering, services
from bot.slack.answer_queue import AnswerJob, Handler, QueueUnavailable
from bot.slack.threads import is_person_mention, thread_root


def on_mention(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
    """A person's mention is stored, then answered in its thread; the bot's own and other bots' are not."""
    if is_person_mention(event, context.bot_user_id):
        job = {"text": event["text"], "channel": event["channel"], "thread_ts": thread_root(event)}
        with suppress(QueueUnavailable):  # logged; the asker can ask again
            services.answers(context).submit("mention", services.workspace(context), job)
    ack()


def answer_mention(job: AnswerJob) -> None:
    answering.answer_in_thread(job, surface="mention", what="mention")


JOBS: dict[str, Handler] = {"mention": answer_mention}


def register(app: App) -> None:
    app.event("app_mention")(on_mention)
