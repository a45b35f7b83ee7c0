"""The index on disk: built aside, swapped atomically, reused while the data is unchanged.

Layout under the state directory::

    index/CURRENT            the fingerprint of the index being served (replaced atomically)
    index/<fingerprint>/     a complete Whoosh index, catalog.pickle, postings.pickle (every posting's
                             BM25F score, ``index.textsearch``) and the version of the code that built
                             them (``code``), never modified once named
    index/.build-*/          an index being built (renamed into place when complete)
    index/.lock              taken while building, so two processes never build at once

A reader resolves CURRENT once and opens that directory: it never sees a half-built index, and a
failed build leaves CURRENT (the last good index) untouched. An index built by other code (before an
upgrade) is no last good index: its pickled catalog may lack what this code reads.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import index as whoosh_index
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.scoring import BM25F

from index import datafiles, segment
from index.catalog import Catalog, build_catalog
from index.errors import IndexNotBuilt
from index.model import Entry
from index.regions import region_words
from index.textsearch import PostingTable, score_postings
from index.tokenizer import ChineseEnglishAnalyzer, forget_texts

if TYPE_CHECKING:
    from index.knowledge import KnowledgeBase

CATALOG_FILE = "catalog.pickle"
POSTINGS_FILE = "postings.pickle"
CODE_FILE = "code"
KEEP_OLD_INDEXES = 2
"""Older index directories kept after a swap, for readers that opened them just before."""

FIELD_BOOSTS = {"name": 5.0, "category": 2.0, "tags": 2.0, "desc": 1.0}


def make_schema() -> Schema:
    analyzer = ChineseEnglishAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        name=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["name"]),
        category=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["category"]),
        tags=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["tags"]),
        desc=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["desc"]),
        curated=NUMERIC(stored=False),
    )


def index_root(home: Path) -> Path:
    return home / "index"


def current_fingerprint(home: Path) -> str | None:
    """The fingerprint named by CURRENT, if that index directory is complete."""
    pointer = index_root(home) / "CURRENT"
    try:
        fp = pointer.read_text(encoding="ascii").strip()
    except OSError:
        return None
    folder = index_root(home) / fp
    try:
        built_by = (folder / CODE_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return None
    complete = (folder / CATALOG_FILE).is_file()
    return fp if complete and built_by == datafiles.code_version() else None


@contextlib.contextmanager
def build_lock(home: Path) -> Iterator[None]:
    root = index_root(home)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _document(entry: Entry, kb: KnowledgeBase) -> dict[str, object]:
    category_words: list[str] = []
    for category_id in (entry.category, *entry.related):
        category = kb.categories.get(category_id)
        if category is not None:
            category_words += [category.name.zh, category.name.en, *category.terms]
    return {
        "id": entry.id,
        "name": "\n".join((entry.name, *entry.aliases)),
        "category": "\n".join(category_words),
        "tags": "\n".join((*entry.tags, *region_words(entry, kb.regions))),
        "desc": "\n".join((entry.description.zh, entry.description.en, *entry.other_descriptions)),
        "curated": 1 if entry.source == "curated" else 0,
    }


def _write_pointer(root: Path, fp: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".CURRENT-")
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(fp + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, root / "CURRENT")


def _collect_garbage(root: Path, keep: str) -> None:
    built = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in built[KEEP_OLD_INDEXES:]:
        shutil.rmtree(old, ignore_errors=True)
    for stale in root.glob(".build-*"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < os.path.getmtime(root / ".lock") - 3600:
                shutil.rmtree(stale, ignore_errors=True)


def build(home: Path, kb: KnowledgeBase) -> str:
    """Build the index for ``kb`` (unless it exists) and make it CURRENT; returns its fingerprint."""
    segment.configure(home)
    root = index_root(home)
    with build_lock(home):
        target = root / kb.fingerprint
        if not (target / CATALOG_FILE).is_file():
            catalog = build_catalog(kb)
            staging = Path(tempfile.mkdtemp(dir=root, prefix=".build-"))
            try:
                ix = whoosh_index.create_in(str(staging), make_schema())
                with ix.writer(limitmb=64) as writer:
                    for entry in kb.entries.values():
                        writer.add_document(**_document(entry, kb))
                with ix.searcher(weighting=BM25F()) as searcher:
                    score_postings(searcher, FIELD_BOOSTS).write(staging / POSTINGS_FILE)
                with open(staging / CATALOG_FILE, "wb") as handle:
                    pickle.dump(catalog, handle, protocol=pickle.HIGHEST_PROTOCOL)
                (staging / CODE_FILE).write_text(datafiles.code_version(), encoding="ascii")
                if target.exists():
                    shutil.rmtree(target)
                os.rename(staging, target)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            finally:
                forget_texts()
        _write_pointer(root, kb.fingerprint)
        _collect_garbage(root, kb.fingerprint)
    return kb.fingerprint


def open_index(home: Path, fp: str | None = None) -> tuple[whoosh_index.Index, Catalog, PostingTable, str]:
    """Open the index ``fp`` (default: CURRENT) with its catalog and scored postings; teaches jieba the
    catalog's words."""
    fp = fp or current_fingerprint(home)
    if fp is None:
        raise IndexNotBuilt(f"no index in {index_root(home)}: run `ecosys index build`")
    folder = index_root(home) / fp
    try:
        with open(folder / CATALOG_FILE, "rb") as handle:
            catalog: Catalog = pickle.load(handle)
        postings = PostingTable.read(folder / POSTINGS_FILE)
        ix = whoosh_index.open_dir(str(folder))
    except (OSError, EOFError, pickle.UnpicklingError) as exc:
        raise IndexNotBuilt(f"index {folder} is unreadable ({exc}): run `ecosys index build`") from exc
    segment.configure(home)
    segment.add_words(catalog.domain_words)
    return ix, catalog, postings, fp
