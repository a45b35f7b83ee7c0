"""👍 / 👎 under every answer: one click stores one vote (a second click by the same person on the same
answer is thanked but not counted) and the clicker gets an ephemeral thanks in the answer's language.

The button value carries what the vote is about — the command, page, language and the entries shown —
so nothing is looked up again; the storage keeps a hash of voter and answer, never the user id.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from sqlalchemy.exc import SQLAlchemyError

from bot.render import blocks, messages
from bot.slack import answering
from bot.slack.actions import expired, on_click
from bot.slack.answer_queue import AnswerJob, Handler
from bot.slack.clients import post_to_response_url
from bot.slack.commands import BadState, decode_vote
from bot.storage import feedback

log = logging.getLogger(__name__)


on_vote = on_click("vote")


def record_and_thank(job: AnswerJob) -> None:
    clicked: dict[str, Any] = job.payload
    response_url = clicked["response_url"]
    try:
        voted = decode_vote(clicked["value"])
    except BadState:
        return expired(response_url)
    helpful = clicked["action_id"] == blocks.ACTION_HELPFUL
    team_id = clicked["team_id"]
    voter = feedback.voter_key(team_id=team_id, user_id=str(clicked["user_id"]), answer_key=voted.answer_key)
    try:
        stored = feedback.record_vote(
            job.ctx.db,
            job.workspace,
            voter=voter,
            question=voted.question,
            lang=voted.lang,
            entry_ids=voted.entry_ids,
            helpful=helpful,
        )
    except SQLAlchemyError:
        log.error("could not store a feedback vote", exc_info=True)
        text = messages.something_went_wrong(voted.lang)
    else:
        text = messages.vote_thanks(voted.lang, helpful) if stored else messages.vote_already(voted.lang)
    with answering.delivery_errors("feedback"):
        post_to_response_url(
            response_url,
            {**blocks.text_message(text), "response_type": "ephemeral", "replace_original": False},
        )


JOBS: dict[str, Handler] = {"vote": record_and_thank}


def register(app: App) -> None:
    for action_id in (blocks.ACTION_HELPFUL, blocks.ACTION_UNHELPFUL):
        app.action(action_id)(on_vote)
