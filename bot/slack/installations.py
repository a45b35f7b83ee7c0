"""Which bot token speaks for a workspace: the one ``SLACK_BOT_TOKEN``, or an OAuth installation.

Distributed mode (``Settings.oauth``) uses Bolt's and slack_sdk's own pieces: ``OAuthSettings`` serves
``/slack/install`` and ``/slack/oauth_redirect``, ``SQLAlchemyInstallationStore`` and
``SQLAlchemyOAuthStateStore`` keep installations and OAuth states in the same database as everything else,
and ``TokenRotator`` refreshes rotating tokens. Requests are authorised by Bolt; work done later (answers,
digests) gets its client from ``ClientSource``, which rotates a token that is about to expire.

Org-wide installs on Enterprise Grid are refused with a page saying to install per workspace: every piece of
data here belongs to one workspace, and an org-wide install would mix a whole organisation's questions.
"""

from __future__ import annotations

import html
import logging
import threading

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import Engine

from bot.config import Settings
from bot.slack.clients import make_web_client
from bot.storage.schema import Workspace

BOT_SCOPES = (
    "commands",
    "app_mentions:read",
    "chat:write",
    "chat:write.public",
    "im:history",
    "channels:join",
    "channels:read",
    "groups:read",
    "channels:history",
    "groups:history",
    "users:read",
)
"""The bot scopes asked for at install time: the same list as ``manifest.yaml``'s (a test holds them equal)."""

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600
ROTATE_MINUTES = 120
"""A rotating token is refreshed when it has less than this left."""

log = logging.getLogger(__name__)


class NotInstalled(Exception):
    """Raised when work is due for a workspace that has no installation (uninstalled meanwhile)."""


def installation_store(settings: Settings, db: Engine) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=db, logger=log)


def _org_wide_refused(args: SuccessArgs) -> BoltResponse:
    installation = args.installation
    if not installation.is_enterprise_install:
        return args.default.success(args)
    store = args.settings.installation_store
    store.delete_all(enterprise_id=installation.enterprise_id, team_id=installation.team_id)
    log.warning("refused an org-wide install on Enterprise Grid %s", installation.enterprise_id)
    text = (
        "ecosys cannot be installed for a whole Enterprise Grid organisation: each workspace keeps its own "
        "questions and digests. Install it into each workspace that wants it instead (Add to Slack from "
        "inside that workspace). / ecosys 不支持整个企业组织安装，请在需要的每个工作区分别安装。"
    )
    return BoltResponse(
        status=400,
        body=f"<html><body><p>{html.escape(text)}</p></body></html>",
        headers={"Content-Type": "text/html; charset=utf-8"},
    )


def _failure(args: FailureArgs) -> BoltResponse:
    log.warning("installation failed: %s", args.reason)
    return args.default.failure(args)


def oauth_settings(settings: Settings, db: Engine) -> OAuthSettings:
    """Bolt's OAuth settings for distributed mode, with every store on ``db``."""
    states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=db, logger=log)
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        installation_store=installation_store(settings, db),
        installation_store_bot_only=True,
        token_rotation_expiration_minutes=ROTATE_MINUTES,
        state_store=states,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=CallbackOptions(success=_org_wide_refused, failure=_failure),
    )


class ClientSource:
    """``client_for(workspace)``: the Web API client for work done outside a request (answers, digests)."""

    def __init__(self, settings: Settings, db: Engine | None = None) -> None:
        self._settings = settings
        self._single = None if settings.oauth else make_web_client(settings)
        self._store = installation_store(settings, db) if settings.oauth and db is not None else None
        self._rotator = (
            TokenRotator(
                client_id=settings.slack_client_id,
                client_secret=settings.slack_client_secret,
                client=WebClient(base_url=settings.slack_api_url),
            )
            if settings.oauth
            else None
        )
        self._lock = threading.Lock()

    def __call__(self, workspace: Workspace) -> WebClient:
        if self._single is not None:
            return self._single
        assert self._store is not None and self._rotator is not None
        enterprise_id, team_id = workspace.enterprise_id or None, workspace.team_id or None
        with self._lock:  # one rotation at a time: a refresh token can be used once
            bot = self._store.find_bot(enterprise_id=enterprise_id, team_id=team_id)
            if bot is None:
                raise NotInstalled(f"no installation for {workspace}")
            rotated = self._rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=ROTATE_MINUTES
            )
            if rotated is not None:
                self._store.save_bot(rotated)
                bot = rotated
        return make_web_client(self._settings, token=bot.bot_token)


def adopt_single_workspace(settings: Settings, db: Engine) -> Workspace | None:
    """Single-workspace mode: the token's workspace (``auth.test``) takes over rows stored before workspaces
    were recorded. None in distributed mode. Raises ``ConfigError`` when Slack refuses the token."""
    if settings.oauth:
        return None
    from bot.slack.settings_check import verify_bot_token
    from bot.storage.workspaces import adopt_legacy_rows

    auth = verify_bot_token(make_web_client(settings))
    workspace = Workspace(str(auth.get("team_id") or ""), str(auth.get("enterprise_id") or ""))
    adopted = adopt_legacy_rows(db, workspace)
    if adopted:
        log.info("%d rows from before workspaces were recorded now belong to %s", adopted, workspace.team_id)
    return workspace
