"""Global middleware: an Events API event already claimed by any worker is acknowledged and dropped.

It runs after Bolt's signature check, so unsigned requests never touch the database. If the database
cannot be reached the event is processed anyway: a rare double reply beats a silent bot.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.context import AppContext
from bot.storage.events import claim_event, purge_events
from bot.storage.schema import Workspace

PURGE_EVERY = 1000
"""Claims between two purges of old event ids, per process."""

log = logging.getLogger(__name__)


def make_dedupe_middleware(ctx: AppContext) -> Callable[..., Any]:
    claims = 0
    lock = threading.Lock()

    def dedupe_events(
        body: dict[str, Any], context: BoltContext, next: Callable[[], None]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not isinstance(event_id, str) or not event_id:
            return next()
        nonlocal claims
        try:
            workspace = Workspace(context.team_id or "", context.enterprise_id or "")
            if not claim_event(ctx.db, workspace, event_id):
                log.info("event %s was already handled; ignoring the retry", event_id)
                return BoltResponse(status=200, body="")
            with lock:
                claims += 1
                due = claims % PURGE_EVERY == 1
            if due:
                purge_events(ctx.db)
        except SQLAlchemyError:
            log.error("event dedup store unavailable; handling %s without it", event_id, exc_info=True)
        return next()

    return dedupe_events
