"""Where replies go, and which events get one."""

from __future__ import annotations

import pytest

from bot.slack.threads import is_person_mention, is_question_in_dm, thread_root

BOT = "UBOT00001"


def test_a_mention_in_a_thread_is_answered_under_the_threads_root():
    assert thread_root({"ts": "2.0", "thread_ts": "1.0"}) == "1.0"


def test_a_top_level_mention_starts_a_thread_on_itself():
    assert thread_root({"ts": "2.0"}) == "2.0"


DM = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1", "text": "etcd", "ts": "1.0"}


@pytest.mark.parametrize(
    ("change", "answered"),
    [
        ({}, True),
        ({"thread_ts": "0.5"}, True),
        ({"subtype": "message_changed"}, False),
        ({"subtype": "message_deleted"}, False),
        ({"subtype": "channel_join"}, False),
        ({"subtype": "bot_message", "bot_id": "B2"}, False),
        ({"bot_id": "B2"}, False),
        ({"bot_profile": {"id": "B2"}}, False),
        ({"user": BOT}, False),
        ({"channel_type": "channel"}, False),
        ({"text": None}, False),
        ({"user": ""}, False),
    ],
)
def test_which_direct_messages_are_answered(change, answered):
    assert is_question_in_dm({**DM, **change}, BOT) is answered


MENTION = {"type": "app_mention", "channel": "C1", "user": "U1", "text": "<@UBOT00001> etcd", "ts": "1.0"}


@pytest.mark.parametrize(
    ("change", "answered"),
    [
        ({}, True),
        ({"bot_id": "B2"}, False),
        ({"user": BOT}, False),
        ({"channel": "D1"}, False),  # answered once, as a DM
        ({"subtype": "message_changed"}, False),
        ({"ts": None}, False),
    ],
)
def test_which_mentions_are_answered(change, answered):
    assert is_person_mention({**MENTION, **change}, BOT) is answered
