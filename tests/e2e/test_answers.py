"""Done when: each surface shows etcd, Consul and ZooKeeper in the right place and language."""

from __future__ import annotations

import json
import sqlite3

from tests.e2e.slack_requests import (
    block_action,
    direct_message,
    event_callback,
    mention,
    post_signed,
    slash_command,
    unique,
)
from tests.e2e.slack_standin import buttons, visible_text

DISCOVERY = ("etcd", "Consul", "ZooKeeper")


def _in_order(text: str, names: tuple[str, ...]) -> bool:
    positions = [text.find(name) for name in names]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


def _query_log(web, surface: str) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(web.home / "ecosys.db") as conn:
        rows = conn.execute(
            "SELECT question, lang, result_count FROM query_log WHERE surface = ?", (surface,)
        ).fetchall()
    return [tuple(r) for r in rows]


def test_slash_command_answers_ephemerally_in_chinese(web, slack):
    hook = unique("slash-")
    reply = post_signed(web.events_url, slash_command("服务发现", response_url=slack.hook_url(hook)))
    assert reply.status == 200 and reply.seconds < 3  # acknowledged at once, answered through response_url
    ack = json.loads(reply.body)
    assert ack["response_type"] == "ephemeral" and "正在查找" in visible_text(ack)

    (call,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    message = call.body
    text = visible_text(message)
    assert message["response_type"] == "ephemeral"
    assert message["replace_original"] is True  # the answer takes the acknowledgement's place
    assert message["blocks"][0]["type"] == "header"
    assert message["blocks"][0]["text"]["text"].startswith("服务发现（")
    assert _in_order(text, DISCOVERY)
    assert "个结果" in text
    assert _in_order(message["text"], DISCOVERY)  # the plain-text fallback says the same
    assert "ecosys_share" in buttons(message)
    assert any(q == "服务发现" and lang == "zh" and n >= 3 for q, lang, n in _query_log(web, "slash"))


def test_mention_in_a_thread_replies_in_that_thread_in_traditional_chinese(web, slack):
    channel = unique("C")
    root, ts = "1700000000.000100", "1700000050.000200"
    event = mention("服務發現 有什么推荐", channel=channel, ts=ts, thread_ts=root)
    reply = post_signed(web.events_url, event_callback(event))
    assert reply.status == 200

    (call,) = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    assert call.body["thread_ts"] == root  # the thread's root, not the mention's own ts
    assert call.headers["authorization"] == "Bearer xoxb-1111-2222-standinbottoken"
    text = visible_text(call.body)
    assert call.body["blocks"][0]["text"]["text"].startswith("服務發現（")
    assert "個結果" in text
    assert _in_order(text, DISCOVERY)
    assert "ecosys_share" not in buttons(call.body)  # the reply is already in the channel


def test_mention_at_top_level_starts_a_thread_on_the_mention(web, slack):
    channel = unique("C")
    event = mention("service discovery", channel=channel, ts="1700000100.000300")
    assert post_signed(web.events_url, event_callback(event)).status == 200
    (call,) = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    assert call.body["thread_ts"] == "1700000100.000300"
    assert _in_order(visible_text(call.body), DISCOVERY)


def test_direct_message_is_answered_in_the_dm_in_english(web, slack):
    channel = unique("D")
    event = direct_message("service discovery", channel=channel, ts="1700000200.000400")
    assert post_signed(web.events_url, event_callback(event)).status == 200
    (call,) = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    assert "thread_ts" not in call.body
    assert call.body["blocks"][0]["text"]["text"].startswith("Service discovery (")
    assert _in_order(visible_text(call.body), DISCOVERY)
    assert any(q == "service discovery" and lang == "en" for q, lang, _ in _query_log(web, "dm"))


def test_share_posts_the_same_answer_to_the_channel_and_removes_the_ephemeral_copy(web, slack):
    hook = unique("share-ask-")
    post_signed(
        web.events_url, slash_command("服务发现", response_url=slack.hook_url(hook), channel_id="CSHARE01")
    )
    (asked,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    click = unique("share-click-")
    body = block_action(
        action_id="ecosys_share",
        value=buttons(asked.body)["ecosys_share"],
        response_url=slack.hook_url(click),
        channel="CSHARE01",
        ephemeral=True,
    )
    assert post_signed(web.events_url, body).status == 200

    (shared,) = slack.wait_for(
        lambda c: c.method == "chat.postMessage" and c.body.get("channel") == "CSHARE01"
    )
    assert _in_order(visible_text(shared.body), DISCOVERY)
    assert visible_text(shared.body).startswith(visible_text(asked.body).split("\n")[0])
    assert "<@U0000USER> 分享" in visible_text(shared.body)
    assert "ecosys_share" not in buttons(shared.body)
    (deleted,) = slack.wait_for(lambda c: c.method == f"hook:{click}")
    assert deleted.body == {"delete_original": True}


def test_share_where_the_bot_is_not_a_member_goes_through_the_response_url(web, slack):
    slack.fail(
        "chat.postMessage",
        payload={"ok": False, "error": "not_in_channel"},
        when=lambda c: c.body.get("channel") == "GPRIV001",
    )
    hook = unique("share-priv-")
    post_signed(
        web.events_url, slash_command("etcd", response_url=slack.hook_url(hook), channel_id="GPRIV001")
    )
    (asked,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    click = unique("share-priv-click-")
    body = block_action(
        action_id="ecosys_share", value=buttons(asked.body)["ecosys_share"], response_url=slack.hook_url(click),
        channel="GPRIV001", ephemeral=True,
    )  # fmt: skip
    post_signed(web.events_url, body)
    calls = slack.wait_for(lambda c: c.method == f"hook:{click}", count=2)
    assert calls[0].body["response_type"] == "in_channel" and "etcd" in visible_text(calls[0].body)
    assert calls[1].body == {"delete_original": True}


def test_more_replaces_the_message_with_the_next_page(web, slack):
    hook = unique("more-")
    post_signed(web.events_url, slash_command("service discovery", response_url=slack.hook_url(hook)))
    (first,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    assert "ecosys_more" in buttons(first.body), "service discovery has more than one page"
    click = unique("more-click-")
    body = block_action(
        action_id="ecosys_more", value=buttons(first.body)["ecosys_more"], response_url=slack.hook_url(click),
        channel="C0000TEST", ephemeral=True,
    )  # fmt: skip
    post_signed(web.events_url, body)
    (page,) = slack.wait_for(lambda c: c.method == f"hook:{click}")
    assert page.body["replace_original"] is True
    second = visible_text(page.body)
    assert "6–" in second or "6-" in second  # "6–6 of 6": the second page
    assert "etcd" not in second.split("\n", 1)[1]  # page two does not repeat page one's first hit
    assert "ecosys_share" in buttons(page.body)


def test_sub_commands(web, slack):
    cases = {
        "help": "How to use ecosys",
        "帮助": "ecosys 使用说明",
        "": "ecosys 使用说明",
        "分类": "分类",
        "list": "Categories",
        "show etcd": "Project: etcd",
        "详情 etcd": "项目：etcd",
        "compare etcd consul": "Comparison: etcd vs Consul",
        "对比 etcd 和 consul": "对比：etcd vs Consul",
    }
    for text, expected in cases.items():
        hook = unique("sub-")
        reply = post_signed(web.events_url, slash_command(text, response_url=slack.hook_url(hook)))
        assert reply.status == 200
        acknowledged = visible_text(json.loads(reply.body))
        if "…" not in acknowledged:  # help is answered right in the acknowledgement
            shown = acknowledged
        else:
            (call,) = slack.wait_for(lambda c, hook=hook: c.method == f"hook:{hook}")
            shown = visible_text(call.body)
        assert expected in shown, (text, shown[:300])


def test_nothing_found_is_said_politely_with_the_categories(web, slack):
    hook = unique("nothing-")
    post_signed(web.events_url, slash_command("qwzxv plorkington", response_url=slack.hook_url(hook)))
    (call,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    text = visible_text(call.body)
    assert text.startswith('Nothing found for "qwzxv plorkington".')
    assert "Service discovery" in text  # the category list, not random entries
    assert "etcd" not in text


def _subscriptions(web) -> list[tuple]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(web.home / "ecosys.db") as conn:
        return [tuple(r) for r in conn.execute("SELECT * FROM subscriptions").fetchall()]


def test_slash_subscribe_in_chinese_then_list_then_unsubscribe(web, slack):
    channel = unique("C")
    steps = [
        ("订阅 每周 周二 10:00", "订阅"),
        ("订阅列表", "周二"),
        ("取消订阅", "取消"),
    ]
    for text, expected in steps:
        hook = unique("sub-")
        reply = post_signed(
            web.events_url, slash_command(text, response_url=slack.hook_url(hook), channel_id=channel)
        )
        assert reply.status == 200
        (call,) = slack.wait_for(lambda c, hook=hook: c.method == f"hook:{hook}")
        assert expected in visible_text(call.body), visible_text(call.body)
        if text.startswith("订阅 "):
            rows = [r for r in _subscriptions(web) if channel in r]
            assert len(rows) == 1
    assert not [r for r in _subscriptions(web) if channel in r]
    joins = [c for c in slack.calls if c.method == "conversations.join" and c.body.get("channel") == channel]
    assert joins, "the bot joins a public channel it is not in, to be able to post the digest"


def test_slash_subscribe_with_a_bad_time_says_what_is_accepted(web, slack):
    hook = unique("sub-")
    body = slash_command(
        "subscribe weekly monday 25:00", response_url=slack.hook_url(hook), channel_id=unique("C")
    )
    assert post_signed(web.events_url, body).status == 200
    (call,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    text = visible_text(call.body)
    assert "25:00" in text and "HH:MM" in text
