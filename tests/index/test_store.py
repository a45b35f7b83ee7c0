"""The index on disk: reused, rebuilt atomically, and the last good one kept serving."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from index import store
from index.engine import Engine
from index.errors import DataError
from tests.support.survey_data import survey_data


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """The survey's part of the repo's data: the store's mechanics, built in a second."""
    return survey_data(tmp_path / "data")


def _edit(data: Path, old: str, new: str) -> None:
    path = data / "entries" / "survey" / "service-discovery.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unchanged_data_reuses_the_index(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    first = Engine.open(home=home, data_dirs=[data])
    built = (store.index_root(home) / first.fingerprint).stat().st_mtime_ns
    second = Engine.open(home=home, data_dirs=[data])
    assert second.fingerprint == first.fingerprint
    assert (store.index_root(home) / first.fingerprint).stat().st_mtime_ns == built


def test_changed_data_is_rebuilt_and_swapped(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    engine = Engine.open(home=home, data_dirs=[data])
    old = engine.fingerprint
    _edit(data, "name: ZooKeeper", "name: Apache ZooKeeper")
    assert engine.reload_if_changed()
    assert engine.fingerprint != old
    assert store.current_fingerprint(home) == engine.fingerprint
    assert engine.search("zookeeper").hits[0].entry.name == "Apache ZooKeeper"


def test_broken_change_keeps_the_last_good_index(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    engine = Engine.open(home=home, data_dirs=[data])
    good = engine.fingerprint
    _edit(data, "category: service-discovery", "category: no-such-category")
    assert not engine.reload_if_changed()
    assert engine.fingerprint == good and engine.problems
    assert "no-such-category" in str(engine.problems[0])
    assert engine.search("服务发现").hits  # still answering
    reopened = Engine.open(home=home, data_dirs=[data])  # a new process too
    assert reopened.fingerprint == good and reopened.problems


def test_an_index_built_by_other_code_is_no_last_good_index(tmp_path: Path, data: Path) -> None:
    """After an upgrade, the old code's pickled catalog may lack what this code reads: broken data then
    says what is broken instead of serving an index that fails on the first question."""
    home = tmp_path / "home"
    good = Engine.open(home=home, data_dirs=[data]).fingerprint
    (store.index_root(home) / good / store.CODE_FILE).write_text("0123456789abcdef", encoding="ascii")
    _edit(data, "status: active", "status: thriving")
    with pytest.raises(DataError) as raised:
        Engine.open(home=home, data_dirs=[data])
    assert "thriving" in str(raised.value)


def test_broken_data_without_any_index_raises(tmp_path: Path, data: Path) -> None:
    _edit(data, "status: active", "status: thriving")
    with pytest.raises(DataError) as raised:
        Engine.open(home=tmp_path / "home", data_dirs=[data])
    assert "thriving" in str(raised.value)


def test_readers_never_see_a_half_built_index(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    engine = Engine.open(home=home, data_dirs=[data])
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                assert engine.search("service discovery").hits
            except BaseException as exc:  # any failure at all is the finding
                errors.append(exc)
                return

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    try:
        for i in range(3):
            _edit(data, "name: etcd" if i == 0 else f"name: etcd{i - 1}", f"name: etcd{i}")
            assert engine.reload_if_changed()
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=30)
    assert errors == []


def test_processes_building_at_once_agree(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    code = (
        "import sys; from pathlib import Path; from index.engine import Engine;"
        "e = Engine.open(home=Path(sys.argv[1]), data_dirs=[Path(sys.argv[2])]);"
        "print(e.fingerprint, e.search('etcd').hits[0].entry.id)"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(home), str(data)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = {p.communicate(timeout=120)[0].strip() for p in runs}
    assert len(outputs) == 1 and outputs.pop().endswith(" etcd")
