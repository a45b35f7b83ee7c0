"""The schema before migrations: one workspace, no job queue (what ``metadata.create_all`` made until 0002).

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "digest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("period", sa.String(40), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("worker", sa.String(64), nullable=False),
        sa.Column("first_claimed_at", TZ, nullable=False),
        sa.Column("claimed_at", TZ, nullable=False),
        sa.Column("sent_at", TZ, nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("error", sa.String(200), nullable=True),
        sa.Column("snapshot", sa.Text, nullable=True),
        sa.Column("spotlight", sa.String(64), nullable=True),
        sa.UniqueConstraint("channel_id", "period", name="uq_digest_runs_channel_period"),
    )
    op.create_table(
        "query_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("asked_at", TZ, nullable=False, index=True),
        sa.Column("question", sa.String(500), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("surface", sa.String(16), nullable=False),
        sa.Column("result_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "slack_events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("seen_at", TZ, nullable=False, index=True),
    )
    op.create_table(
        "subscriptions",
        sa.Column("channel_id", sa.String(32), primary_key=True),
        sa.Column("frequency", sa.String(8), nullable=False),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("hour", sa.Integer, nullable=False),
        sa.Column("minute", sa.Integer, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("paused_reason", sa.String(64), nullable=True),
        sa.Column("active_since", TZ, nullable=False),
        sa.Column("paused_at", TZ, nullable=True),
    )


def downgrade() -> None:
    for table in ("subscriptions", "slack_events", "query_log", "digest_runs"):
        op.drop_table(table)
