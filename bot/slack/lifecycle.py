"""``app_uninstalled`` and ``tokens_revoked``: the workspace's installation and all its data are deleted.

What goes: the installation and bot tokens (distributed mode), then every row of every per-workspace table
(``schema.WORKSPACE_TABLES``: subscriptions, digest runs, logged questions, feedback votes, handled event
ids, waiting answers). Other workspaces are untouched.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.context import AppContext
from bot.slack import services
from bot.slack.installations import installation_store
from bot.storage.schema import Workspace
from bot.storage.workspaces import delete_workspace

log = logging.getLogger(__name__)


def forget_workspace(ctx: AppContext, workspace: Workspace) -> None:
    """Delete the workspace's installation (distributed mode) and every row it owns."""
    if ctx.settings.oauth:
        store = installation_store(ctx.settings, ctx.db)
        store.delete_all(enterprise_id=workspace.enterprise_id or None, team_id=workspace.team_id or None)
    removed = delete_workspace(ctx.db, workspace)
    log.info(
        "workspace %s removed the app: deleted %s", workspace.team_id or workspace.enterprise_id, removed
    )


def on_removed(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
    """The app was uninstalled, or tokens revoked: forget the workspace (only the bot's token counts)."""
    ack()
    if event.get("type") == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
        return  # only user tokens were revoked: the bot (and the workspace's data) stays
    forget_workspace(services.app_context(context), services.workspace(context))


def register(app: App) -> None:
    app.event("app_uninstalled")(on_removed)
    app.event("tokens_revoked")(on_removed)
