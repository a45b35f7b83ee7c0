"""The text search of the candidate step: Whoosh's BM25F over its own postings, summed per question by us.

``searcher.search(Or(terms))`` builds a matcher tree on every call and scores every posting of every term
again, which is most of a long question's time (a 20-word question touches a few thousand postings). A
posting's BM25F score does not depend on the question, so it is read once per ``(field, term)`` for the
lifetime of an index, with Whoosh's own BM25F formula, and a question only adds up the scores of its terms: the
same ranking as the OR query, a few dictionary updates per posting. One ``TextSearch`` serves every thread
of an engine and is replaced with the index.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Sequence

from whoosh.scoring import BM25F, bm25
from whoosh.searching import Searcher

Postings = tuple[tuple[int, ...], tuple[float, ...]]
"""Document numbers of a term's postings and their BM25F scores (query boost 1)."""


class TextSearch:
    """Cached postings of one index; thread-safe (a race only reads the same postings twice)."""

    def __init__(self) -> None:
        self._postings: dict[tuple[str, str], Postings] = {}
        self._field_lengths: dict[str, tuple[tuple[int, ...], float]] = {}
        self._ids: tuple[str, ...] | None = None
        self._lock = threading.Lock()

    def postings(self, searcher: Searcher, field: str, term: str) -> Postings:
        key = (field, term)
        found = self._postings.get(key)
        if found is None:
            found = self._read(searcher, field, term)
            self._postings[key] = found
        return found

    def search(
        self,
        searcher: Searcher,
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
            docs, scores = self.postings(searcher, field, term)
            bit = 1 << group if 0 <= group < len(weights) else 0
            for doc, score in zip(docs, scores, strict=True):
                totals[doc] = totals.get(doc, 0.0) + boost * score
                if bit:
                    said[doc] = said.get(doc, 0) | bit
        best = heapq.nlargest(limit, totals.items(), key=lambda item: (item[1], -item[0]))
        if weights and widest:
            masks = {
                mask: sum(w for g, w in enumerate(weights) if mask >> g & 1) for mask in set(said.values())
            }
            chosen = {doc for doc, _score in best}
            wide = heapq.nlargest(widest, said, key=lambda d: (masks[said[d]], totals[d], -d))
            best += [(doc, totals[doc]) for doc in wide if doc not in chosen]
        ids = self._doc_ids(searcher)
        return [(ids[doc], score) for doc, score in best if score > 0]

    def _read(self, searcher: Searcher, field: str, term: str) -> Postings:
        if (field, term) not in searcher.reader():
            return (), ()
        matcher = searcher.postings(field, term)
        docs, weights = [], []
        while matcher.is_active():
            docs.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        # Whoosh's own BM25F (``BM25FScorer``: every field of the schema is scorable), with the field lengths
        # and their average read once per field instead of once per posting.
        weighting = searcher.weighting
        assert isinstance(weighting, BM25F), type(weighting)
        lengths, avgfl = self._lengths(searcher, field)
        idf, b, k1 = searcher.idf(field, term), weighting._field_B.get(field, weighting.B), weighting.K1
        scores = tuple(bm25(idf, w, lengths[d], avgfl, b, k1) for d, w in zip(docs, weights, strict=True))
        return tuple(docs), scores

    def _lengths(self, searcher: Searcher, field: str) -> tuple[tuple[int, ...], float]:
        found = self._field_lengths.get(field)
        if found is None:
            count = searcher.reader().doc_count_all()
            lengths = tuple(searcher.doc_field_length(n, field, 1) for n in range(count))
            found = (lengths, searcher.avg_field_length(field) or 1)
            self._field_lengths[field] = found
        return found

    def _doc_ids(self, searcher: Searcher) -> tuple[str, ...]:
        if self._ids is None:
            with self._lock:
                if self._ids is None:
                    reader = searcher.reader()
                    self._ids = tuple(
                        (reader.stored_fields(n) or {}).get("id", "") for n in range(reader.doc_count_all())
                    )
        return self._ids
