"""The text search of the candidate step: Whoosh's BM25F over its own postings, summed per question by us.

``searcher.search(Or(terms))`` builds a matcher tree on every call and scores every posting of every term
again, which is most of a long question's time (a 20-word question touches a few thousand postings). A
posting's BM25F score does not depend on the question, so every posting of the searched fields is scored once,
when the index is built (``score_postings``, with Whoosh's own BM25F formula), and stored beside it: a question
only adds up the scores of its terms, the same ranking as the OR query, and never reads Whoosh's posting
lists (reading a term's postings the first time it is asked cost a question about a millisecond).
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh.scoring import BM25F, bm25
from whoosh.searching import Searcher

Postings = tuple[Sequence[int], Sequence[float]]
"""Document numbers of a term's postings and their BM25F scores (query boost 1)."""


@dataclass(frozen=True)
class PostingTable:
    """Every posting of the searched fields with its BM25F score, in two flat arrays (a few MB for 2,700
    entries, where a tuple per term would take several times that)."""

    spans: dict[tuple[str, str], tuple[int, int]]
    """``(field, term)`` → where its postings are in ``docs`` and ``scores``."""
    docs: array  # type: ignore[type-arg]
    scores: array  # type: ignore[type-arg]
    ids: tuple[str, ...]
    """Entry id of each document number."""

    def write(self, path: Path) -> None:
        with open(path, "wb") as handle:
            pickle.dump(self, handle, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def read(path: Path) -> PostingTable:
        with open(path, "rb") as handle:
            table = pickle.load(handle)
        if not isinstance(table, PostingTable):
            raise pickle.UnpicklingError(f"{path} holds no posting table")
        return table


def score_postings(searcher: Searcher, fields: Iterable[str]) -> PostingTable:
    """Score every posting of ``fields`` the way Whoosh's ``BM25FScorer`` does (every field of the schema is
    scorable), with the field lengths and their average read once per field."""
    weighting = searcher.weighting
    assert isinstance(weighting, BM25F), type(weighting)
    reader = searcher.reader()
    count = reader.doc_count_all()
    wanted = set(fields)
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    docs, scores = array("i"), array("d")
    lengths: dict[str, tuple[list[int], float]] = {}
    for field, btext in reader.all_terms():
        if field not in wanted:
            continue
        if field not in lengths:
            lengths[field] = (
                [searcher.doc_field_length(n, field, 1) for n in range(count)],
                searcher.avg_field_length(field) or 1,
            )
        field_lengths, avgfl = lengths[field]
        idf, b, k1 = searcher.idf(field, btext), weighting._field_B.get(field, weighting.B), weighting.K1
        start = len(docs)
        matcher = reader.postings(field, btext)
        while matcher.is_active():
            doc = matcher.id()
            docs.append(doc)
            scores.append(bm25(idf, matcher.weight(), field_lengths[doc], avgfl, b, k1))
            matcher.next()
        spans[(field, btext.decode("utf-8"))] = (start, len(docs))
    ids = tuple((reader.stored_fields(n) or {}).get("id", "") for n in range(count))
    return PostingTable(spans, docs, scores, ids)


class TextSearch:
    """The summed BM25F search over one index's ``PostingTable``; thread-safe (it only reads)."""

    def __init__(self, table: PostingTable) -> None:
        self._table = table

    def postings(self, field: str, term: str) -> Postings:
        start, end = self._table.spans.get((field, term), (0, 0))
        return self._table.docs[start:end], self._table.scores[start:end]

    def search(
        self,
        terms: Sequence[tuple[str, str, float, int]],
        limit: int,
        weights: Sequence[float] = (),
        widest: int = 0,
    ) -> list[tuple[str, float]]:
        """The ``limit`` best entry ids for an OR of ``(field, term, boost, group)``, with their scores.

        With ``weights`` (one per group), also the ``widest`` entries that say the most of the question:
        the weights of the groups they match, summed once per group. A summed BM25 favours an entry
        saying one common word often, in its name too ("cluster"); the entry that says five of the
        question's six words ("keeps clusters in sync with Git") must still reach the scoring step.
        """
        totals: dict[int, float] = {}
        said: dict[int, int] = {}
        for field, term, boost, group in terms:
            docs, scores = self.postings(field, term)
            bit = 1 << group if 0 <= group < len(weights) else 0
            for doc, score in zip(docs, scores, strict=True):
                totals[doc] = totals.get(doc, 0.0) + boost * score
                if bit:
                    said[doc] = said.get(doc, 0) | bit
        best = [(doc, totals[doc]) for doc in heapq.nlargest(limit, totals, key=totals.__getitem__)]
        if weights and widest:
            masks = {
                mask: sum(w for g, w in enumerate(weights) if mask >> g & 1) for mask in set(said.values())
            }
            chosen = {doc for doc, _score in best}
            wide = heapq.nlargest(widest, said, key=lambda d: (masks[said[d]], totals[d], -d))
            best += [(doc, totals[doc]) for doc in wide if doc not in chosen]
        ids = self._table.ids
        return [(ids[doc], score) for doc, score in best if score > 0]
