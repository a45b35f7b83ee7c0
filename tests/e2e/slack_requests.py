"""Requests signed and shaped exactly as Slack sends them: slash commands, Events API envelopes, actions.

Signature: ``v0=`` + HMAC-SHA256 of ``v0:{timestamp}:{body}`` with the signing secret, in
``X-Slack-Signature``, with the timestamp in ``X-Slack-Request-Timestamp``.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from tests.e2e.slack_standin import BOT_USER_ID, TEAM_ID

SIGNING_SECRET = "0123456789abcdef0123456789abcdef"
BOT_TOKEN = "xoxb-1111-2222-standinbottoken"
APP_TOKEN = "xapp-1-A111-3333-standinapptoken"

_ids = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}{int(time.time() * 1000) % 10**8:08d}{next(_ids):05d}"


def sign(body: bytes, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def slash_command(
    text: str,
    *,
    response_url: str,
    channel_id: str = "C0000TEST",
    user_id: str = "U0000USER",
    team_id: str = TEAM_ID,
) -> bytes:
    """The form body of ``/ecosys <text>``, field for field as Slack posts it."""
    return urlencode(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "team_domain": "ecosys-test",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "asker",
            "command": "/ecosys",
            "text": text,
            "api_app_id": "A0000APP",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": unique("trigger."),
        }
    ).encode()


def event_callback(event: dict[str, Any], *, event_id: str | None = None, team_id: str = TEAM_ID) -> bytes:
    """An Events API envelope around ``event``."""
    return json.dumps(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "api_app_id": "A0000APP",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or unique("Ev"),
            "event_time": int(time.time()),
            "authorizations": [
                {"enterprise_id": None, "team_id": team_id, "user_id": BOT_USER_ID, "is_bot": True}
            ],
            "is_ext_shared_channel": False,
            "event_context": unique("4-ctx-"),
        },
        ensure_ascii=False,
    ).encode()


def mention(
    text: str, *, channel: str, ts: str, thread_ts: str | None = None, user: str = "U0000USER"
) -> dict:
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "client_msg_id": unique("msg-"),
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, *, channel: str, ts: str, user: str = "U0000USER", **extra: Any) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        **extra,
    }


def block_action(
    *, action_id: str, value: str, response_url: str, channel: str, ephemeral: bool, user: str = "U0000USER"
) -> bytes:
    """The form body of a button click (``payload=<json>``)."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "asker", "team_id": TEAM_ID},
        "api_app_id": "A0000APP",
        "token": "verification-token-unused",
        "container": {
            "type": "message",
            "message_ts": "1700000000.000100",
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": unique("trigger."),
        "team": {"id": TEAM_ID, "domain": "ecosys-test"},
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "button"},
                "value": value,
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()


@dataclass
class Reply:
    status: int
    body: bytes
    seconds: float


def post(
    url: str, body: bytes, *, headers: dict[str, str] | None = None, content_type: str | None = None
) -> Reply:
    """POST ``body`` to the bot; a non-2xx status is returned, not raised."""
    if content_type is None:
        content_type = "application/json" if body.startswith(b"{") else "application/x-www-form-urlencoded"
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type, **(headers or {})}
    )
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, response.read(), time.monotonic() - start)
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.read(), time.monotonic() - start)


def status_for_declared_body(url: str, body: bytes, *, headers: dict[str, str]) -> int:
    """The status the bot answers to a POST that only *declares* ``body`` (its headers and Content-Length,
    none of its bytes): what a server that refuses without reading says. Sending the bytes too would race
    the server closing the connection (a broken pipe before the answer can be read)."""
    parts = urllib.parse.urlsplit(url)
    lines = [
        f"POST {parts.path or '/'} HTTP/1.1",
        f"Host: {parts.netloc}",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as conn:
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        status_line = conn.makefile("rb").readline().decode("latin-1")
    return int(status_line.split()[1])


def post_signed(url: str, body: bytes, **headers: str) -> Reply:
    return post(url, body, headers={**sign(body), **headers})
