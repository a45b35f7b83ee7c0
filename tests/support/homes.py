"""State directories that start with the repo's indexes already built.

Building the index for the repo's data takes seconds, and tens of seconds on a slow CI machine. Most tests
need a built index for the data as shipped, not to watch one being built: a home seeded here holds copies
of the indexes the session built once (curated, and curated with the landscape snapshot), so the product
opens its index the way a second start does. Tests of building itself (a cold start, a rebuild, a broken
change, processes building at once) start from an empty home instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR
from index import knowledge, store

SHIPPED_DATA = ((REPO_DATA_DIR,), (REPO_DATA_DIR, LANDSCAPE_SNAPSHOT))
"""The data sets tests serve: the curated data, and the default (curated + the landscape snapshot)."""


def build_shipped(home: Path) -> Path:
    """Build (or reuse) the index of each of ``SHIPPED_DATA`` in ``home``; returns ``home``."""
    for data_dirs in SHIPPED_DATA:
        store.build(home, knowledge.load(list(data_dirs)))
    return home


def seed(home: Path, built: Path) -> Path:
    """Give the state directory ``home`` copies of the indexes (and jieba's files) built in ``built``."""
    for part in ("index", "jieba"):
        # jieba's files are written only where this process first configured jieba, maybe not in ``built``.
        if (built / part).is_dir():
            shutil.copytree(built / part, home / part, dirs_exist_ok=True)
    return home
