"""What listeners need beyond the request, handed to them through Bolt's ``context``.

A global middleware puts the process's ``AppContext`` and ``Background`` into every request's context,
so listeners are plain module-level functions (``def on_command(ack, command, client, context)``) that a
test can call with its own, or reach through ``App.dispatch``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.context import AppContext
from bot.slack.background import Background

CTX_KEY = "ecosys"
BACKGROUND_KEY = "ecosys_background"


def attach(ctx: AppContext, background: Background) -> Callable[..., Any]:
    """The middleware that gives every listener ``ctx`` and ``background``."""

    def attach_services(context: BoltContext, next: Callable[[], None]) -> None:
        context[CTX_KEY] = ctx
        context[BACKGROUND_KEY] = background
        next()

    return attach_services


def app_context(context: BoltContext) -> AppContext:
    return context[CTX_KEY]


def background(context: BoltContext) -> Background:
    return context[BACKGROUND_KEY]


def team_id(body: dict[str, Any]) -> str:
    """The workspace a request comes from ('' when the payload does not say)."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    return str(body.get("team_id") or "")
