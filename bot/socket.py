"""Socket Mode (the Procfile's ``worker`` process): the bot connects out to Slack, no public URL needed.

slack_bolt's built-in ``SocketModeHandler`` calls ``apps.connections.open`` through the app's WebClient,
whose ``base_url`` is ``SLACK_API_URL``, then reads envelopes from the WebSocket URL it was given and
acknowledges each with its ``envelope_id``; it reconnects on its own when the socket drops.
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.clock import start_in_process
from bot.config import Settings
from bot.context import AppContext
from bot.slack.app import build_app, make_answer_queue
from bot.slack.installations import adopt_single_workspace
from bot.slack.settings_check import require_slack

ANSWER_GRACE = 15.0
"""Seconds given to the answers this process holds when it is told to stop."""

log = logging.getLogger(__name__)


def run_socket_mode(settings: Settings) -> int:
    """Connect and serve until SIGTERM or SIGINT; returns the exit status."""
    require_slack(settings, "socket")
    ctx = AppContext(settings)
    settings.home.mkdir(parents=True, exist_ok=True)
    adopt_single_workspace(settings, ctx.db)  # checks SLACK_BOT_TOKEN with auth.test
    answers = make_answer_queue(ctx)
    app = build_app(ctx, mode="socket", queue=answers)
    # ping_interval also paces the check that reconnects a dropped socket: 5 s instead of 10.
    handler = SocketModeHandler(app, app_token=settings.slack_app_token, ping_interval=5)
    stop = threading.Event()

    def _stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: closing the Socket Mode connection", signum)
        answers.stop_claiming()
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    handler.connect()
    log.info("connected to Slack in Socket Mode")
    threading.Thread(target=ctx.warm_up, name="ecosys-warm-up", daemon=True).start()
    ctx.watch_index()
    answers.start()
    scheduler = start_in_process(ctx)  # ECOSYS_RUN_SCHEDULER=1: digests from this one process
    stop.wait()
    if scheduler is not None:
        scheduler.shutdown(wait=False)
    handler.close()
    answers.stop(grace=ANSWER_GRACE)
    return 0
