"""The WSGI application gunicorn serves (the Procfile's ``web`` process): ``POST /slack/events``, ``GET /healthz``,
and in distributed mode Bolt's ``GET /slack/install`` and ``GET /slack/oauth_redirect``.

Bolt's ``SlackRequestHandler`` is wrapped to turn what a stranger can send into a 4xx before Bolt parses
it: bodies over ``MAX_BODY_BYTES``, bodies that are not UTF-8, bad signatures (401, checked before the
body is parsed, so an unsigned malformed body is still a 401), and signed bodies that are not the JSON or
form data Slack sends.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_sdk.signature import Clock, SignatureVerifier

from bot.config import load_settings
from bot.context import AppContext
from bot.slack.answer_queue import AnswerQueue
from bot.slack.app import build_app, make_answer_queue
from bot.slack.settings_check import require_slack

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

MAX_BODY_BYTES = 1 << 20
"""Slack's payloads are a few kB; a message is at most 40 kB of text, escaped."""

ACK_SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the GIL while another waits (see ``create_application``)."""

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

log = logging.getLogger(__name__)


class _At(Clock):
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def signature_is_valid(
    secret: str, raw: bytes, timestamp: str, signature: str, *, now: float | None = None
) -> bool:
    """Slack's v0 signature over the raw body, with a timestamp at most five minutes away.

    slack_sdk's ``SignatureVerifier`` does the check; what it raises on a stranger's input (a body
    that is not UTF-8, a timestamp that is not a number) means "not signed by Slack".
    """
    verifier = SignatureVerifier(secret, clock=_At(now) if now is not None else Clock())
    try:
        return verifier.is_valid(raw, timestamp, signature)
    except (UnicodeDecodeError, ValueError):
        return False


_OBJECT_FIELDS = ("event", "user", "channel", "team", "container", "view", "message", "enterprise")
_LIST_FIELDS = ("actions", "authorizations")


def payload_problem(body: object) -> str | None:
    """Why ``body`` is not shaped like any Slack payload, or None. Bolt assumes these shapes and would
    answer a 500 for, say, an ``event`` that is a string."""
    if not isinstance(body, dict):
        return "not an object"
    for name in _OBJECT_FIELDS:
        if name in body and body[name] is not None and not isinstance(body[name], dict):
            return f"{name} is not an object"
    for name in _LIST_FIELDS:
        value = body.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            return f"{name} is not a list of objects"
    if body.get("type") == "event_callback" and not isinstance(body.get("event"), dict):
        return "event_callback without an event"
    return None


def _plain(status: int, text: str) -> BoltResponse:
    return BoltResponse(status=status, body=text, headers={"content-type": "text/plain; charset=utf-8"})


class EcosysRequestHandler(SlackRequestHandler):
    """Bolt's WSGI handler with a health check and the checks described in the module docstring."""

    def __init__(self, app: App, *, signing_secret: str, answers: AnswerQueue | None = None) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self.signing_secret = signing_secret
        self.answers = answers
        """This process's answer queue: gunicorn's hooks stop it on SIGTERM (``bot.gunicorn_conf``)."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        length_raw = request.environ.get("CONTENT_LENGTH") or "0"
        if not length_raw.isdigit():
            return _plain(400, "Bad Content-Length")
        if int(length_raw) > MAX_BODY_BYTES:
            return _plain(413, "Payload Too Large")
        raw = request.environ["wsgi.input"].read(int(length_raw)) if "wsgi.input" in request.environ else b""
        headers = request.get_headers()
        timestamp = str(headers.get("x-slack-request-timestamp", ""))
        if not signature_is_valid(
            self.signing_secret, raw, timestamp, str(headers.get("x-slack-signature", ""))
        ):
            return _plain(401, "Invalid signature")
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _plain(400, "Body is not UTF-8")
        try:
            bolt_request = BoltRequest(body=body, query=request.query_string, headers=headers)
        except (ValueError, TypeError, AttributeError):  # JSONDecodeError is a ValueError
            return _plain(400, "Body is not a Slack payload")
        problem = payload_problem(bolt_request.body)
        if problem is not None:
            return _plain(400, f"Body is not a Slack payload: {problem}")
        return self.app.dispatch(bolt_request)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps({"ok": True}).encode()]
        if self.answers is None:
            return super().__call__(environ, start_response)
        with self.answers.acknowledging():
            return super().__call__(environ, start_response)


def _warm_up(ctx: AppContext) -> None:
    """Open the engine (building a missing index) off the request path, so first answers come sooner."""
    try:
        ctx.warm_up()
    except Exception:  # the first question will report it to its asker; the operator sees it now
        log.exception("could not open the engine at start-up; questions will retry")


def create_application(environ: dict[str, str] | None = None) -> Any:
    """Gunicorn's app factory (``bot.web:create_application()``): settings, checks, app, handler."""
    settings = load_settings(environ)
    require_slack(settings, "http")
    # Answers are CPU work in background threads; a request thread waiting for the GIL would wait up to
    # the switch interval (5 ms by default) each time. 1 ms keeps acknowledgements quick under load.
    sys.setswitchinterval(ACK_SWITCH_INTERVAL)
    ctx = AppContext(settings)
    answers = make_answer_queue(ctx)
    app = build_app(ctx, mode="http", queue=answers)
    handler = EcosysRequestHandler(app, signing_secret=settings.slack_signing_secret, answers=answers)
    threading.Thread(target=_warm_up, args=(ctx,), name="ecosys-warm-up", daemon=True).start()
    ctx.watch_index()
    answers.start()
    return handler
