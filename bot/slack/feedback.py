"""👍 / 👎 under every answer: one click stores one vote (a second click by the same person on the same
answer is thanked but not counted) and the clicker gets an ephemeral thanks in the answer's language.

The button value carries what the vote is about — the command, page, language and the entries shown —
so nothing is looked up again; the storage keeps a hash of voter and answer, never the user id.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from sqlalchemy.exc import SQLAlchemyError

from bot.context import AppContext
from bot.render import blocks, messages
from bot.slack import answering, services
from bot.slack.actions import expired
from bot.slack.clients import post_to_response_url
from bot.slack.commands import BadState, decode_vote
from bot.storage import feedback

log = logging.getLogger(__name__)


def on_vote(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    ack()
    services.background(context).submit(record_and_thank, services.app_context(context), body, action)


def record_and_thank(ctx: AppContext, body: dict[str, Any], action: dict[str, Any]) -> None:
    response_url = body["response_url"]
    try:
        voted = decode_vote(action.get("value", ""))
    except BadState:
        return expired(response_url)
    helpful = action.get("action_id") == blocks.ACTION_HELPFUL
    team_id = services.team_id(body)
    voter = feedback.voter_key(team_id=team_id, user_id=str(body["user"]["id"]), answer_key=voted.answer_key)
    try:
        stored = feedback.record_vote(
            ctx.db,
            voter=voter,
            question=voted.question,
            lang=voted.lang,
            entry_ids=voted.entry_ids,
            helpful=helpful,
            team_id=team_id,
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


def register(app: App) -> None:
    for action_id in (blocks.ACTION_HELPFUL, blocks.ACTION_UNHELPFUL):
        app.action(action_id)(on_vote)
