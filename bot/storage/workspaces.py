"""Whole-workspace operations: deleting a workspace's data, and adopting rows from before workspaces.

Every per-workspace table is in ``schema.WORKSPACE_TABLES``; adding one there is all it takes for
uninstalling to delete its rows too.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, update

from bot.storage.schema import LEGACY_TEAM, WORKSPACE_TABLES, Workspace, workspace_is


def delete_workspace(db: Engine, workspace: Workspace) -> dict[str, int]:
    """Delete every row ``workspace`` owns (app uninstalled, tokens revoked); returns rows per table."""
    removed: dict[str, int] = {}
    with db.begin() as conn:
        for table in WORKSPACE_TABLES:
            removed[table.name] = int(
                conn.execute(delete(table).where(workspace_is(table, workspace))).rowcount
            )
    return removed


def adopt_legacy_rows(db: Engine, workspace: Workspace) -> int:
    """Give rows written before workspaces were recorded (``team_id = ''``) to ``workspace``.

    Only a single-workspace install (``SLACK_BOT_TOKEN``) calls this, with its own team: those rows can only
    have been its own. Returns how many rows changed (0 after the first time).
    """
    changed = 0
    with db.begin() as conn:
        for table in WORKSPACE_TABLES:
            changed += int(
                conn.execute(
                    update(table)
                    .where(table.c.enterprise_id == "", table.c.team_id == LEGACY_TEAM)
                    .values(team_id=workspace.team_id, enterprise_id=workspace.enterprise_id)
                ).rowcount
            )
    return changed
