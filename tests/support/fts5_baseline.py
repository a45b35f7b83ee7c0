"""A plain BM25 baseline: SQLite FTS5 over the same entries and the same jieba tokens.

No query understanding, no priors, no floor beyond "some term matched": what a straightforward
full-text search would answer. The relevance test and the benchmark print it beside ours.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from index.model import Entry
from index.tokenizer import analyze


def _tokens(text: str) -> str:
    return " ".join(t.replace('"', "") for t in analyze(text))


class Fts5Baseline:
    """An in-memory FTS5 table with one row per entry, columns name/aliases, tags, description."""

    def __init__(self, entries: Iterable[Entry], categories: dict[str, str]) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, name, category, tags, body)")
        rows = [
            (
                e.id,
                _tokens(" ".join((e.name, *e.aliases))),
                _tokens(categories.get(e.category, "")),
                _tokens(" ".join(e.tags)),
                _tokens(" ".join((e.description.zh, e.description.en, *e.other_descriptions))),
            )
            for e in entries
        ]
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
        self.db.commit()

    def search(self, question: str, limit: int = 50) -> list[str]:
        terms = sorted(set(analyze(question)))
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
        rows = self.db.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 5.0, 2.0, 2.0, 1.0) LIMIT ?",
            (match, limit),
        )
        return [row[0] for row in rows]
