"""Each point under "What it withstands", against the real ``web`` process and the Slack stand-in."""

from __future__ import annotations

import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.slack_requests import (
    BOT_TOKEN,
    SIGNING_SECRET,
    direct_message,
    event_callback,
    mention,
    post,
    post_signed,
    sign,
    slash_command,
    status_for_declared_body,
    unique,
)
from tests.e2e.slack_standin import BOT_ID, BOT_USER_ID, visible_text

SETTLE = 1.5
"""Seconds to wait before asserting that something did *not* happen (replies take ~10 ms here)."""


def _posts_to(slack, channel):  # type: ignore[no-untyped-def]
    return slack.find(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)


# ---------------------------------------------------------------- signatures


def _tampered(body: bytes) -> dict[str, str]:
    headers = sign(body)
    return sign(body + b"&text=x") | {"X-Slack-Request-Timestamp": headers["X-Slack-Request-Timestamp"]}


BAD_SIGNATURES = {
    "missing": lambda body: {},
    "wrong secret": lambda body: sign(body, secret="f" * 32),
    "stale timestamp": lambda body: sign(body, timestamp=int(time.time()) - 6 * 60),
    "future timestamp": lambda body: sign(body, timestamp=int(time.time()) + 6 * 60),
    "signature of another body": _tampered,
    "not hex": lambda body: {**sign(body), "X-Slack-Signature": "v0=zz"},
}


@pytest.mark.parametrize("case", BAD_SIGNATURES)
def test_bad_signatures_get_401_and_no_web_api_call(web, slack, case):
    hook, channel = unique("unsigned-"), unique("D")
    slash = slash_command("服务发现", response_url=slack.hook_url(hook))
    dm = event_callback(direct_message("etcd", channel=channel, ts="1700000300.000100"))
    for body in (
        slash,
        dm,
        json.dumps({"type": "url_verification", "challenge": "c", "token": "t"}).encode(),
    ):
        assert post(web.events_url, body, headers=BAD_SIGNATURES[case](body)).status == 401
    time.sleep(SETTLE)
    assert slack.find(lambda c: c.method == f"hook:{hook}") == []
    assert _posts_to(slack, channel) == []
    # Control: the same bodies, signed, are answered, so the silence above was the signature check.
    post_signed(web.events_url, slash)
    slack.wait_for(lambda c: c.method == f"hook:{hook}")


def test_url_verification_echoes_the_challenge(web):
    body = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    reply = post_signed(web.events_url, body.encode())
    assert reply.status == 200
    assert b"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in reply.body


# ---------------------------------------------------------------- retries


def test_a_retried_event_is_answered_once_across_workers(web, slack):
    channel = unique("D")
    body = event_callback(
        direct_message("etcd", channel=channel, ts="1700000400.000100"), event_id=unique("EvRetry")
    )
    first = post_signed(web.events_url, body)
    assert first.status == 200
    with ThreadPoolExecutor(max_workers=6) as pool:  # retries land on both gunicorn workers at once
        retries = list(
            pool.map(
                lambda n: post_signed(
                    web.events_url,
                    body,
                    **{"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"},
                ),
                range(1, 7),
            )
        )
    assert all(r.status == 200 for r in retries)
    slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    time.sleep(SETTLE)
    assert len(_posts_to(slack, channel)) == 1


# ---------------------------------------------------------------- bots and subtypes

IGNORED = {
    "another bot's DM": dict(bot_id="B0THERBOT", subtype="bot_message"),
    "another bot, no subtype": dict(bot_id="B0THERBOT", bot_profile={"id": "B0THERBOT"}),
    "the bot itself": dict(user=BOT_USER_ID, bot_id=BOT_ID),
    "the bot's user id without bot_id": dict(user=BOT_USER_ID),
    "an edit": dict(subtype="message_changed", message={"text": "etcd", "user": "U0000USER"}),
    "a deletion": dict(subtype="message_deleted", deleted_ts="1700000000.000001"),
    "a join": dict(subtype="channel_join"),
    "a file share": dict(subtype="file_share"),
}


def test_bots_and_subtypes_get_no_reply(web, slack):
    channel = unique("D")
    for n, extra in enumerate(IGNORED.values()):
        event = direct_message("service discovery", channel=channel, ts=f"1700000500.{n:06d}", **extra)
        assert post_signed(web.events_url, event_callback(event)).status == 200
    mention_from_bot = mention("service discovery", channel=unique("C"), ts="1700000501.000001")
    mention_from_bot["bot_id"] = "B0THERBOT"
    assert post_signed(web.events_url, event_callback(mention_from_bot)).status == 200

    control = direct_message("etcd", channel=channel, ts="1700000599.000001")
    post_signed(web.events_url, event_callback(control))
    slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    time.sleep(SETTLE)
    assert len(_posts_to(slack, channel)) == 1, [visible_text(c.body)[:60] for c in _posts_to(slack, channel)]
    assert _posts_to(slack, mention_from_bot["channel"]) == []


# ---------------------------------------------------------------- 429


def test_a_429_from_the_web_api_is_retried_after_retry_after(web, slack):
    channel = unique("D")
    slack.fail(
        "chat.postMessage",
        status=429,
        headers={"Retry-After": "1"},
        payload={"ok": False, "error": "ratelimited"},
        when=lambda c: c.body.get("channel") == channel,
    )
    post_signed(
        web.events_url, event_callback(direct_message("consul", channel=channel, ts="1700000600.000001"))
    )
    limited, delivered = slack.wait_for(
        lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel, count=2
    )
    assert delivered.at - limited.at >= 0.9
    assert "Consul" in visible_text(delivered.body)


def test_a_429_from_the_response_url_is_retried(web, slack):
    hook = unique("limited-")
    slack.fail(f"hook:{hook}", status=429, headers={"Retry-After": "1"}, payload={"ok": False})
    post_signed(web.events_url, slash_command("consul", response_url=slack.hook_url(hook)))
    limited, delivered = slack.wait_for(lambda c: c.method == f"hook:{hook}", count=2)
    assert delivered.at - limited.at >= 0.9
    assert "Consul" in visible_text(delivered.body)


# ---------------------------------------------------------------- any text

NASTY_TEXTS = {
    "40 kB": ("服务发现 etcd " * 4000)[:40_000],
    "only query syntax": 'AND OR NOT ( ) * ? " ~ ^ : [ ] { } \\ / + - ! && || field:value',
    "only wildcards": "*** ??? ~~~",
    "emoji": "🐳🚢☸️ 🔍",
    "NUL bytes": "etcd\x00\x00 consul\x00",
    "right-to-left": "\u202eetcd\u202c مرحبا שלום \u200f",
    "zero-width and controls": "\u200b\u200c\u200d\ufeff\x07\x1b[31m",
    "lone mention syntax": "<@U123> <!channel> <#C1|x> <https://x|y>",
}


@pytest.mark.parametrize("name", NASTY_TEXTS)
def test_any_text_gets_an_answer_or_a_polite_nothing_found(web, slack, name):
    text = NASTY_TEXTS[name]
    hook, channel = unique("nasty-"), unique("D")
    slash = post_signed(web.events_url, slash_command(text, response_url=slack.hook_url(hook)))
    dm = post_signed(
        web.events_url, event_callback(direct_message(text, channel=channel, ts="1700000700.000001"))
    )
    assert (slash.status, dm.status) == (200, 200)
    replies = [
        slack.wait_for(lambda c: c.method == f"hook:{hook}")[0].body,
        slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)[0].body,
    ]
    for message in replies:
        shown = visible_text(message)
        assert message["blocks"], shown
        assert "went wrong" not in shown and "出了" not in shown and "not available" not in shown
        assert message["blocks"][0]["type"] == "header" or shown.startswith(
            ("Nothing found", "没有找到", "沒有找到")
        )


# ---------------------------------------------------------------- malformed bodies

MALFORMED = {
    "not JSON": (b"{not json", "application/json"),
    "a JSON array": (b"[1, 2, 3]", "application/json"),
    "a JSON string": (b'"hello"', "application/json"),
    "not UTF-8": (b"\xff\xfe\xfa text=\xc3\x28", "application/x-www-form-urlencoded"),
    "payload not JSON": (b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
    "payload a JSON list": (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    "empty": (b"", "application/x-www-form-urlencoded"),
    "event not an object": (
        b'{"type": "event_callback", "event_id": "Ev1", "event": "boom"}',
        "application/json",
    ),
    "actions without actions": (
        b"payload=%7B%22type%22%3A%22block_actions%22%7D",
        "application/x-www-form-urlencoded",
    ),
    "command without text or url": (b"command=%2Fecosys", "application/x-www-form-urlencoded"),
    "user not an object": (
        b"payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%22x%22%7D",
        "application/x-www-form-urlencoded",
    ),
    "authorizations not a list": (
        b'{"type": "event_callback", "event": {}, "authorizations": "x"}',
        "application/json",
    ),
    "event without type": (b'{"type": "event_callback", "event_id": "Ev2", "event": {}}', "application/json"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_signed_bodies_get_a_4xx_or_a_quiet_200(web, name):
    body, ctype = MALFORMED[name]
    reply = post(web.events_url, body, headers=sign(body), content_type=ctype)
    assert reply.status < 500, reply.body
    # Well-formed but meaningless payloads may be acknowledged (Slack would otherwise retry them).
    assert reply.status != 200 or name in (
        "command without text or url",
        "actions without actions",
        "event without type",
    )


def test_oversized_and_odd_requests_get_4xx_without_reading_them(web):
    big = b"text=" + b"x" * (2 << 20)
    assert status_for_declared_body(web.events_url, big, headers=sign(big)) == 413
    assert post(f"{web.url}/nowhere", b"{}", headers=sign(b"{}")).status == 404
    with urllib.request.urlopen(f"{web.url}/healthz", timeout=5) as response:
        assert json.loads(response.read()) == {"ok": True}


def test_no_worker_died_and_answers_still_come(web, slack):
    assert web.proc.poll() is None
    hook = unique("after-")
    post_signed(web.events_url, slash_command("service discovery", response_url=slack.hook_url(hook)))
    (call,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
    assert "etcd" in visible_text(call.body)
    assert "Worker exiting" not in web.output() and "WORKER TIMEOUT" not in web.output()


# ---------------------------------------------------------------- secrets


def test_tokens_and_the_signing_secret_never_reach_the_log(web, slack):
    channel = unique("D")
    slack.fail(
        "chat.postMessage",
        payload={"ok": False, "error": "invalid_auth"},
        when=lambda c: c.body.get("channel") == channel,
    )
    post_signed(
        web.events_url, event_callback(direct_message("etcd", channel=channel, ts="1700000800.000001"))
    )
    slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    deadline = time.monotonic() + 10
    while "invalid_auth" not in web.output() and time.monotonic() < deadline:
        time.sleep(0.1)
    output = web.output()
    assert "invalid_auth" in output  # the failure was logged…
    assert BOT_TOKEN not in output and SIGNING_SECRET not in output  # …without the credentials
    assert BOT_TOKEN.split("-", 1)[1] not in output
