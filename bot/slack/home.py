"""The App Home tab: published on ``app_home_opened``; its category buttons and search box answer in
the Home view itself (``views.publish`` again, with the answer above the categories).

The viewer's language comes from their Slack locale (``users.info``), Chinese when Slack gives none;
it and whether they are a workspace admin travel in the view's ``private_metadata``, so a click costs
no second ``users.info``.
"""

from __future__ import annotations

import json
import logging
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import nothing_found
from bot.context import AppContext
from bot.render import blocks, messages
from bot.render.home import ACTION_HOME_CATEGORY, ACTION_HOME_SEARCH, ACTION_HOME_SUGGEST, home_view
from bot.render.kit import Block, context, escape, header, section
from bot.slack import answering, services
from bot.slack.answer_queue import AnswerJob, Handler, QueueUnavailable
from bot.slack.commands import strip_mentions
from bot.storage.schema import Workspace
from index.answer import Answer
from index.errors import EcosysError

log = logging.getLogger(__name__)

HOME_RESULTS = 8
"""Entries shown for a category or a search in the Home view."""


@dataclass(frozen=True)
class Viewer:
    """Who looks at the Home tab: their language, and whether they administer the workspace."""

    lang: str
    admin: bool

    def metadata(self) -> str:
        return json.dumps({"l": self.lang, "a": int(self.admin)})


def lang_of_locale(locale: str | None) -> str:
    """``zh-TW``/``zh-HK`` → Traditional, other ``zh`` → Simplified, any other locale → English;
    no locale → Chinese."""
    if not locale:
        return "zh"
    code = locale.replace("_", "-").lower()
    if code.startswith("zh"):
        return "zh-Hant" if code.split("-")[-1] in ("tw", "hk", "mo", "hant") else "zh"
    return "en"


def viewer_from_slack(client: WebClient, user_id: str) -> Viewer:
    try:
        user = client.users_info(user=user_id, include_locale=True)["user"]
    except SlackApiError as exc:  # missing users:read scope, deleted user: a plain Chinese Home
        log.warning("users.info %s: %s", user_id, exc.response.get("error"))
        return Viewer("zh", admin=False)
    admin = bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
    return Viewer(lang_of_locale(user.get("locale")), admin=admin)


def viewer_from_view(view: dict[str, Any] | None) -> Viewer | None:
    try:
        state = json.loads((view or {}).get("private_metadata") or "")
        lang = state["l"]
        if lang not in ("zh", "zh-Hant", "en"):
            return None
        return Viewer(lang, admin=bool(state["a"]))
    except (ValueError, TypeError, KeyError):
        return None


# ---------------------------------------------------------------- what the view shows


def _categories(ctx: AppContext, lang: str) -> list[nothing_found.CategoryChoice]:
    return [
        nothing_found.CategoryChoice(c.id, nothing_found.category_name(c, lang), n)
        for c, n in ctx.engine.categories()
        if n
    ]


def subscription_lines(ctx: AppContext, workspace: Workspace, lang: str, *, now: datetime) -> list[str]:
    """One line per subscribed channel of the workspace: the channel, its schedule and next send time."""
    from bot.digest import texts
    from bot.digest.runner import next_send
    from bot.digest.schedule import Schedule
    from bot.storage.subscriptions import active_subscriptions

    return [
        messages.home_next_send(
            lang,
            f"<#{sub.channel_id}>",
            escape(texts.describe_schedule(lang, Schedule.of(sub.schedule))),
            texts.when(lang, next_send(sub, now)),
        )
        for sub in active_subscriptions(ctx.db, workspace)
    ]


def _answer_blocks(ctx: AppContext, workspace: Workspace, answer: Answer) -> list[Block]:
    if not answer.found:
        most_asked = nothing_found.most_asked_categories(ctx.db, workspace, ctx.engine)
        found = nothing_found.help_for(ctx.engine, answer, most_asked=most_asked)
        return blocks.nothing_found_blocks(
            found,
            value_for=lambda _kind, key: key,
            category_action=ACTION_HOME_CATEGORY,
            suggest_action=ACTION_HOME_SUGGEST,
        )
    out: list[Block] = [header(messages.understood_title(answer))]
    for hit in answer.hits:
        out += blocks.hit_blocks(hit, answer.lang)
    if answer.has_more:
        out.append(context([messages.page_note(answer.lang, 1, len(answer.hits), answer.total)]))
    return out


def build_home(
    ctx: AppContext,
    workspace: Workspace,
    viewer: Viewer,
    *,
    category: str = "",
    query: str = "",
    show: str = "",
) -> dict:
    """The Home view for ``viewer``: a category's best entries, a search's answer, or neither."""
    result: list[Block] = []
    try:
        if category and category in ctx.engine.catalog.categories:
            lang = viewer.lang
            answer = ctx.engine.category_answer(category, lang=lang, limit=HOME_RESULTS)  # type: ignore[arg-type]
            result = _answer_blocks(ctx, workspace, answer)
        elif show:
            shown = ctx.engine.show(show, lang=viewer.lang)  # type: ignore[arg-type]
            result = _answer_blocks(ctx, workspace, shown)
        elif query := " ".join(strip_mentions(query).split()):
            answer = ctx.engine.search(query, limit=HOME_RESULTS)
            answering.log_question(ctx, workspace, query, answer, "home")
            result = _answer_blocks(ctx, workspace, answer)
    except EcosysError:
        log.error("the engine could not answer in App Home", exc_info=True)
        result = [section(escape(messages.engine_unavailable(viewer.lang)))]
    subs = subscription_lines(ctx, workspace, viewer.lang, now=datetime.now(UTC)) if viewer.admin else None
    return home_view(
        lang=viewer.lang,
        categories=_categories(ctx, viewer.lang),
        result=result,
        subscriptions=subs,
        query=query,
        private_metadata=viewer.metadata(),
    )


def publish(job: AnswerJob) -> None:
    """Build and publish a user's Home view (``shown``: ``category``, ``query`` or ``show``)."""
    payload, client = job.payload, job.client
    view = {"private_metadata": payload["private_metadata"]} if payload.get("private_metadata") else None
    viewer = viewer_from_view(view) or viewer_from_slack(client, payload["user_id"])
    home = build_home(job.ctx, job.workspace, viewer, **(payload.get("shown") or {}))
    with answering.delivery_errors("App Home"):
        client.views_publish(user_id=payload["user_id"], view=home)


def _submit(context: BoltContext, user_id: str, view: dict[str, Any] | None, shown: dict[str, str]) -> None:
    job = {"user_id": user_id, "private_metadata": (view or {}).get("private_metadata", ""), "shown": shown}
    with suppress(QueueUnavailable):  # logged; opening the tab again retries
        services.answers(context).submit("home", services.workspace(context), job)


# ---------------------------------------------------------------- listeners


def on_home_opened(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
    """The Home tab was opened: publish it (the Messages tab needs nothing)."""
    if event.get("tab") == "home" and event.get("user"):
        # Opening the tab reads the viewer afresh (locale or admin role may have changed); clicks reuse it.
        _submit(context, event["user"], None, {})
    ack()


def on_home_action(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
    """A category button, a "did you mean" name or the search box (Enter) in the Home view."""
    action_id = action.get("action_id")
    value = str(action.get("value") or "")
    if action_id == ACTION_HOME_CATEGORY:
        shown = {"category": value}
    elif action_id == ACTION_HOME_SUGGEST:
        shown = {"show": value}
    else:
        shown = {"query": value}
    _submit(context, body["user"]["id"], body.get("view"), shown)
    ack()


JOBS: dict[str, Handler] = {"home": publish}


def register(app: App) -> None:
    app.event("app_home_opened")(on_home_opened)
    for action_id in (ACTION_HOME_CATEGORY, ACTION_HOME_SUGGEST, ACTION_HOME_SEARCH):
        app.action(action_id)(on_home_action)
