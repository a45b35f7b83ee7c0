"""A running bot picks up changed data by itself, and keeps the last good index when it breaks."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from bot.config import REPO_DATA_DIR, load_settings
from bot.context import AppContext


def _wait_for(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_watch_swaps_in_changed_data_and_survives_a_broken_change(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(REPO_DATA_DIR, data)
    settings = load_settings({"ECOSYS_HOME": str(tmp_path / "home")})
    ctx = AppContext(settings.__class__(**{**settings.__dict__, "data_dirs": (data,)}))
    first = ctx.engine.fingerprint
    stop = threading.Event()
    ctx.watch_index(every=0.1, stop=stop)
    try:
        file = data / "entries" / "survey" / "service-discovery.yaml"
        file.write_text(file.read_text(encoding="utf-8").replace("name: ZooKeeper", "name: Apache ZooKeeper"))
        assert _wait_for(lambda: ctx.engine.fingerprint != first)
        assert ctx.engine.search("zookeeper").hits[0].entry.name == "Apache ZooKeeper"

        good = ctx.engine.fingerprint
        file.write_text(file.read_text(encoding="utf-8").replace("status: active", "status: lively", 1))
        assert _wait_for(lambda: bool(ctx.engine.problems))
        assert ctx.engine.fingerprint == good
        assert ctx.engine.search("服务发现").hits
        assert _wait_for(lambda: "lively" in caplog.text)
    finally:
        stop.set()
