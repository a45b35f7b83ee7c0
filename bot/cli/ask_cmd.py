"""``ecosys ask``: the answer a Slack user would get, printed in the terminal. No Slack needed."""

from __future__ import annotations

import argparse
import sys

from bot import nothing_found
from bot.config import load_settings
from bot.context import AppContext
from bot.render.terminal import render_answer, render_categories, render_help, render_subscriptions_in_slack
from bot.slack.commands import answer_command, parse_command


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="ask a question and print the answer",
        description="Ask a question in Chinese (Simplified or Traditional) or English and print the answer.",
        epilog='Examples:\n  ecosys ask "服务发现"\n  ecosys ask "registry with access control and a web UI"\n'
        "  ecosys ask consul vs etcd",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("question", nargs="+", help="the question (quote it, or write it as several words)")
    parser.add_argument("--limit", type=_positive, default=5, help="how many results to show (default 5)")
    parser.add_argument("--page", type=_positive, default=1, help="which page of results (default 1)")
    parser.add_argument(
        "--color", action=argparse.BooleanOptionalAction, default=None, help="bold highlights"
    )
    parser.add_argument(
        "--team", default="", help="workspace id (T…): offer its most asked categories when nothing is found"
    )
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def run(args: argparse.Namespace) -> int:
    ctx = AppContext(load_settings())
    engine = ctx.engine
    if engine.problems:
        print(
            f"ecosys: the data has {len(engine.problems)} problem(s); answering from the last good index. "
            "Run `ecosys data check` to see them.",
            file=sys.stderr,
        )
    limit = args.limit
    color = sys.stdout.isatty() if args.color is None else args.color
    # The words a Slack user types after /ecosys (help, 分类, show, 对比…) mean the same here.
    command = parse_command(" ".join(args.question))
    if command.kind == "help":
        sys.stdout.write(render_help(command.lang or "en"))
        return 0
    if command.kind == "subscription":
        sys.stdout.write(render_subscriptions_in_slack(command.lang or "en"))
        return 0
    if command.kind == "list":
        sys.stdout.write(render_categories(engine.categories(), command.lang or "en", color=color))
        return 0
    answer = answer_command(engine, command, limit=limit, offset=(args.page - 1) * limit)
    nothing = None
    if not answer.found and not answer.total:
        nothing = nothing_found.help_for(engine, answer, most_asked=_most_asked(ctx, args.team))
    sys.stdout.write(render_answer(answer, color=color, nothing=nothing))
    return 0


def _most_asked(ctx: AppContext, team: str) -> list[str]:
    """The workspace's most asked categories, if this machine has its log (the bot's database). Without
    ``--team`` none: what a workspace asks is its own."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.storage.schema import Workspace

    if not team:
        return []
    try:
        return nothing_found.most_asked_categories(ctx.db, Workspace(team), ctx.engine)
    except (SQLAlchemyError, OSError):
        return []
