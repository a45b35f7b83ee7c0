"""``build_app(ctx)``: the Bolt app with every surface registered, for HTTP and Socket Mode alike.

``process_before_response=True`` runs each listener in the request thread; every listener only stores the
question in the answer queue and acks, so the HTTP response (or Socket Mode ack) leaves at once: no engine
call before the ack, and the question survives this process. With ``SLACK_BOT_TOKEN`` the app serves one
workspace; in distributed mode (``Settings.oauth``) Bolt's OAuth flow installs it and authorises each
request from the installation store.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from slack_bolt import App
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot.config import ConfigError
from bot.context import AppContext, worker_name
from bot.slack import actions, dms, lifecycle, mentions, slash
from bot.slack.answer_queue import AnswerQueue
from bot.slack.clients import make_web_client
from bot.slack.dedupe import make_dedupe_middleware
from bot.slack.installations import ClientSource, installation_store, oauth_settings
from bot.slack.settings_check import Mode


def make_answer_queue(ctx: AppContext) -> AnswerQueue:
    """This process's answer queue (start it with ``start()`` after any fork)."""
    settings = ctx.settings
    clients = ClientSource(settings, ctx.db if settings.oauth else None)
    return AnswerQueue(
        lambda: ctx.db,
        clients,
        worker=worker_name(),
        threads=settings.answer_threads,
        lease=timedelta(seconds=settings.answer_lease_seconds),
    )


def build_app(
    ctx: AppContext, *, mode: Mode = "http", client: WebClient | None = None, queue: AnswerQueue | None = None
) -> App:
    """The Slack app for ``ctx``; with a bot token ``auth.test`` is called once here, so a refused token
    stops start-up."""
    settings = ctx.settings
    logger = logging.getLogger("ecosys.slack.bolt")
    try:
        if settings.oauth:
            app = App(
                client=client or make_web_client(settings),
                signing_secret=settings.slack_signing_secret,
                oauth_settings=oauth_settings(settings, ctx.db),
                process_before_response=True,
                logger=logger,
            )
        else:
            app = App(
                client=client or make_web_client(settings),
                signing_secret=settings.slack_signing_secret or None,
                request_verification_enabled=mode == "http",
                process_before_response=True,
                logger=logger,
            )
    except BoltError as exc:
        raise ConfigError(
            f"SLACK_BOT_TOKEN was refused by Slack ({exc.__class__.__name__}): reinstall the app and copy "
            "the Bot User OAuth Token from https://api.slack.com/apps → your app → OAuth & Permissions."
        ) from None
    app.use(make_dedupe_middleware(ctx))
    queue = queue or make_answer_queue(ctx)
    for surface in (slash, mentions, dms, actions):
        surface.register(app, ctx, queue)
    lifecycle.register(app, ctx, installation_store(settings, ctx.db) if settings.oauth else None)
    return app
