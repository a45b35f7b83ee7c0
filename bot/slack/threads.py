"""Where a reply to an event goes, and which message events deserve one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
