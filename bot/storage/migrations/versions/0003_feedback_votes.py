"""Feedback votes (helpful / not helpful), keyed by workspace like every other per-workspace table.

A database that an ecosys between the feedback buttons and migrations created already has the table, with
``team_id`` only: it gains ``enterprise_id`` and the voter key becomes unique per workspace. Otherwise the
table is created.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "feedback_votes" in sa.inspect(op.get_bind()).get_table_names():
        indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("feedback_votes")}
        with op.batch_alter_table("feedback_votes") as batch:
            batch.add_column(sa.Column("enterprise_id", sa.String(32), nullable=False, server_default=""))
            batch.drop_constraint("uq_feedback_votes_voter", type_="unique")
            batch.create_unique_constraint(
                "uq_feedback_votes_voter", ["enterprise_id", "team_id", "voter_key"]
            )
            if "ix_feedback_votes_team_id" in indexes:
                batch.drop_index("ix_feedback_votes_team_id")
        return
    op.create_table(
        "feedback_votes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("enterprise_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("team_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("voted_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("voter_key", sa.String(64), nullable=False),
        sa.Column("question", sa.String(500), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("entries", sa.String(1000), nullable=False, server_default=""),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.UniqueConstraint("enterprise_id", "team_id", "voter_key", name="uq_feedback_votes_voter"),
    )


def downgrade() -> None:
    op.drop_table("feedback_votes")
