"""Keeping the landscape current: download the CNCF landscape file and import it, or keep the last good one.

Used by ``ecosys data import-landscape`` (no path) and by the clock's weekly refresh. The download is a
conditional request (ETag / If-Modified-Since, remembered in ``$ECOSYS_HOME/landscape-fetch.json``), with a
timeout and a size limit; the content goes through the same validation and atomic swap as a file import, so a
failed or malformed download changes nothing.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from bot.config import LANDSCAPE_SNAPSHOT, Settings
from index.errors import LandscapeError
from index.landscape import ImportReport, import_landscape_source, read_categories

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 30.0
MAX_BYTES = 32 * 1024 * 1024
"""The CNCF file is about 1 MB; anything near this limit is not a landscape file."""
FETCH_STATE = "landscape-fetch.json"
DOWNLOADED = "landscape.yml"
"""The last imported download, kept for ``ecosys data check --landscape``."""
USER_AGENT = "ecosys-landscape-refresh (+https://github.com/cncf/landscape)"


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh did, with one line to tell a person."""

    outcome: Literal["imported", "not-modified", "failed"]
    message: str
    report: ImportReport | None = None


@dataclass(frozen=True)
class _Download:
    body: bytes | None  # None: not modified
    etag: str
    last_modified: str


def refresh_landscape(settings: Settings, *, timeout: float = TIMEOUT_SECONDS) -> RefreshResult:
    """Fetch ``settings.landscape_url`` and import it into ``settings.landscape_dir`` when it changed."""
    url = settings.landscape_url
    state_file = settings.home / FETCH_STATE
    state = _read_state(state_file) if settings.landscape_dir.is_dir() else {}
    if state.get("url") != url:
        state = {}
    try:
        download = _download(
            url, etag=state.get("etag", ""), last_modified=state.get("last_modified", ""), timeout=timeout
        )
    except LandscapeError as exc:
        return RefreshResult("failed", f"landscape not refreshed, still serving the last good one: {exc}")
    if download.body is None:
        _write_state(state_file, {**state, "checked_at": _now()})
        return RefreshResult("not-modified", f"landscape not modified since the last import ({url})")
    categories = read_categories(
        [d for d in settings.data_dirs if d.is_dir() and d != settings.landscape_dir]
    )
    try:
        served = None if settings.landscape_dir.is_dir() else LANDSCAPE_SNAPSHOT.read_bytes()
        report = import_landscape_source(
            download.body, name=url, out_dir=settings.landscape_dir, categories=categories, served=served
        )
    except LandscapeError as exc:
        return RefreshResult("failed", f"landscape not refreshed, still serving the last good one: {exc}")
    (settings.home / DOWNLOADED).write_bytes(download.body)
    _write_state(
        state_file,
        {"url": url, "etag": download.etag, "last_modified": download.last_modified, "checked_at": _now()},
    )
    return RefreshResult("imported", report.summary(), report)


def served_landscape_file(settings: Settings) -> Path:
    """The raw landscape file behind what is served: the last imported download, else the shipped snapshot."""
    downloaded = settings.home / DOWNLOADED
    if settings.landscape_dir.is_dir() and downloaded.is_file():
        return downloaded
    return LANDSCAPE_SNAPSHOT


def _download(url: str, *, etag: str, last_modified: str, timeout: float) -> _Download:
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise LandscapeError(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MB")
            return _Download(
                body, response.headers.get("ETag", ""), response.headers.get("Last-Modified", "")
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return _Download(None, etag, last_modified)
        raise LandscapeError(f"{url} answered HTTP {exc.code}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise LandscapeError(f"{url} could not be fetched ({reason})") from exc


def _read_state(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_state(path: Path, state: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=1), encoding="utf-8")
    temporary.replace(path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
