"""Direct messages to the bot (``message.im``): answered in the DM.

Every other message event — edits, joins, deletions, other bots, the bot's own posts — is acknowledged
and dropped: Slack retries an event that gets no 2xx, and answering bots can loop forever.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.slack import answering, services
from bot.slack.answer_queue import AnswerJob, Handler, QueueUnavailable
from bot.slack.threads import is_question_in_dm


def on_message(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
    """Any message event: a person's new DM is stored and answered, everything else only acknowledged."""
    if is_question_in_dm(event, context.bot_user_id):
        job = {"text": event["text"], "channel": event["channel"], "thread_ts": event.get("thread_ts")}
        with suppress(QueueUnavailable):  # logged; the asker can ask again
            services.answers(context).submit("dm", services.workspace(context), job)
    ack()  # every message event, answered or not: Slack retries events that get no 2xx


def answer_dm(job: AnswerJob) -> None:
    answering.answer_in_thread(job, surface="dm", what="direct message")


JOBS: dict[str, Handler] = {"dm": answer_dm}


def register(app: App) -> None:
    app.event("message")(on_message)
