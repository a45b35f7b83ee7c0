"""``build_app(ctx)``: the Bolt app with every surface registered, for HTTP and Socket Mode alike.

``process_before_response=True`` runs each listener in the request thread; every listener only stores its
work in the durable answer queue and acks, so the HTTP response (or Socket Mode ack) leaves at once: no
engine call before the ack, and the question outlives this process. Listeners are module-level functions
that find the process's ``AppContext`` and ``AnswerQueue`` in Bolt's ``context`` (``bot.slack.services``);
each surface's ``JOBS`` names the functions that do its work after the ack.

With ``SLACK_BOT_TOKEN`` the app serves one workspace (``auth.test`` once per process); in distributed mode
(``Settings.oauth``) Bolt's OAuth flow installs it and authorises each request from the installation store.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from slack_bolt import App
from slack_sdk import WebClient

from bot.context import AppContext, worker_name
from bot.slack import actions, dms, feedback, home, lifecycle, mentions, services, slash
from bot.slack.answer_queue import AnswerQueue
from bot.slack.clients import make_web_client
from bot.slack.dedupe import make_dedupe_middleware
from bot.slack.installations import ClientSource, oauth_settings
from bot.slack.settings_check import Mode, authorize_with

SURFACES = (slash, mentions, dms, actions, feedback, home, lifecycle)


def make_answer_queue(ctx: AppContext) -> AnswerQueue:
    """This process's answer queue (start it with ``start()`` after any fork)."""
    settings = ctx.settings
    return AnswerQueue(
        ctx,
        ClientSource(settings, ctx.db if settings.oauth else None),
        worker=worker_name(),
        threads=settings.answer_threads,
        lease=timedelta(seconds=settings.answer_lease_seconds),
    )


def build_app(
    ctx: AppContext, *, mode: Mode = "http", client: WebClient | None = None, queue: AnswerQueue | None = None
) -> App:
    """The Slack app for ``ctx``. With a bot token ``auth.test`` runs once per process
    (``verify_bot_token``), so a refused token stops start-up with a ``ConfigError``."""
    settings = ctx.settings
    client = client or make_web_client(settings)
    logger = logging.getLogger("ecosys.slack.bolt")
    if settings.oauth:
        app = App(
            client=client,
            signing_secret=settings.slack_signing_secret,
            oauth_settings=oauth_settings(settings, ctx.db),
            process_before_response=True,
            logger=logger,
        )
    else:
        app = App(
            client=client,
            signing_secret=settings.slack_signing_secret or None,
            request_verification_enabled=mode == "http",
            process_before_response=True,
            authorize=authorize_with(client),
            logger=logger,
        )
    queue = queue or make_answer_queue(ctx)
    app.use(make_dedupe_middleware(ctx))
    app.use(services.attach(ctx, queue))
    for surface in SURFACES:
        surface.register(app)
        for kind, handler in getattr(surface, "JOBS", {}).items():
            queue.handle(kind, handler)
    return app
