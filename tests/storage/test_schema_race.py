"""Processes that start together on a fresh database all get a working schema (gunicorn workers do)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OPEN = (
    "import sys; from bot.storage.db import open_database; from sqlalchemy import inspect;"
    "print(sorted(inspect(open_database(sys.argv[1])).get_table_names()))"
)
JIEBA = (
    "import sys; from pathlib import Path; from index import segment; segment.configure(Path(sys.argv[1]));"
    "print([w for w, _s, _e in segment.cut('服务发现')])"
)


def _together(code: str, arg: str, count: int = 6) -> set[str]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, arg], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(count)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _out, err in results]
    return {out.strip() for out, _err in results}


def test_schema_created_by_several_processes_at_once(tmp_path: Path) -> None:
    outputs = _together(OPEN, f"sqlite:///{tmp_path / 'fresh.db'}")
    assert len(outputs) == 1 and "query_log" in outputs.pop()


def test_jieba_dictionary_prepared_by_several_processes_at_once(tmp_path: Path) -> None:
    outputs = _together(JIEBA, str(tmp_path / "home"))
    assert outputs == {"['服务', '发现']"}  # every process cut with the same, complete dictionary
