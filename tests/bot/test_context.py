"""A running bot picks up changed data by itself, and keeps the last good index when it breaks."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

from bot.config import REPO_DATA_DIR, load_settings
from bot.context import AppContext
from tests.support.homes import seed
from tests.support.survey_data import survey_data


def _wait_for(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_watch_swaps_in_changed_data_and_survives_a_broken_change(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    data = survey_data(tmp_path / "data")  # a build in a second: the watch, not the data, is under test
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


def test_the_database_opens_while_the_index_is_still_building(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Socket Mode acks wait for event de-duplication in the database, never for a cold index build."""
    from index.engine import Engine

    building, release = threading.Event(), threading.Event()

    def slow_open(**_kwargs: object) -> Engine:
        building.set()
        release.wait(30)
        raise RuntimeError("not needed")

    monkeypatch.setattr(Engine, "open", slow_open)
    ctx = AppContext(load_settings({"ECOSYS_HOME": str(tmp_path / "home")}))

    def warm_engine() -> None:
        with contextlib.suppress(RuntimeError):
            ctx.engine  # noqa: B018 (opened for its side effect)

    warm = threading.Thread(target=warm_engine, daemon=True)
    warm.start()
    try:
        assert building.wait(10)
        started = time.monotonic()
        assert ctx.db is not None
        assert time.monotonic() - started < 2.0
    finally:
        release.set()
        warm.join(10)


def test_a_landscape_imported_while_running_replaces_the_shipped_snapshot(
    tmp_path: Path, built_home: Path
) -> None:
    from bot.config import LANDSCAPE_SNAPSHOT
    from index.landscape import import_landscape, read_categories

    home = seed(tmp_path / "home", built_home)
    ctx = AppContext(load_settings({"ECOSYS_HOME": str(home)}))
    assert ctx.engine.data_dirs[-1] == LANDSCAPE_SNAPSHOT
    assert ctx.engine.find("Akri") is not None
    small = tmp_path / "landscape.yml"
    small.write_text(
        "landscape:\n  - name: Runtime\n    subcategories:\n      - name: Container Runtime\n        items:\n"
        "          - name: youki\n            homepage_url: https://github.com/youki-dev/youki\n",
        encoding="utf-8",
    )
    import_landscape(small, out_dir=home / "landscape", categories=read_categories([REPO_DATA_DIR]))
    stop = threading.Event()
    ctx.watch_index(every=0.1, stop=stop)
    try:
        assert _wait_for(lambda: ctx.engine.data_dirs[-1] == home / "landscape")
        assert _wait_for(lambda: ctx.engine.find("youki") is not None)
    finally:
        stop.set()
