"""``app_uninstalled`` and ``tokens_revoked``: the workspace's installation and all its data are deleted.

What goes: the installation and bot tokens (distributed mode), then every row of every per-workspace table
(subscriptions, digest runs, logged questions, handled event ids, waiting answers). Other workspaces are
untouched.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk.oauth.installation_store import InstallationStore

from bot.context import AppContext
from bot.storage.schema import Workspace
from bot.storage.workspaces import delete_workspace

log = logging.getLogger(__name__)


def workspace_of(context: BoltContext) -> Workspace:
    """The workspace a request came from (``enterprise_id`` is set inside an Enterprise Grid)."""
    return Workspace(context.team_id or "", context.enterprise_id or "")


def forget_workspace(ctx: AppContext, store: InstallationStore | None, workspace: Workspace) -> None:
    """Delete the workspace's installation (if any) and every row it owns."""
    if store is not None:
        store.delete_all(enterprise_id=workspace.enterprise_id or None, team_id=workspace.team_id or None)
    removed = delete_workspace(ctx.db, workspace)
    log.info(
        "workspace %s removed the app: deleted %s", workspace.team_id or workspace.enterprise_id, removed
    )


def register(app: App, ctx: AppContext, store: InstallationStore | None) -> None:
    def on_removed(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
        ack()
        if event.get("type") == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
            return  # only user tokens were revoked: the bot (and the workspace's data) stays
        forget_workspace(ctx, store, workspace_of(context))

    app.event("app_uninstalled")(on_removed)
    app.event("tokens_revoked")(on_removed)
