"""Where a reply to an event goes, and which message events deserve one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.errors import SlackApiError


def thread_root(event: Mapping[str, Any]) -> str:
    """The ``thread_ts`` to reply under: the thread the message is in, else the message itself.

    Bolt's ``say()`` posts to the channel's top level; a mention is always answered in a thread.
    """
    return str(event.get("thread_ts") or event["ts"])


def is_from_a_bot(event: Mapping[str, Any], bot_user_id: str | None) -> bool:
    """Messages from any bot, this one included: answering them risks a loop between bots."""
    return bool(event.get("bot_id") or event.get("bot_profile")) or (
        bot_user_id is not None and event.get("user") == bot_user_id
    )


def is_question_in_dm(event: Mapping[str, Any], bot_user_id: str | None) -> bool:
    """A person's own new message in a DM with the bot: not an edit, join, deletion or bot post."""
    return (
        event.get("channel_type") == "im"
        and "subtype" not in event
        and bool(event.get("user"))
        and isinstance(event.get("text"), str)
        and not is_from_a_bot(event, bot_user_id)
    )


def is_person_mention(event: Mapping[str, Any], bot_user_id: str | None) -> bool:
    """A person mentioning the bot in a channel (a DM is answered as a DM, not twice)."""
    channel = str(event.get("channel", ""))
    return (
        "subtype" not in event
        and bool(channel)
        and not channel.startswith("D")
        and bool(event.get("ts"))
        and isinstance(event.get("text"), str)
        and not is_from_a_bot(event, bot_user_id)
    )


ANSWER_EVENT = "ecosys_answer"
"""Message metadata naming the job an answer was for: a take-over looks for it before posting again."""


def already_posted(client: Any, *, channel: str, thread_ts: str | None, job_id: int) -> bool:
    """Whether the answer to ``job_id`` is already in the thread (or the DM), posted by a dead predecessor."""
    try:
        if thread_ts:
            found = client.conversations_replies(channel=channel, ts=thread_ts, include_all_metadata=True)
        else:
            found = client.conversations_history(channel=channel, include_all_metadata=True, limit=50)
    except SlackApiError:
        return False  # cannot look (no history scope here): posting twice beats not answering
    return any(
        (m.get("metadata") or {}).get("event_type") == ANSWER_EVENT
        and (m.get("metadata") or {}).get("event_payload", {}).get("job") == job_id
        for m in found.get("messages", [])
    )


def post_reply(job: Any, *, channel: str, thread_ts: str | None, message: dict[str, Any]) -> None:
    """Post ``message`` for the answer job ``job`` (an ``AnswerJob``) in ``channel``/``thread_ts``, once."""
    client = job.client
    if job.redelivery and already_posted(client, channel=channel, thread_ts=thread_ts, job_id=job.job.id):
        return
    job.before_delivery()
    reply: dict[str, Any] = {"channel": channel, **message}
    if thread_ts:
        reply["thread_ts"] = thread_ts
    reply["metadata"] = {"event_type": ANSWER_EVENT, "event_payload": {"job": job.job.id}}
    client.chat_postMessage(**reply)
