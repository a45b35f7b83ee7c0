"""Gunicorn settings for the ``web`` process (``gunicorn --config python:bot.gunicorn_conf …``).

Binding, workers and threads stay on the Procfile's command line where an operator sees them. This file
checks the configuration once in the master, before any worker forks: a missing or malformed setting, or a
token Slack refuses, stops start-up with one line instead of a traceback per worker.
"""

from __future__ import annotations

import logging
import sys

from bot.config import ConfigError, load_settings
from bot.slack.clients import make_web_client
from bot.slack.settings_check import require_slack, verify_bot_token

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
        verify_bot_token(make_web_client(settings))
    except ConfigError as exc:
        print(f"ecosys: {exc}", file=sys.stderr, flush=True)
        sys.exit(2)  # SystemExit passes through gunicorn's config loader, unlike an exception


_check()
logging.captureWarnings(True)
