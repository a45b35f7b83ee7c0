"""``ecosys socket`` and ``ecosys web``: the two ways of connecting the Slack bot."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys

from bot.config import load_settings


def _logging() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
    )


def socket_command(args: argparse.Namespace) -> int:
    """Connect to Slack in Socket Mode (needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN).

    Example: SLACK_APP_TOKEN=xapp-… SLACK_BOT_TOKEN=xoxb-… ecosys socket
    """
    from bot.socket import run_socket_mode

    settings = load_settings()
    _logging()
    return run_socket_mode(settings)


def web_command(args: argparse.Namespace) -> int:
    """Serve POST /slack/events and GET /healthz with gunicorn, as the Procfile's web line does.

    Example: PORT=3000 SLACK_SIGNING_SECRET=… SLACK_BOT_TOKEN=xoxb-… ecosys web --workers 2
    """
    settings = load_settings()
    gunicorn = shutil.which("gunicorn") or os.path.join(os.path.dirname(sys.executable), "gunicorn")
    argv = [
        gunicorn,
        "--config", "python:bot.gunicorn_conf",
        "--bind", f"{args.host}:{settings.port}",
        "--workers", str(args.workers),
        "--worker-class", "gthread",
        "--threads", str(args.threads),
        "bot.web:create_application()",
    ]  # fmt: skip
    os.execv(gunicorn, argv)
    return 0  # pragma: no cover - execv does not return


def register(subparsers: argparse._SubParsersAction) -> None:
    socket_parser = subparsers.add_parser(
        "socket", help="run the Slack bot in Socket Mode", description=socket_command.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    socket_parser.set_defaults(func=socket_command)
    web_parser = subparsers.add_parser(
        "web", help="serve the Slack bot over HTTP (gunicorn)", description=web_command.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    web_parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: all interfaces)")
    web_parser.add_argument("--workers", type=int, default=2, help="worker processes (default: 2)")
    web_parser.add_argument("--threads", type=int, default=8, help="threads per worker (default: 8)")
    web_parser.set_defaults(func=web_command)
