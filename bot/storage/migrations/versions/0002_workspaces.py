"""Per-workspace keys on every table, the durable answer queue, and slack_sdk's OAuth tables.

Existing rows keep their data and get ``team_id = ''`` (``LEGACY_TEAM``): they were written by a
single-workspace install, and ``workspaces.adopt_legacy_rows`` gives them that workspace's id when the
process next starts with its bot token. The two tables whose primary key changes are rebuilt (create, copy,
drop, rename): SQLite cannot alter a primary key, and the same statements serve PostgreSQL. The others gain
columns through Alembic's batch mode (ALTER on PostgreSQL, a table copy on SQLite).

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _workspace_columns() -> list[sa.Column]:
    return [
        sa.Column("enterprise_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("team_id", sa.String(32), nullable=False, server_default=""),
    ]


def _subscription_columns() -> list[sa.Column]:
    return [
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("frequency", sa.String(8), nullable=False),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("hour", sa.Integer, nullable=False),
        sa.Column("minute", sa.Integer, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("paused_reason", sa.String(64), nullable=True),
        sa.Column("active_since", TZ, nullable=False),
        sa.Column("paused_at", TZ, nullable=True),
    ]


def _event_columns() -> list[sa.Column]:
    return [sa.Column("event_id", sa.String(64), nullable=False), sa.Column("seen_at", TZ, nullable=False)]


def _rebuild(table: str, columns: list[sa.Column], key: list[str], *, with_workspace: bool) -> None:
    """Replace ``table`` by one with ``columns`` (plus or minus the workspace key) and primary key ``key``."""
    names = [c.name for c in columns]
    extra = _workspace_columns() if with_workspace else []
    op.create_table(
        f"{table}_new",
        *extra,
        *columns,
        sa.PrimaryKeyConstraint(*key, name=f"pk_{table}"),
    )
    listed = ", ".join(names)
    op.execute(f"INSERT INTO {table}_new ({listed}) SELECT {listed} FROM {table}")
    op.drop_table(table)
    op.rename_table(f"{table}_new", table)


def upgrade() -> None:
    _rebuild(
        "subscriptions",
        _subscription_columns(),
        ["enterprise_id", "team_id", "channel_id"],
        with_workspace=True,
    )
    _rebuild("slack_events", _event_columns(), ["enterprise_id", "team_id", "event_id"], with_workspace=True)
    op.create_index("ix_slack_events_seen_at", "slack_events", ["seen_at"])
    for table in ("digest_runs", "query_log"):
        with op.batch_alter_table(table) as batch:
            for column in _workspace_columns():
                batch.add_column(column)
    with op.batch_alter_table("digest_runs") as batch:
        batch.drop_constraint("uq_digest_runs_channel_period", type_="unique")
        batch.create_unique_constraint(
            "uq_digest_runs_channel_period", ["enterprise_id", "team_id", "channel_id", "period"]
        )
    op.create_index("ix_query_log_workspace_asked_at", "query_log", ["enterprise_id", "team_id", "asked_at"])
    op.create_table(
        "answer_jobs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *_workspace_columns(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("lease_owner", sa.String(64), nullable=True),
        sa.Column("lease_until", TZ, nullable=True, index=True),
        sa.Column("delivering", sa.Boolean, nullable=False, server_default="0"),
    )
    # slack_sdk's own tables, built by its own definitions (names are its defaults).
    tables = sa.MetaData()
    SQLAlchemyInstallationStore.build_installations_table(tables, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(tables, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(tables, "slack_oauth_states")
    tables.create_all(op.get_bind())


def downgrade() -> None:
    for table in ("slack_oauth_states", "slack_bots", "slack_installations", "answer_jobs"):
        op.drop_table(table)
    op.drop_index("ix_query_log_workspace_asked_at", "query_log")
    with op.batch_alter_table("digest_runs") as batch:
        batch.drop_constraint("uq_digest_runs_channel_period", type_="unique")
        batch.create_unique_constraint("uq_digest_runs_channel_period", ["channel_id", "period"])
    _rebuild("subscriptions", _subscription_columns(), ["channel_id"], with_workspace=False)
    _rebuild("slack_events", _event_columns(), ["event_id"], with_workspace=False)
    op.create_index("ix_slack_events_seen_at", "slack_events", ["seen_at"])
    for table in ("digest_runs", "query_log"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("team_id")
            batch.drop_column("enterprise_id")
