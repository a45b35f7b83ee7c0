"""Step 2 of the pipeline, gathering candidates: one text search, plus the entries the question points at.

The text search (``index.textsearch``: Whoosh's BM25F, its postings scored when the index was built) collects
the best ``CANDIDATES`` documents of one OR query and the ``WIDEST`` that say most of it; the entries named,
the members of the categories named and the projects at a named CNCF maturity join them, whatever their words.
Scoring (``index.rank``) decides among them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from whoosh.searching import Searcher

from index.catalog import Catalog
from index.reading import Reading, fragment
from index.store import FIELD_BOOSTS
from index.textsearch import TextSearch

FIELDS = tuple(FIELD_BOOSTS)
"""The text fields searched: every posting of them is scored when the index is built (``index.textsearch``)."""
CANDIDATES = 60
"""How many documents the text search collects: the rest cannot reach the first page on words alone."""
CONTEXT_BOOST = 0.2
"""A named project's own words are context in the text search ("X for kubernetes" is not about Kubernetes)."""
MAX_QUERY_GROUPS = 24
"""A pasted paragraph is cut to its rarest words: more terms only slow the search, they rarely reorder it."""
COVERING_GROUPS = 3
"""From this many words on, the entries that say the most of them are collected too (``TextSearch.search``)."""
WIDEST = 40
"""How many of those: enough for a long question's best match, few enough to score quickly."""


@dataclass
class Candidates:
    """Entries worth scoring, with their BM25F score from the text search (0.0 when joined otherwise)."""

    bm25: dict[str, float] = field(default_factory=dict)
    membership: dict[str, float] = field(default_factory=dict)
    """entry id → 1.0 for a member of the best named category, 0.6 for other named or related ones."""


def document_frequency(searcher: Searcher, term: str) -> int:
    """In how many entries ``term`` occurs, in the field where it occurs most."""
    return _frequency(searcher, term)


@lru_cache(maxsize=65_536)
def _frequency(searcher: Searcher, term: str) -> int:
    return max(searcher.doc_frequency(f, term) for f in FIELDS)


def idf(searcher: Searcher, term: str) -> float:
    """BM25's inverse document frequency of ``term`` over the whole index."""
    return _idf(searcher, term)


@lru_cache(maxsize=65_536)
def _idf(searcher: Searcher, term: str) -> float:
    df = _frequency(searcher, term)
    n = max(searcher.doc_count(), 1)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


FRAGMENT_WEIGHT = 1.0
"""The most a lone Chinese character weighs (``index.reading.fragment``): as much as a common word."""


def word_weight(searcher: Searcher, group: tuple[str, ...], joined: frozenset[str] = frozenset()) -> float:
    """How much a question's word (a term group: the word and its synonyms) is worth: its IDF, over the terms
    the index holds (a synonym no entry uses, a Taiwan spelling say, would otherwise give its group the weight
    of a word nobody writes), at most ``FRAGMENT_WEIGHT`` for a lone Chinese character. A word written together
    with its neighbours in the descriptions (``joined``: "role" of "role bindings" → rolebind) weighs as itself.

    The one weighing of a word: the widest candidates are gathered and the answers scored by it."""
    own = [t for t in group if t not in joined] or list(group)
    present = [t for t in own if document_frequency(searcher, t) > 0]
    value = max(idf(searcher, t) for t in (present or own))
    return min(value, FRAGMENT_WEIGHT) if fragment(group) else value


def said_once(
    weighed: Sequence[tuple[tuple[str, ...], float]], word_of: Mapping[tuple[str, ...], int]
) -> list[tuple[tuple[str, ...], float]]:
    """Groups with their weights, those said in one word (``Reading.word_of``) weighing together what the
    heaviest of them weighs, each its share: 几十个 is cut into 几十个, 几十 and 十个, 多集群管理 into 多集群,
    集群, 集群管理 and 管理, and a word is not worth more for the number of words jieba finds inside it."""
    total: dict[int, float] = {}
    top: dict[int, float] = {}
    for group, weight in weighed:
        if group in word_of:
            word = word_of[group]
            total[word] = total.get(word, 0.0) + weight
            top[word] = max(top.get(word, 0.0), weight)
    share = {word: top[word] / total[word] for word in total if total[word]}
    return [(g, w * share.get(word_of.get(g, -1), 1.0)) for g, w in weighed]


Query = list[tuple[str, str, float, int]]
"""``(field, term, boost, group)`` of an OR query (group -1: counted in no coverage)."""


def _query(groups: Sequence[tuple[str, ...]], boost: float = 1.0, numbered: bool = True) -> Query:
    return [
        (f, t, boost, i if numbered else -1) for i, group in enumerate(groups) for t in group for f in FIELDS
    ]


ALIKE_BOOST = 0.5
"""Asked for something instead of a project, what it is tagged with finds what does its job too."""


def _search_groups(
    searcher: Searcher, catalog: Catalog, reading: Reading
) -> tuple[Query, Query, list[float]]:
    # What the question asks about: its own words and category words, not the maturity or "CNCF"
    # (evidence of their own) nor the names (context, below).
    asked = [*reading.content, *reading.category_groups]
    joined = reading.joined
    weighed = dict(
        said_once([(g, word_weight(searcher, g, joined)) for g in reading.content], reading.word_of)
    )
    weighed.update((g, word_weight(searcher, g, joined)) for g in reading.category_groups)
    if len(asked) > MAX_QUERY_GROUPS:
        asked = sorted(asked, key=lambda g: -weighed[g])[:MAX_QUERY_GROUPS]
    context = reading.name_terms if asked else ()
    weights = [weighed[g] for g in asked] if len(asked) >= COVERING_GROUPS else []
    tags = sorted({t for e in reading.alternatives_of for t in catalog.tag_terms.get(e, frozenset())})
    alike = _query([(t,) for t in tags], ALIKE_BOOST, numbered=False)
    return (
        _query(asked or reading.name_terms),
        _query(context, CONTEXT_BOOST, numbered=False) + alike,
        weights,
    )


def gather(searcher: Searcher, catalog: Catalog, reading: Reading, text: TextSearch) -> Candidates:
    """Everything that could be a good answer to ``reading``."""
    found = Candidates()
    terms, context, weights = _search_groups(searcher, catalog, reading)
    if terms:
        for entry_id, score in text.search(terms + context, limit=CANDIDATES, weights=weights, widest=WIDEST):
            found.bm25[entry_id] = score
    top = reading.top_categories or reading.categories[:1]
    for category_id in reading.categories:
        weight = 1.0 if category_id in top else 0.6
        for entry_id in catalog.by_category.get(category_id, []):
            found.membership[entry_id] = max(found.membership.get(entry_id, 0.0), weight)
    for category_id in top:
        for entry_id in catalog.related_by_category.get(category_id, []):
            found.membership[entry_id] = max(found.membership.get(entry_id, 0.0), 0.6)
    for entry_id in found.membership:
        found.bm25.setdefault(entry_id, 0.0)
    for entry_id in reading.named:
        found.bm25.setdefault(entry_id, 0.0)
        for neighbour in catalog.by_category.get(catalog.entries[entry_id].category, []):
            found.bm25.setdefault(neighbour, 0.0)
        for successor in catalog.entries[entry_id].successors:
            found.bm25.setdefault(successor, 0.0)
    if reading.maturity:
        for entry in catalog.entries.values():
            if entry.cncf is not None and entry.cncf.maturity == reading.maturity:
                found.bm25.setdefault(entry.id, 0.0)
    return found
