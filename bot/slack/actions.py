"""The buttons under an answer: **Share in channel**, **More**, and the categories or "did you mean"
names offered when nothing was found.

A button's value carries the command and page (``commands.encode_state``), so a click redoes the same
engine call rather than trusting message text. Share posts the answer to the channel with
``chat.postMessage`` and removes the ephemeral copy; More, a category or a name replaces the message
with that answer.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.context import AppContext
from bot.render import blocks, messages
from bot.slack import answering, services
from bot.slack.clients import post_to_response_url
from bot.slack.commands import BadState, decode_state

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


def on_share(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    services.background(context).submit(share_answer, services.app_context(context), body, action, client)


def on_run(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    """More, a category button or a "did you mean" name: the message becomes that answer."""
    ack()
    services.background(context).submit(run_again, services.app_context(context), body, action)


def share_answer(ctx: AppContext, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
    response_url = body["response_url"]
    try:
        command, offset = decode_state(action.get("value", ""))
    except BadState:
        return expired(response_url)
    lang = answering.command_lang(command)
    note = messages.shared_by(lang, f"<@{body['user']['id']}>")
    message = answering.reply_to(ctx, command, surface="slash", offset=offset, note=note, record=False)
    with answering.delivery_errors("share"):
        try:
            client.chat_postMessage(channel=body["channel"]["id"], **message)
        except SlackApiError as exc:
            if exc.response.get("error") not in _CANNOT_POST:
                raise
            # Not a member of a private channel or DM: the response_url may still post there.
            post_to_response_url(
                response_url, {**message, "response_type": "in_channel", "replace_original": False}
            )
        post_to_response_url(response_url, {"delete_original": True})


def run_again(ctx: AppContext, body: dict[str, Any], action: dict[str, Any]) -> None:
    response_url = body["response_url"]
    try:
        command, offset = decode_state(action.get("value", ""))
    except BadState:
        return expired(response_url)
    ephemeral = bool(body.get("container", {}).get("is_ephemeral"))
    message = answering.reply_to(
        ctx,
        command,
        surface="slash" if ephemeral else "mention",
        offset=offset,
        share=ephemeral,
        record=action.get("action_id") != blocks.ACTION_MORE,  # a new question, not a page of one
    )
    with answering.delivery_errors("button"):
        post_to_response_url(response_url, {**message, "replace_original": True})


def register(app: App) -> None:
    app.action(blocks.ACTION_SHARE)(on_share)
    for action_id in (blocks.ACTION_MORE, blocks.ACTION_CATEGORY, blocks.ACTION_SUGGEST):
        app.action(action_id)(on_run)
