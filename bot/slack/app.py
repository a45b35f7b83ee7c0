"""``build_app(ctx)``: the Bolt app with every surface registered, for HTTP and Socket Mode alike.

``process_before_response=True`` runs each listener in the request thread; every listener only acks and
hands the answer to ``Background``, so the HTTP response (or Socket Mode ack) leaves at once: no polling
loop, no engine call before the ack. Listeners are module-level functions that find the process's
``AppContext`` and ``Background`` in Bolt's ``context`` (``bot.slack.services``).
"""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.slack import actions, dms, feedback, home, mentions, services, slash
from bot.slack.background import Background
from bot.slack.clients import make_web_client
from bot.slack.dedupe import make_dedupe_middleware
from bot.slack.settings_check import Mode, authorize_with

ANSWER_THREADS = 4
"""Answers (searches and replies) worked on at once per process; more would only fight over the GIL."""

SURFACES = (slash, mentions, dms, actions, feedback, home)


def build_app(
    ctx: AppContext,
    *,
    mode: Mode = "http",
    client: WebClient | None = None,
    background: Background | None = None,
) -> App:
    """The Slack app for ``ctx``. ``auth.test`` runs once per process (``verify_bot_token``), so a refused
    token stops start-up with a ``ConfigError`` and requests are authorized without calling it again."""
    settings = ctx.settings
    client = client or make_web_client(settings)
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or None,
        request_verification_enabled=mode == "http",
        process_before_response=True,
        authorize=authorize_with(client),
        logger=logging.getLogger("ecosys.slack.bolt"),
    )
    app.use(make_dedupe_middleware(ctx))
    app.use(services.attach(ctx, background or Background(ANSWER_THREADS)))
    for surface in SURFACES:
        surface.register(app)
    return app
