"""The buttons under an answer: **Share in channel**, **More**, and the categories or "did you mean"
names offered when nothing was found.

A button's value carries the command and page (``commands.encode_state``), so a click redoes the same
engine call rather than trusting message text. Share posts the answer to the channel with
``chat.postMessage`` and removes the ephemeral copy; More, a category or a name replaces the message
with that answer.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk.errors import SlackApiError

from bot.render import blocks, messages
from bot.slack import answering, services
from bot.slack.answer_queue import AnswerJob, Handler, QueueUnavailable
from bot.slack.clients import post_to_response_url
from bot.slack.commands import BadState, command_lang, decode_state

log = logging.getLogger(__name__)

# chat.postMessage errors after which the answer can still reach the channel through the response_url.
_CANNOT_POST = {"not_in_channel", "channel_not_found", "restricted_action", "is_archived"}


def expired(response_url: str) -> None:
    """Tell the clicker, in both languages, that a button's value is not one ecosys wrote."""
    log.warning("ignoring a button with a value ecosys did not write")
    text = messages.expired_button("en") + "\n" + messages.expired_button("zh")
    with answering.delivery_errors("expired button"):
        post_to_response_url(
            response_url,
            {**blocks.text_message(text), "response_type": "ephemeral", "replace_original": False},
        )


def click(body: dict[str, Any], action: dict[str, Any]) -> dict[str, Any]:
    """What answering a button click needs, and no more (stored with the job)."""
    return {
        "response_url": body["response_url"],
        "action_id": action.get("action_id", ""),
        "value": action.get("value", ""),
        "user_id": body["user"]["id"],
        "team_id": services.team_id(body),
        "channel_id": (body.get("channel") or {}).get("id", ""),
        "ephemeral": bool(body.get("container", {}).get("is_ephemeral")),
    }


def on_click(kind: str):  # type: ignore[no-untyped-def]
    """A listener storing the click as a ``kind`` job, then acknowledging it."""

    def listener(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        with suppress(QueueUnavailable):  # logged; the button can be clicked again
            services.answers(context).submit(kind, services.workspace(context), click(body, action))
        ack()

    listener.__name__ = f"on_{kind}"
    return listener


on_share = on_click("share")
on_run = on_click("run")
"""More, a category button or a "did you mean" name: the message becomes that answer."""


def share_answer(job: AnswerJob) -> None:
    clicked, client = job.payload, job.client
    response_url = clicked["response_url"]
    try:
        command, offset = decode_state(clicked["value"])
    except BadState:
        return expired(response_url)
    lang = command_lang(command)
    note = messages.shared_by(lang, f"<@{clicked['user_id']}>")
    message = answering.reply_to(
        job.ctx, command, workspace=job.workspace, surface="slash", offset=offset, note=note, record=False
    )
    job.before_delivery()
    with answering.delivery_errors("share"):
        try:
            client.chat_postMessage(channel=clicked["channel_id"], **message)
        except SlackApiError as exc:
            if exc.response.get("error") not in _CANNOT_POST:
                raise
            # Not a member of a private channel or DM: the response_url may still post there.
            post_to_response_url(
                response_url, {**message, "response_type": "in_channel", "replace_original": False}
            )
        post_to_response_url(response_url, {"delete_original": True})


def run_again(job: AnswerJob) -> None:
    clicked = job.payload
    response_url = clicked["response_url"]
    try:
        command, offset = decode_state(clicked["value"])
    except BadState:
        return expired(response_url)
    ephemeral = clicked["ephemeral"]
    message = answering.reply_to(
        job.ctx,
        command,
        workspace=job.workspace,
        surface="slash" if ephemeral else "mention",
        offset=offset,
        share=ephemeral,
        record=clicked["action_id"] != blocks.ACTION_MORE,  # a new question, not a page of one
    )
    with answering.delivery_errors("button"):
        post_to_response_url(response_url, {**message, "replace_original": True})


JOBS: dict[str, Handler] = {"share": share_answer, "run": run_again}


def register(app: App) -> None:
    app.action(blocks.ACTION_SHARE)(on_share)
    for action_id in (blocks.ACTION_MORE, blocks.ACTION_CATEGORY, blocks.ACTION_SUGGEST):
        app.action(action_id)(on_run)
