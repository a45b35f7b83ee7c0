"""Which files make up the knowledge base, and their content fingerprint.

Kept apart from ``index.knowledge`` (which validates with pydantic) so that the fast path of every
``ecosys ask`` — "is the index still current?" — imports nothing heavy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from index.errors import DataDirMissing

FORMAT_VERSION = "2"
"""Bump when the meaning of the data changes, so every index is rebuilt (code changes are seen by themselves)."""

_CODE = Path(__file__).resolve().parent


def code_version() -> str:
    """The engine's source as a short hex digest: which code built an index (``index.store``)."""
    return _code_digest().hex()[:16]


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The engine's own source: an index (and its pickled catalog) is only reused by the code that built it."""
    digest = hashlib.sha256()
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


SNAPSHOTS = "snapshots"
"""A data directory's folder of source snapshots (the CNCF landscape file): read as layers, never as entries."""


def data_files(data_dirs: Sequence[Path]) -> list[tuple[Path, Path]]:
    """``(layer, file)`` for every ``*.yaml``/``*.yml`` file, in layer order then path order.

    A layer is a directory of knowledge-base files, or one CNCF ``landscape.yml`` file (then ``(file, file)``).
    """
    found = []
    for directory in data_dirs:
        if directory.is_file():
            found.append((directory, directory))
            continue
        if not directory.is_dir():
            raise DataDirMissing(
                f"data directory {directory} does not exist: create it, or fix ECOSYS_DATA_DIRS / ECOSYS_HOME"
            )
        files = sorted(
            p
            for p in directory.rglob("*")
            if p.suffix in (".yaml", ".yml")
            and p.is_file()
            and p.relative_to(directory).parts[0] != SNAPSHOTS
        )
        found.extend((directory, f) for f in files)
    return found


def fingerprint(data_dirs: Sequence[Path]) -> str:
    """A content hash of all data files (names and bytes) and the format version."""
    digest = hashlib.sha256(f"ecosys-format-{FORMAT_VERSION}\n".encode())
    digest.update(_code_digest())
    for directory, path in data_files(data_dirs):
        relative = path.name if path == directory else path.relative_to(directory)
        digest.update(f"{directory}\0{relative}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
