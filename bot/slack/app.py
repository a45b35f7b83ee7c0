"""``build_app(ctx)``: the Bolt app with every surface registered, for HTTP and Socket Mode alike.

``process_before_response=True`` runs each listener in the request thread; every listener only acks and
hands the answer to ``Background``, so the HTTP response (or Socket Mode ack) leaves at once: no polling
loop, no engine call before the ack.
"""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.config import ConfigError
from bot.context import AppContext
from bot.slack import actions, dms, mentions, slash
from bot.slack.background import Background
from bot.slack.clients import make_web_client
from bot.slack.dedupe import make_dedupe_middleware
from bot.slack.settings_check import Mode

ANSWER_THREADS = 4
"""Answers (searches and replies) worked on at once per process; more would only fight over the GIL."""


def build_app(ctx: AppContext, *, mode: Mode = "http", client: WebClient | None = None) -> App:
    """The Slack app for ``ctx``; ``auth.test`` is called once here, so a refused token stops start-up."""
    settings = ctx.settings
    try:
        app = App(
            client=client or make_web_client(settings),
            signing_secret=settings.slack_signing_secret or None,
            request_verification_enabled=mode == "http",
            process_before_response=True,
            logger=logging.getLogger("ecosys.slack.bolt"),
        )
    except BoltError as exc:
        raise ConfigError(
            f"SLACK_BOT_TOKEN was refused by Slack ({exc.__class__.__name__}): reinstall the app and copy "
            "the Bot User OAuth Token from https://api.slack.com/apps → your app → OAuth & Permissions."
        ) from None
    app.use(make_dedupe_middleware(ctx))
    background = Background(ANSWER_THREADS)
    for surface in (slash, mentions, dms, actions):
        surface.register(app, ctx, background)
    return app
