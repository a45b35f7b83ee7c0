"""Every table ecosys owns, in one place, with the one datetime type they share.

The database is changed only by Alembic revisions (``bot/storage/migrations``); these declarations are what
the latest revision produces, and a test compares the two. Per-workspace tables carry the workspace key
(``enterprise_id``, ``team_id``; ``""`` where Slack sends none) and are listed in ``WORKSPACE_TABLES``, so
deleting a workspace (uninstall) reaches every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData()

QUESTION_MAX = 500
"""Longest question stored in the query log (``normalize_question`` caps at the same length)."""


@dataclass(frozen=True, order=True)
class Workspace:
    """The Slack workspace a row belongs to: ``team_id``, and ``enterprise_id`` inside an Enterprise Grid."""

    team_id: str
    enterprise_id: str = ""


DEPLOYMENT = Workspace("~")
"""The owner of rows that belong to the deployment, not to a workspace (the landscape refresh's claims)."""

LEGACY_TEAM = ""
"""``team_id`` of rows written before workspaces were recorded (see ``workspaces.adopt_legacy_rows``)."""


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, always stored as UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware one (datetime.now(UTC))")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _workspace_columns() -> list[Column[str]]:
    return [
        Column("enterprise_id", String(32), nullable=False, server_default=""),
        Column("team_id", String(32), nullable=False, server_default=""),
    ]


subscriptions = Table(
    "subscriptions",
    metadata,
    *_workspace_columns(),
    Column("channel_id", String(32), nullable=False),
    Column("frequency", String(8), nullable=False),
    Column("weekday", Integer, nullable=False),
    Column("hour", Integer, nullable=False),
    Column("minute", Integer, nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("paused_reason", String(64), nullable=True),
    Column("active_since", UtcDateTime, nullable=False),
    Column("paused_at", UtcDateTime, nullable=True),
    PrimaryKeyConstraint("enterprise_id", "team_id", "channel_id", name="pk_subscriptions"),
)

digest_runs = Table(
    "digest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_workspace_columns(),
    Column("channel_id", String(32), nullable=False),
    Column("period", String(40), nullable=False),
    Column("state", String(10), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("worker", String(64), nullable=False),
    Column("first_claimed_at", UtcDateTime, nullable=False),
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("message_ts", String(32), nullable=True),
    Column("error", String(200), nullable=True),
    Column("snapshot", Text, nullable=True),
    Column("spotlight", String(64), nullable=True),
    UniqueConstraint(
        "enterprise_id", "team_id", "channel_id", "period", name="uq_digest_runs_channel_period"
    ),
)

query_log = Table(
    "query_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_workspace_columns(),
    Column("asked_at", UtcDateTime, nullable=False, index=True),
    Column("question", String(QUESTION_MAX), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("surface", String(16), nullable=False),
    Column("result_count", Integer, nullable=False),
    Index("ix_query_log_workspace_asked_at", "enterprise_id", "team_id", "asked_at"),
)

slack_events = Table(
    "slack_events",
    metadata,
    *_workspace_columns(),
    Column("event_id", String(64), nullable=False),
    Column("seen_at", UtcDateTime, nullable=False, index=True),
    PrimaryKeyConstraint("enterprise_id", "team_id", "event_id", name="pk_slack_events"),
)

answer_jobs = Table(
    "answer_jobs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_workspace_columns(),
    Column("kind", String(16), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("lease_owner", String(64), nullable=True),
    Column("lease_until", UtcDateTime, nullable=True, index=True),
    Column("delivering", Boolean, nullable=False, server_default="0"),
)

ENTRIES_MAX = 1000
"""Characters of comma-joined entry ids kept with a vote (a page shows five)."""

feedback_votes = Table(
    "feedback_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_workspace_columns(),
    Column("voted_at", UtcDateTime, nullable=False, index=True),
    Column("voter_key", String(64), nullable=False),
    Column("question", String(QUESTION_MAX), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("entries", String(ENTRIES_MAX), nullable=False, server_default=""),
    Column("helpful", Boolean, nullable=False),
    UniqueConstraint("enterprise_id", "team_id", "voter_key", name="uq_feedback_votes_voter"),
)

WORKSPACE_TABLES: tuple[Table, ...] = (
    subscriptions,
    digest_runs,
    query_log,
    feedback_votes,
    slack_events,
    answer_jobs,
)
"""Every table holding a workspace's data: uninstalling deletes that workspace's rows from each."""


def workspace_is(table: Table, workspace: Workspace) -> Any:
    """The WHERE clause selecting ``workspace``'s rows of ``table``."""
    return (table.c.enterprise_id == workspace.enterprise_id) & (table.c.team_id == workspace.team_id)
