"""The one module that reads the environment. Everything else receives a ``Settings``.

A missing or malformed setting raises ``ConfigError`` whose message is one line naming the variable and
how to fix it; entry points print that line and exit non-zero.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


def _shipped_data_dir() -> Path:
    """The repo's ``data/``: beside the code in a checkout, the ``ecosys_data`` package in an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "data" / "lexicon.yaml").is_file():
        return checkout / "data"
    spec = importlib.util.find_spec("ecosys_data")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout / "data"  # not found: DataDirMissing names this path when the engine opens


REPO_DATA_DIR = _shipped_data_dir()
"""The curated knowledge base shipped with the code (the repo's ``data/``, packaged as ``ecosys_data``)."""

LANDSCAPE_SNAPSHOT = REPO_DATA_DIR / "snapshots" / "cncf-landscape.yml"
"""The dated CNCF landscape file shipped with the code: the landscape layer until a refresh imports a newer one."""

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_LANDSCAPE_URL = "https://raw.githubusercontent.com/cncf/landscape/master/landscape.yml"
LANDSCAPE_REFRESH_DAYS = {"off": 0, "daily": 1, "weekly": 7}


class ConfigError(Exception):
    """Raised when a setting is missing or malformed; the message names it and the fix."""


@dataclass(frozen=True)
class Settings:
    """Everything ecosys takes from its environment."""

    home: Path
    """State directory (index, jieba cache, SQLite database, imported landscape)."""
    data_dirs: tuple[Path, ...]
    """Knowledge-base directories, curated first: earlier directories win over later ones."""
    database_url: str
    slack_bot_token: str = field(default="", repr=False)
    slack_signing_secret: str = field(default="", repr=False)
    slack_app_token: str = field(default="", repr=False)
    slack_client_id: str = ""
    slack_client_secret: str = field(default="", repr=False)
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = 3000
    run_scheduler: bool = False
    """Run the digest scheduler in this process (single-process modes only)."""
    query_log_days: int = 90
    """How long asked questions are kept for the digests (ECOSYS_QUERY_LOG_DAYS)."""
    answer_threads: int = 2
    """Answers worked on at once per process (ECOSYS_ANSWER_THREADS)."""
    answer_lease_seconds: int = 60
    """How long a process holds a question before another may answer it (ECOSYS_ANSWER_LEASE_SECONDS)."""
    landscape_url: str = DEFAULT_LANDSCAPE_URL
    """Where ``ecosys data import-landscape`` (no path) and the clock's refresh fetch the landscape file."""
    landscape_refresh_days: int = 7
    """Days between the clock's landscape refreshes; 0 is off (ECOSYS_LANDSCAPE_REFRESH)."""

    @property
    def oauth(self) -> bool:
        """Distributed app: installed through OAuth into any workspace, tokens in the database.

        Chosen when the app's client id and secret are set and no single ``SLACK_BOT_TOKEN`` is.
        """
        return bool(self.slack_client_id and self.slack_client_secret and not self.slack_bot_token)

    @property
    def landscape_dir(self) -> Path:
        """Where ``ecosys data import-landscape`` writes by default; served instead of the shipped snapshot."""
        return self.home / "landscape"

    def current_data_dirs(self) -> tuple[Path, ...]:
        """``data_dirs`` as of now: a landscape imported since start-up replaces the shipped snapshot."""
        if LANDSCAPE_SNAPSHOT in self.data_dirs and self.landscape_dir.is_dir():
            return tuple(self.landscape_dir if d == LANDSCAPE_SNAPSHOT else d for d in self.data_dirs)
        return self.data_dirs


def _default_home() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("ecosys", appauthor=False))


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    raw = environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={raw!r} is not a yes/no value: set it to 1 or 0.")


def _positive(environ: Mapping[str, str], name: str, default: int, meaning: str) -> int:
    raw = environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{name}={raw!r} is not a whole number ≥ 1 ({meaning}): unset it for {default}.")
    return int(raw)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and check the environment (``os.environ`` unless given)."""
    env = os.environ if environ is None else environ
    home = Path(env["ECOSYS_HOME"]).expanduser() if env.get("ECOSYS_HOME") else _default_home()
    if home.exists() and not home.is_dir():
        raise ConfigError(
            f"ECOSYS_HOME={home} is a file: point it at a directory (it is created if missing)."
        )

    extra = tuple(
        Path(p).expanduser() for p in env.get("ECOSYS_DATA_DIRS", "").split(os.pathsep) if p.strip()
    )
    imported = home / "landscape"
    landscape = imported if imported.is_dir() else LANDSCAPE_SNAPSHOT
    dirs = (REPO_DATA_DIR, *extra)
    if landscape not in dirs and landscape.exists():
        dirs = (*dirs, landscape)

    landscape_url = env.get("ECOSYS_LANDSCAPE_URL", "").strip() or DEFAULT_LANDSCAPE_URL
    if not landscape_url.startswith(("http://", "https://")):
        raise ConfigError(
            f"ECOSYS_LANDSCAPE_URL={landscape_url!r} is not an http(s) URL: unset it to use the CNCF's own."
        )
    refresh_raw = env.get("ECOSYS_LANDSCAPE_REFRESH", "weekly").strip().lower() or "weekly"
    if refresh_raw not in LANDSCAPE_REFRESH_DAYS:
        raise ConfigError(
            f"ECOSYS_LANDSCAPE_REFRESH={refresh_raw!r} is not a schedule: set it to weekly, daily or off."
        )

    port_raw = env.get("PORT", "3000").strip() or "3000"
    if not port_raw.isdigit() or not 0 < int(port_raw) < 65536:
        raise ConfigError(f"PORT={port_raw!r} is not a TCP port: set it to a number from 1 to 65535.")

    days_raw = env.get("ECOSYS_QUERY_LOG_DAYS", "90").strip() or "90"
    if not days_raw.isdigit() or int(days_raw) < 1:
        raise ConfigError(
            f"ECOSYS_QUERY_LOG_DAYS={days_raw!r} is not a number of days: set it to 1 or more (default 90)."
        )

    threads = _positive(env, "ECOSYS_ANSWER_THREADS", 2, "answers worked on at once per process")
    lease = _positive(env, "ECOSYS_ANSWER_LEASE_SECONDS", 60, "seconds a process holds a question")

    api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL={api_url!r} is not an http(s) URL: unset it to use Slack's own.")
    if not api_url.endswith("/"):
        api_url += "/"

    return Settings(
        home=home,
        data_dirs=dirs,
        database_url=env.get("DATABASE_URL", "").strip() or f"sqlite:///{home / 'ecosys.db'}",
        slack_bot_token=env.get("SLACK_BOT_TOKEN", "").strip(),
        slack_signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip(),
        slack_app_token=env.get("SLACK_APP_TOKEN", "").strip(),
        slack_client_id=env.get("SLACK_CLIENT_ID", "").strip(),
        slack_client_secret=env.get("SLACK_CLIENT_SECRET", "").strip(),
        slack_api_url=api_url,
        port=int(port_raw),
        run_scheduler=_flag(env, "ECOSYS_RUN_SCHEDULER", default=False),
        query_log_days=int(days_raw),
        answer_threads=threads,
        answer_lease_seconds=lease,
        landscape_url=landscape_url,
        landscape_refresh_days=LANDSCAPE_REFRESH_DAYS[refresh_raw],
    )
