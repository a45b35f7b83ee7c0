"""``/ecosys subscribe`` / ``unsubscribe`` / ``subscriptions`` replies, in the user's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.context import AppContext
from bot.digest.deliver import make_client
from bot.digest.slash import handle_subscription
from bot.slack.commands import parse_command
from bot.storage import subscriptions
from tests.digest.slack_stub import SlackStub
from tests.storage.databases import WS

NOW = datetime(2024, 2, 29, 8, 0, tzinfo=UTC)  # a Thursday


def _run(ctx: AppContext, action: str, args: str = "", *, lang: str = "en", channel: str = "C1") -> dict:
    client = make_client(ctx.settings)
    return handle_subscription(
        action, args, workspace=WS, channel_id=channel, ctx=ctx, client=client, lang=lang, now=NOW
    )


def _typed(ctx: AppContext, text: str) -> dict:
    """What ``/ecosys <text>`` gets: the words are read once, by ``parse_command``."""
    command = parse_command(text)
    assert command.kind == "subscription"
    return _run(ctx, command.action, command.text, lang=command.lang or "en")


def test_chinese_subscribe_list_unsubscribe(ctx: AppContext, slack: SlackStub) -> None:
    reply = _typed(ctx, "订阅 每周 周一 9:30")
    assert "已订阅" in reply["text"] and "每周一 09:30（Asia/Shanghai）" in reply["text"]
    assert "下一期：3月4日 周一 09:30" in reply["text"]
    assert reply["blocks"][0]["type"] == "section"
    listing = _typed(ctx, "订阅列表")
    assert "下一期：3月4日 周一 09:30" in listing["text"]
    assert "已取消" in _typed(ctx, "取消订阅")["text"]
    assert "没有订阅" in _typed(ctx, "订阅列表")["text"]
    assert "本頻道沒有訂閱" in _typed(ctx, "訂閱列表")["text"]


@pytest.mark.parametrize(
    ("args", "lang", "says"),
    [
        ("25:00", "en", "use HH:MM from 00:00 to 23:59"),
        ("Mars/Olympus", "en", "use an IANA name such as Asia/Shanghai"),
        ("25:00", "zh", "请用 00:00 到 23:59 之间的 HH:MM"),
        ("fortnightly", "zh-Hant", "看不懂 `fortnightly`"),
    ],
)
def test_invalid_input_says_what_is_accepted_and_stores_nothing(
    ctx: AppContext, slack: SlackStub, args: str, lang: str, says: str
) -> None:
    reply = _run(ctx, "subscribe", args, lang=lang)
    assert says in reply["text"]
    assert subscriptions.get_subscription(ctx.db, WS, "C1") is None


def test_private_channel_asks_for_an_invite(ctx: AppContext, slack: SlackStub) -> None:
    slack.state.channels["CPRIV"] = {"is_private": True}
    reply = _run(ctx, "subscribe", "daily 18:00 Europe/Berlin en", channel="CPRIV")
    assert "/invite @ecosys" in reply["text"]
    assert not slack.state.called("conversations.join")
    assert subscriptions.get_subscription(ctx.db, WS, "CPRIV") is not None


def test_member_channel_is_not_joined_again(ctx: AppContext, slack: SlackStub) -> None:
    slack.state.channels["C1"] = {"is_member": True}
    reply = _run(ctx, "subscribe")
    assert "invite" not in reply["text"]
    assert not slack.state.called("conversations.join")


def test_paused_subscription_is_explained_and_resumed_by_subscribing(
    ctx: AppContext, slack: SlackStub
) -> None:
    _run(ctx, "subscribe")
    subscriptions.pause(ctx.db, WS, "C1", reason="not_in_channel", now=NOW)
    assert (
        "paused" in _run(ctx, "subscriptions")["text"]
        and "not_in_channel" in _run(ctx, "subscriptions")["text"]
    )
    _run(ctx, "subscribe")
    assert "paused" not in _run(ctx, "subscriptions")["text"]


def test_unknown_action_is_a_programming_error(ctx: AppContext, slack: SlackStub) -> None:
    with pytest.raises(ValueError):
        _run(ctx, "ask")
