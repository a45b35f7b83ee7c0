"""The one service every Slack surface calls: a parsed command in, a Block Kit message out.

Surfaces differ only in where the message goes (response_url, a thread, a DM); what it says is decided
here, with the same engine calls the CLI makes. Failures become a friendly message in the asker's
language, and the log gets the exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from slack_sdk.errors import SlackClientError
from sqlalchemy.exc import SQLAlchemyError

from bot import nothing_found
from bot.context import AppContext
from bot.render import blocks, messages
from bot.slack.clients import ResponseUrlError
from bot.slack.commands import Command, answer_command, command_lang, encode_state, encode_vote, parse_command
from bot.slack.threads import post_reply
from bot.storage.schema import Workspace
from index.answer import Answer
from index.errors import EcosysError

Surface = Literal["slash", "mention", "dm"]

PAGE_SIZE = 5

log = logging.getLogger(__name__)


def _answer(ctx: AppContext, command: Command, offset: int) -> Answer:
    return answer_command(ctx.engine, command, limit=PAGE_SIZE, offset=offset)


def _log_question(
    ctx: AppContext, workspace: Workspace, command: Command, answer: Answer, surface: Surface
) -> None:
    # A category button is logged as its name, the question it stands for.
    question = answer.category_name if command.kind == "category" else command.text
    log_question(ctx, workspace, question, answer, surface)


def log_question(ctx: AppContext, workspace: Workspace, question: str, answer: Answer, surface: str) -> None:
    """Record ``question`` in the workspace's query log; a database failure is logged, never raised."""
    from bot.storage.query_log import record_query

    try:
        record_query(
            ctx.db, workspace, question=question, lang=answer.lang, surface=surface, result_count=answer.total
        )
    except SQLAlchemyError:
        log.warning("could not record the question in the query log", exc_info=True)


def reply_to(
    ctx: AppContext,
    command: Command,
    *,
    workspace: Workspace,
    surface: Surface,
    offset: int = 0,
    share: bool = False,
    note: str = "",
    record: bool = True,
) -> dict[str, Any]:
    """The message answering ``command`` (not a subscription: see ``subscription_reply``).

    ``share`` adds the Share-in-channel button, ``offset`` pages through results, ``note`` adds a context
    line, ``record`` logs the question (not for More pages or shares of an answer already logged).
    """
    try:
        if command.kind == "help":
            return blocks.help_message(command.lang)
        if command.kind == "list":
            return blocks.categories_message(ctx.engine.categories(), command.lang or "en")
        answer = _answer(ctx, command, offset)
        if record and offset == 0:
            _log_question(ctx, workspace, command, answer, surface)
        if not answer.found:
            return nothing_found_reply(ctx, workspace, answer, note=note)
        next_offset = answer.offset + len(answer.hits)
        vote = encode_vote(
            command, offset=answer.offset, lang=answer.lang, entry_ids=[h.entry.id for h in answer.hits]
        )
        return blocks.answer_message(
            answer,
            more_value=encode_state(command, offset=next_offset) if answer.has_more else None,
            share_value=encode_state(command, offset=answer.offset) if share else None,
            feedback_values=(vote, vote),
            note=note,
        )
    except EcosysError:
        log.error("the engine could not answer a %s question", surface, exc_info=True)
        return blocks.text_message(messages.engine_unavailable(command_lang(command)))
    except Exception:  # the user must hear back whatever broke; the traceback goes to the log
        log.exception("unexpected failure answering a %s question", surface)
        return blocks.text_message(messages.something_went_wrong(command_lang(command)))


def nothing_found_reply(
    ctx: AppContext, workspace: Workspace, answer: Answer, *, note: str = ""
) -> dict[str, Any]:
    """The nothing-found message (``bot.nothing_found`` decides what it offers, from this workspace's
    most asked categories)."""
    most_asked = (
        nothing_found.most_asked_categories(ctx.db, workspace, ctx.engine) if not answer.suggestions else []
    )
    found = nothing_found.help_for(ctx.engine, answer, most_asked=most_asked)
    return blocks.nothing_found_message(found, value_for=button_value(found.lang), note=note)


def button_value(lang: str) -> Callable[[str, str], str]:
    """``value_for`` of the nothing-found buttons: a project's card, or a category's answer, in ``lang``."""

    def value_for(kind: str, key: str) -> str:
        if kind == "category":
            return encode_state(Command("category", text=key, lang=lang))
        return encode_state(Command("show", text=key, args=(key,), lang=lang))

    return value_for


def subscription_reply(
    ctx: AppContext, command: Command, *, workspace: Workspace, channel_id: str, client: Any
) -> dict[str, Any]:
    """Hand ``subscribe``/``unsubscribe``/``subscriptions`` to the digest's slash handler."""
    from bot.digest.slash import handle_subscription

    lang = command.lang or "en"
    try:
        return handle_subscription(
            command.action,
            command.text,
            workspace=workspace,
            channel_id=channel_id,
            ctx=ctx,
            client=client,
            lang=lang,
        )
    except Exception:  # same contract as reply_to: a sentence for the user, the traceback for the log
        log.exception("unexpected failure handling %s", command.action)
        return blocks.text_message(messages.something_went_wrong(lang))


def message_for(
    ctx: AppContext,
    command: Command,
    *,
    workspace: Workspace,
    surface: Surface,
    channel_id: str,
    client: Any,
    share: bool = False,
) -> dict[str, Any]:
    """The reply to any parsed ``/ecosys`` text, mention or DM: a subscription command or an answer."""
    if command.kind == "subscription":
        return subscription_reply(ctx, command, workspace=workspace, channel_id=channel_id, client=client)
    return reply_to(ctx, command, workspace=workspace, surface=surface, share=share)


@contextmanager
def delivery_errors(what: str) -> Iterator[None]:
    """Log (never raise) a failure to deliver a reply: there is no one left to tell but the operator."""
    try:
        yield
    except (SlackClientError, ResponseUrlError, OSError):
        log.error("could not deliver the %s reply", what, exc_info=True)


def answer_in_thread(job: Any, *, surface: Surface, what: str) -> None:
    """Answer a mention or DM job (an ``AnswerJob`` whose payload has text, channel and thread_ts) in its thread."""
    payload = job.payload
    message = message_for(
        job.ctx,
        parse_command(payload["text"]),
        workspace=job.workspace,
        surface=surface,
        channel_id=payload["channel"],
        client=job.client,
    )
    with delivery_errors(what):
        post_reply(job, channel=payload["channel"], thread_ts=payload["thread_ts"], message=message)
