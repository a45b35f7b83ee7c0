"""The buttons under an answer: **Share in channel** and **More**.

A button's value carries the command and page (``commands.encode_state``), so a click redoes the same
engine call rather than trusting message text. Share posts the answer to the channel with
``chat.postMessage`` and removes the ephemeral copy; More replaces the message with the next page.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk.errors import SlackApiError

from bot.context import AppContext
from bot.render import blocks, messages
from bot.slack import answering
from bot.slack.answer_queue import AnswerJob, AnswerQueue, QueueUnavailable
from bot.slack.clients import post_to_response_url
from bot.slack.commands import BadState, decode_state
from bot.slack.lifecycle import workspace_of

log = logging.getLogger(__name__)

# chat.postMessage errors after which the answer can still reach the channel through the response_url.
_CANNOT_POST = {"not_in_channel", "channel_not_found", "restricted_action", "is_archived"}


def _expired(response_url: str) -> None:
    log.warning("ignoring a button with a value ecosys did not write")
    text = messages.expired_button("en") + "\n" + messages.expired_button("zh")
    with answering.delivery_errors("expired button"):
        post_to_response_url(
            response_url,
            {**blocks.text_message(text), "response_type": "ephemeral", "replace_original": False},
        )


def _click(body: dict[str, Any], action: dict[str, Any]) -> dict[str, Any]:
    """What answering a click needs, and no more."""
    return {
        "response_url": body["response_url"],
        "value": action.get("value", ""),
        "user_id": body["user"]["id"],
        "channel_id": (body.get("channel") or {}).get("id", ""),
        "ephemeral": bool(body.get("container", {}).get("is_ephemeral")),
    }


def register(app: App, ctx: AppContext, queue: AnswerQueue) -> None:
    def on_click(kind: str):  # type: ignore[no-untyped-def]
        def listener(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
            with suppress(QueueUnavailable):  # logged; the button can be clicked again
                queue.submit(kind, workspace_of(context), _click(body, action))
            ack()

        return listener

    def share_answer(job: AnswerJob) -> None:
        click, client = job.payload, job.client
        response_url = click["response_url"]
        try:
            command, offset = decode_state(click["value"])
        except BadState:
            return _expired(response_url)
        lang = answering.command_lang(command)
        note = messages.shared_by(lang, f"<@{click['user_id']}>")
        message = answering.reply_to(
            ctx, command, workspace=job.workspace, surface="slash", offset=offset, note=note, record=False
        )
        job.before_delivery()
        with answering.delivery_errors("share"):
            try:
                client.chat_postMessage(channel=click["channel_id"], **message)
            except SlackApiError as exc:
                if exc.response.get("error") not in _CANNOT_POST:
                    raise
                # Not a member of a private channel or DM: the response_url may still post there.
                post_to_response_url(
                    response_url, {**message, "response_type": "in_channel", "replace_original": False}
                )
            post_to_response_url(response_url, {"delete_original": True})

    def next_page(job: AnswerJob) -> None:
        click = job.payload
        response_url = click["response_url"]
        try:
            command, offset = decode_state(click["value"])
        except BadState:
            return _expired(response_url)
        ephemeral = click["ephemeral"]
        message = answering.reply_to(
            ctx,
            command,
            workspace=job.workspace,
            surface="slash" if ephemeral else "mention",
            offset=offset,
            share=ephemeral,
            record=False,
        )
        with answering.delivery_errors("more"):
            post_to_response_url(response_url, {**message, "replace_original": True})

    app.action(blocks.ACTION_SHARE)(on_click("share"))
    app.action(blocks.ACTION_MORE)(on_click("more"))
    queue.handle("share", share_answer)
    queue.handle("more", next_page)
