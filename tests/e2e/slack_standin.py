"""A stand-in for Slack on 127.0.0.1: the Web API, response_url hooks and a Socket Mode WebSocket.

Like bolt-python's ``tests/mock_web_api_server``, a real HTTP server in a thread that records every call,
so tests assert on what the user would see. Failures (a 429, ``not_in_channel``) can be queued per method.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UBOT00001"
BOT_ID = "BBOT00001"
TEAM_ID = "T00000001"
OAUTH_CLIENT_ID = "1111.2222"
OAUTH_CLIENT_SECRET = "0123456789abcdef0123456789abcdef"


@dataclass
class Call:
    """One request the stand-in received."""

    method: str
    """The Web API method (``chat.postMessage``) or ``hook:<name>`` for a response_url post."""
    headers: dict[str, str]
    body: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Failure:
    method: str
    status: int
    payload: dict[str, Any]
    headers: dict[str, str]
    remaining: int
    when: Callable[[Call], bool]


class SlackStandIn:
    """Start with ``start()``; ``api_url`` goes in SLACK_API_URL, ``hook_url(name)`` in response_url."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.ws_url = ""
        self.users: dict[str, dict[str, Any]] = {}
        """User id → the fields ``users.info`` returns for them (``locale``, ``is_admin``…)."""
        self._lock = threading.Lock()
        self._failures: list[_Failure] = []
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-standin", daemon=True)

    # ------------------------------------------------------------ lifecycle

    def start(self) -> SlackStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def hook_url(self, name: str) -> str:
        return f"{self.base}/hooks/{name}"

    # ------------------------------------------------------------ test helpers

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        payload: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
        when: Callable[[Call], bool] = lambda call: True,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` matching ``when`` with this status and payload."""
        with self._lock:
            self._failures.append(
                _Failure(method, status, payload or {"ok": False}, headers or {}, times, when)
            )

    def find(self, predicate: Callable[[Call], bool]) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if predicate(c)]

    def wait_for(
        self, predicate: Callable[[Call], bool], *, count: int = 1, timeout: float = 30.0
    ) -> list[Call]:
        """The calls matching ``predicate`` once there are ``count`` of them; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(predicate)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(
            f"expected {count} matching call(s) within {timeout}s; got {len(self.find(predicate))}"
        )

    # ------------------------------------------------------------ server

    def _respond_to(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.calls.append(call)
            for failure in self._failures:
                if failure.method == call.method and failure.remaining > 0 and failure.when(call):
                    failure.remaining -= 1
                    return failure.status, failure.headers, json.dumps(failure.payload).encode()
        if call.method.startswith("hook:"):
            return 200, {"Content-Type": "text/plain"}, b"ok"
        return 200, {"Content-Type": "application/json"}, json.dumps(self._payload(call)).encode()

    def _payload(self, call: Call) -> dict[str, Any]:
        if call.method == "auth.test":
            return {
                "ok": True,
                "url": "https://ecosys-test.slack.com/",
                "team": "ecosys test",
                "user": "ecosys",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if call.method == "oauth.v2.access":
            return self._oauth_access(call)
        if call.method == "apps.connections.open":
            return {"ok": True, "url": self.ws_url}
        if call.method in ("conversations.info", "conversations.join"):
            # A public channel the bot has not joined yet (it is, once it joins).
            channel = call.body.get("channel", "")
            member = call.method == "conversations.join"
            return {
                "ok": True,
                "channel": {"id": channel, "name": "general", "is_channel": True, "is_member": member},
            }
        if call.method == "users.info":
            user = str(call.body.get("user", ""))
            return {"ok": True, "user": {"id": user, **self.users.get(user, {})}}
        if call.method == "views.publish":
            return {"ok": True, "view": {"id": f"V{next(self._ts):08d}", "type": "home"}}
        if call.method in ("chat.postMessage", "chat.update"):
            ts = f"{int(time.time())}.{next(self._ts):06d}"
            return {"ok": True, "channel": call.body.get("channel"), "ts": ts, "message": call.body}
        return {"ok": True}

    def _oauth_access(self, call: Call) -> dict[str, Any]:
        """``oauth.v2.access``: a code ``code-<team>[-grid-<enterprise>]`` installs into that team; a refresh
        (``grant_type=refresh_token``) hands out the next rotating token."""
        body = call.body
        expected = base64.b64encode(f"{OAUTH_CLIENT_ID}:{OAUTH_CLIENT_SECRET}".encode()).decode()
        if call.headers.get("authorization") != f"Basic {expected}":  # slack_sdk sends HTTP Basic auth
            return {"ok": False, "error": "invalid_client_id"}
        if body.get("grant_type") == "refresh_token":
            n = next(self._ts)
            return {"ok": True, "token_type": "bot", "access_token": f"xoxe.xoxb-rotated-{n}",
                    "refresh_token": f"xoxe-1-refresh-{n}", "expires_in": 43200}  # fmt: skip
        code = str(body.get("code", ""))
        if not code.startswith("code-"):
            return {"ok": False, "error": "invalid_code"}
        team, _, enterprise = code.removeprefix("code-").partition("-grid-")
        org_wide = team == "org"
        return {
            "ok": True,
            "app_id": "A0000APP",
            "authed_user": {"id": "U0000ADMIN"},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": f"xoxb-{team}-installed",
            "bot_user_id": BOT_USER_ID,
            "team": None if org_wide else {"id": team, "name": f"team {team}"},
            "enterprise": {"id": enterprise, "name": "grid"} if enterprise else None,
            "is_enterprise_install": org_wide,
        }

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype and raw:
                    body = json.loads(raw)
                elif raw:
                    body = dict(parse_qsl(raw, keep_blank_values=True))
                else:
                    body = {}
                path = self.path.split("?", 1)[0]
                if path.startswith("/api/"):
                    method = path[len("/api/") :]
                elif path.startswith("/hooks/"):
                    method = "hook:" + path[len("/hooks/") :]
                else:
                    method = path
                call = Call(method, {k.lower(): v for k, v in self.headers.items()}, body)
                status, headers, payload = standin._respond_to(call)
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                """``/_stats?prefix=hook:x`` reports calls to a benchmark running the stand-in elsewhere."""
                if not self.path.startswith("/_stats"):
                    return self.do_POST()
                prefix = dict(parse_qsl(self.path.partition("?")[2])).get("prefix", "")
                matching = standin.find(lambda c: c.method.startswith(prefix))
                payload = json.dumps(
                    {"count": len(matching), "last_at": max((c.at for c in matching), default=0)}
                )
                data = payload.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return None

        return Handler


def visible_text(message: dict[str, Any]) -> str:
    """Every string a user would read in a message's blocks, in order."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("plain_text", "mrkdwn") and isinstance(node.get("text"), str):
                found.append(node["text"])
            for key, value in node.items():
                if key != "value":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    blocks = message.get("blocks")
    if isinstance(blocks, str):  # form-encoded Web API calls carry blocks as JSON text
        blocks = json.loads(blocks)
    walk(blocks or [])
    return "\n".join(found)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """``action_id → value`` of every button in a message."""
    blocks = message.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return {
        element["action_id"]: element.get("value", "")
        for block in blocks
        if block.get("type") == "actions"
        for element in block["elements"]
    }
