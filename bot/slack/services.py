"""What listeners need beyond the request, handed to them through Bolt's ``context``.

A global middleware puts the process's ``AppContext`` and ``AnswerQueue`` into every request's context,
so listeners are plain module-level functions (``def on_command(ack, command, client, context)``) that a
test can call with its own, or reach through ``App.dispatch``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.context import AppContext
from bot.slack.answer_queue import AnswerQueue
from bot.storage.schema import Workspace

CTX_KEY = "ecosys"
ANSWERS_KEY = "ecosys_answers"


def attach(ctx: AppContext, answers: AnswerQueue) -> Callable[..., Any]:
    """The middleware that gives every listener ``ctx`` and the ``answers`` queue."""

    def attach_services(context: BoltContext, next: Callable[[], None]) -> None:
        context[CTX_KEY] = ctx
        context[ANSWERS_KEY] = answers
        next()

    return attach_services


def app_context(context: BoltContext) -> AppContext:
    return context[CTX_KEY]


def answers(context: BoltContext) -> AnswerQueue:
    """The durable queue: ``submit`` a job (one insert) before the ack; it is answered after."""
    return context[ANSWERS_KEY]


def workspace(context: BoltContext) -> Workspace:
    """The workspace a request came from (``enterprise_id`` is set inside an Enterprise Grid)."""
    return Workspace(context.team_id or "", context.enterprise_id or "")


def team_id(body: dict[str, Any]) -> str:
    """The workspace a request comes from ('' when the payload does not say)."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    return str(body.get("team_id") or "")
