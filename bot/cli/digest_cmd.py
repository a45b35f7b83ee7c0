"""``ecosys clock`` (the digest scheduler process) and ``ecosys digest preview|send``."""

from __future__ import annotations

import argparse
import logging
from datetime import UTC, datetime

from bot.cli.main import CliError
from bot.config import Settings, load_settings
from bot.context import AppContext
from bot.storage.schema import Workspace

LANG_CHOICES = ("zh", "zh-Hant", "en")


def register(subparsers: argparse._SubParsersAction) -> None:
    clock = subparsers.add_parser(
        "clock",
        help="run the digest scheduler (one per deployment)",
        description="Send channel digests when they are due; run exactly one such process (the Procfile's "
        "clock). Several are safe but pointless: each digest is claimed in the database before it is sent.",
        epilog="Examples:\n  ecosys clock\n  ecosys clock --once    # send what is due now, then exit",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clock.add_argument("--once", action="store_true", help="run one tick and exit (for cron or a check)")
    clock.set_defaults(func=run_clock)

    digest = subparsers.add_parser(
        "digest",
        help="preview or send a channel digest",
        description="Show the next digest of a channel in the terminal, or send one to it now.",
        epilog="Examples:\n  ecosys digest preview --channel C0123 --lang en\n  ecosys digest send --channel C0123",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = digest.add_subparsers(dest="digest_command", metavar="ACTION", required=True)
    preview = sub.add_parser(
        "preview",
        help="print the next digest",
        description="Print the digest as it stands now. Example: ecosys digest preview --channel C0123",
    )
    preview.add_argument("--channel", default="", help="channel id: its language, schedule and last digest")
    preview.add_argument(
        "--lang", choices=LANG_CHOICES, help="language (default: the subscription's, else zh)"
    )
    _workspace_options(preview)
    preview.set_defaults(func=run_preview)
    send = sub.add_parser(
        "send",
        help="send a digest to a channel now",
        description="Send one digest now and record it. Example: ecosys digest send --channel C0123",
    )
    send.add_argument("--channel", required=True, help="channel id, e.g. C0123")
    send.add_argument("--lang", choices=LANG_CHOICES, help="language (default: the subscription's, else zh)")
    _workspace_options(send)
    send.set_defaults(func=run_send)


def _workspace_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", help="workspace id, e.g. T0123 (default: SLACK_BOT_TOKEN's workspace)")
    parser.add_argument("--enterprise", help="Enterprise Grid id, for a workspace inside one")


def _slack_settings() -> Settings:
    settings = load_settings()
    if not (settings.slack_bot_token or settings.oauth):
        raise CliError(
            "SLACK_BOT_TOKEN is not set: export the bot token (xoxb-…) to post digests (or, in distributed "
            "mode, SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)."
        )
    return settings


def _workspace(args: argparse.Namespace, settings: Settings) -> Workspace:
    """The workspace named by ``--team``, else the one SLACK_BOT_TOKEN belongs to."""
    if args.team:
        return Workspace(args.team, args.enterprise or "")
    if settings.slack_bot_token and not settings.oauth:
        from bot.slack.clients import make_web_client
        from bot.slack.settings_check import verify_bot_token

        auth = verify_bot_token(make_web_client(settings))
        return Workspace(str(auth.get("team_id") or ""), str(auth.get("enterprise_id") or ""))
    raise CliError("which workspace? Pass --team T… (its id: Slack → workspace menu → Settings, or the URL).")


def run_clock(args: argparse.Namespace) -> int:
    from bot.clock import Clock, run_forever

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from bot.slack.installations import adopt_single_workspace

    ctx = AppContext(_slack_settings())
    adopt_single_workspace(ctx.settings, ctx.db)
    clock = Clock.from_context(ctx)
    if args.once:
        for delivery in clock.tick():
            print(f"{delivery.channel_id} {delivery.period}: {delivery.outcome}")
        return 0
    run_forever(clock)
    return 0


def run_preview(args: argparse.Namespace) -> int:
    from bot.digest.content import render_text
    from bot.digest.runner import preview

    ctx = AppContext(load_settings())
    workspace = _workspace(args, ctx.settings)
    composed = preview(
        ctx.db, ctx.engine, workspace, channel_id=args.channel, lang=args.lang, now=datetime.now(UTC)
    )
    print(render_text(composed.digest))
    return 0


def run_send(args: argparse.Namespace) -> int:
    from bot.context import worker_name
    from bot.digest.runner import send_now
    from bot.slack.installations import ClientSource

    ctx = AppContext(_slack_settings())
    workspace = _workspace(args, ctx.settings)
    delivery = send_now(
        ctx.db,
        ctx.engine,
        ClientSource(ctx.settings, ctx.db)(workspace),
        workspace,
        channel_id=args.channel,
        lang=args.lang,
        now=datetime.now(UTC),
        worker=worker_name(),
    )
    if delivery.outcome != "sent":
        raise CliError(
            f"digest not sent to {args.channel}: Slack answered {delivery.error}. " + _fix(delivery.error)
        )
    print(f"digest sent to {args.channel} (ts {delivery.ts})")
    return 0


def _fix(error: str | None) -> str:
    if error in ("not_in_channel", "channel_not_found"):
        return "Invite the bot with /invite @ecosys (its subscription is paused until it subscribes again)."
    if error == "is_archived":
        return "The channel is archived."
    if error in ("invalid_auth", "not_authed", "token_revoked"):
        return "Check SLACK_BOT_TOKEN."
    return "See the log above."
