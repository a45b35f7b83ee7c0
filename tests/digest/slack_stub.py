"""A stand-in Slack Web API on 127.0.0.1 that records calls, in the manner of bolt-python's mock server.

It keeps the messages posted per channel (with their metadata) so ``conversations.history`` returns them,
and can be told to refuse a channel (``not_in_channel``…) or to answer 429 a number of times first.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse


@dataclass
class SlackState:
    calls: list[tuple[str, dict]] = field(default_factory=list)
    messages: dict[str, list[dict]] = field(default_factory=dict)
    post_errors: dict[str, str] = field(default_factory=dict)
    """Channel → error chat.postMessage answers for it."""
    channels: dict[str, dict] = field(default_factory=dict)
    """Channel → conversations.info fields (default: a public channel the bot is not in)."""
    rate_limited: int = 0
    """How many chat.postMessage calls get a 429 before the next succeeds."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    clock: itertools.count = field(default_factory=lambda: itertools.count(1))

    delivered: list[dict] = field(default_factory=list)
    """Every message chat.postMessage accepted, oldest first (refused calls are only in ``calls``)."""

    def posts(self, channel: str | None = None) -> list[dict]:
        with self.lock:
            return [m for m in self.delivered if channel in (None, m["channel"])]

    def called(self, method: str) -> list[dict]:
        with self.lock:
            return [p for m, p in self.calls if m == method]


class _Handler(BaseHTTPRequestHandler):
    state: SlackState

    def log_message(self, *args: object) -> None:
        pass

    def _params(self) -> dict:
        url = urlparse(self.path)
        params: dict = dict(parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if body:
            if "json" in (self.headers.get("Content-Type") or ""):
                params.update(json.loads(body))
            else:
                params.update(parse_qsl(body))
        return params

    def _send(self, payload: dict, status: int = 200, headers: dict | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.do_POST()

    def do_POST(self) -> None:
        method = urlparse(self.path).path.rsplit("/", 1)[-1]
        params = self._params()
        state = self.state
        with state.lock:
            state.calls.append((method, params))
            answer = self._answer(method, params, state)
        self._send(*answer)

    @staticmethod
    def _answer(method: str, params: dict, state: SlackState) -> tuple:
        channel = params.get("channel", "")
        if method == "chat.postMessage":
            if state.rate_limited > 0:
                state.rate_limited -= 1
                return ({"ok": False, "error": "ratelimited"}, 429, {"Retry-After": "0"})
            if channel in state.post_errors:
                return ({"ok": False, "error": state.post_errors[channel]},)
            ts = f"{int(time.time())}.{next(state.clock):06d}"  # like Slack: the real time of the post
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            message = {
                "channel": channel,
                "ts": ts,
                "text": params.get("text", ""),
                "blocks": params.get("blocks"),
                "metadata": metadata,
            }
            state.messages.setdefault(channel, []).insert(0, message)
            state.delivered.append(message)
            return ({"ok": True, "channel": channel, "ts": ts, "message": message},)
        if method == "conversations.history":
            oldest = float(params.get("oldest") or 0)
            found = [m for m in state.messages.get(channel, []) if float(m["ts"]) > oldest]
            return ({"ok": True, "messages": found, "has_more": False},)
        if method == "conversations.info":
            info = {"id": channel, "is_member": False, "is_private": False, **state.channels.get(channel, {})}
            if info.get("missing"):
                return ({"ok": False, "error": "channel_not_found"},)
            return ({"ok": True, "channel": info},)
        if method == "conversations.join":
            info = state.channels.setdefault(channel, {})
            info["is_member"] = True
            return ({"ok": True, "channel": {"id": channel}},)
        if method == "auth.test":
            return ({"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T0000AAAA"},)
        return ({"ok": False, "error": "unknown_method"},)


class SlackStub:
    """Run with ``with SlackStub() as slack:``; ``slack.url`` is the Web API base URL."""

    def __init__(self) -> None:
        self.state = SlackState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SlackStub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
