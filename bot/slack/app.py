"""``build_app(ctx)``: the Bolt app with every surface registered, for HTTP and Socket Mode alike.

``process_before_response=True`` runs each listener's ack function in the request thread (they are all
trivial) and every lazy listener on the executor, so the HTTP response leaves as soon as ``ack()`` is
called: no polling loop, no engine call before the ack.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.config import ConfigError
from bot.context import AppContext
from bot.slack import actions, dms, mentions, slash
from bot.slack.clients import make_web_client
from bot.slack.dedupe import make_dedupe_middleware
from bot.slack.settings_check import Mode

ANSWER_THREADS = 8
"""Lazy listeners (searches and replies) running at once per process."""


def build_app(ctx: AppContext, *, mode: Mode = "http", client: WebClient | None = None) -> App:
    """The Slack app for ``ctx``; ``auth.test`` is called once here, so a refused token stops start-up."""
    settings = ctx.settings
    try:
        app = App(
            client=client or make_web_client(settings),
            signing_secret=settings.slack_signing_secret or None,
            request_verification_enabled=mode == "http",
            process_before_response=True,
            listener_executor=ThreadPoolExecutor(
                max_workers=ANSWER_THREADS, thread_name_prefix="ecosys-answer"
            ),
            logger=logging.getLogger("ecosys.slack.bolt"),
        )
    except BoltError as exc:
        raise ConfigError(
            f"SLACK_BOT_TOKEN was refused by Slack ({exc.__class__.__name__}): reinstall the app and copy "
            "the Bot User OAuth Token from https://api.slack.com/apps → your app → OAuth & Permissions."
        ) from None
    app.use(make_dedupe_middleware(ctx))
    slash.register(app, ctx)
    mentions.register(app, ctx)
    dms.register(app, ctx)
    actions.register(app, ctx)
    return app
