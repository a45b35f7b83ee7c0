"""Gunicorn settings for the ``web`` process (``gunicorn --config python:bot.gunicorn_conf …``).

Binding, workers and threads stay on the Procfile's command line where an operator sees them. This file
checks the configuration once in the master, before any worker forks: a missing or malformed setting, or a
token Slack refuses, stops start-up with one line instead of a traceback per worker. The master also brings
the database schema up to date, so workers never race to migrate it.

Each worker answers questions from the durable queue (``bot.slack.answer_queue``). On SIGTERM it stops
taking new ones at once; when its requests are done it gives the answers it holds until ``ANSWER_GRACE`` to
finish and hands back the rest, well inside the platform's grace period (30 s on Heroku-like hosts).
"""

from __future__ import annotations

import logging
import signal
import sys
from typing import Any

from bot.config import ConfigError, load_settings
from bot.slack.installations import adopt_single_workspace
from bot.slack.settings_check import require_slack
from bot.storage.db import open_database

ANSWER_GRACE = 15.0
"""Seconds a stopping worker waits for the answers it holds (gunicorn's graceful timeout is 30 s)."""

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    },
    "formatters": {"plain": {"format": "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"}},
}


def _check() -> None:
    try:
        settings = load_settings()
        require_slack(settings, "http")
        settings.home.mkdir(parents=True, exist_ok=True)
        db = open_database(settings.database_url)  # migrations run here, once, before the workers fork
        try:
            adopt_single_workspace(settings, db)  # checks SLACK_BOT_TOKEN with auth.test
        finally:
            db.dispose()
    except ConfigError as exc:
        print(f"ecosys: {exc}", file=sys.stderr, flush=True)
        sys.exit(2)  # SystemExit passes through gunicorn's config loader, unlike an exception


_check()
logging.captureWarnings(True)


def post_worker_init(worker: Any) -> None:
    """SIGTERM makes this worker's answer threads stop taking jobs before gunicorn's own handler runs."""
    answers = getattr(worker.wsgi, "answers", None)
    if answers is None:
        return
    gunicorns = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame: Any) -> None:
        answers.stop_claiming()
        if callable(gunicorns):
            gunicorns(signum, frame)

    signal.signal(signal.SIGTERM, on_term)


def worker_exit(server: Any, worker: Any) -> None:
    """Finish or hand back the answers this worker holds before it exits."""
    answers = getattr(getattr(worker, "wsgi", None), "answers", None)
    if answers is not None:
        answers.stop(grace=min(ANSWER_GRACE, float(server.cfg.graceful_timeout) / 2))
