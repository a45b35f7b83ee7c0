"""The WSGI application gunicorn serves (the Procfile's ``web`` process): ``POST /slack/events``, ``GET /healthz``.

Bolt's ``SlackRequestHandler`` is wrapped to turn what a stranger can send into a 4xx before Bolt parses
it: bodies over ``MAX_BODY_BYTES``, bodies that are not UTF-8, bad signatures (401, checked before the
body is parsed, so an unsigned malformed body is still a 401), and signed bodies that are not the JSON or
form data Slack sends.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_sdk.signature import SignatureVerifier

from bot.config import load_settings
from bot.context import AppContext
from bot.slack.app import build_app
from bot.slack.settings_check import require_slack

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

MAX_BODY_BYTES = 1 << 20
"""Slack's payloads are a few kB; a message is at most 40 kB of text, escaped."""

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

log = logging.getLogger(__name__)


def _plain(status: int, text: str) -> BoltResponse:
    return BoltResponse(status=status, body=text, headers={"content-type": "text/plain; charset=utf-8"})


class EcosysRequestHandler(SlackRequestHandler):
    """Bolt's WSGI handler with a health check and the checks described in the module docstring."""

    def __init__(self, app: App, *, signing_secret: str) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self.verifier = SignatureVerifier(signing_secret)

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        length_raw = request.environ.get("CONTENT_LENGTH") or "0"
        if not length_raw.isdigit():
            return _plain(400, "Bad Content-Length")
        if int(length_raw) > MAX_BODY_BYTES:
            return _plain(413, "Payload Too Large")
        raw = request.environ["wsgi.input"].read(int(length_raw)) if "wsgi.input" in request.environ else b""
        headers = request.get_headers()
        if not self.verifier.is_valid_request(raw, headers):  # type: ignore[arg-type]
            return _plain(401, "Invalid signature")
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _plain(400, "Body is not UTF-8")
        try:
            bolt_request = BoltRequest(body=body, query=request.query_string, headers=headers)
        except (ValueError, TypeError, AttributeError):  # JSONDecodeError is a ValueError
            return _plain(400, "Body is not a Slack payload")
        if not isinstance(bolt_request.body, dict):
            return _plain(400, "Body is not a Slack payload")
        return self.app.dispatch(bolt_request)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps({"ok": True}).encode()]
        return super().__call__(environ, start_response)


def _warm_up(ctx: AppContext) -> None:
    """Open the engine (building a missing index) off the request path, so first answers come sooner."""
    try:
        ctx.engine  # noqa: B018
        ctx.db  # noqa: B018
    except Exception:  # the first question will report it to its asker; the operator sees it now
        log.exception("could not open the engine at start-up; questions will retry")


def create_application(environ: dict[str, str] | None = None) -> Any:
    """Gunicorn's app factory (``bot.web:create_application()``): settings, checks, app, handler."""
    settings = load_settings(environ)
    require_slack(settings, "http")
    ctx = AppContext(settings)
    handler = EcosysRequestHandler(build_app(ctx, mode="http"), signing_secret=settings.slack_signing_secret)
    threading.Thread(target=_warm_up, args=(ctx,), name="ecosys-warm-up", daemon=True).start()
    return handler
