"""Ranking: BM25F from Whoosh, weighted by how much of the question an entry covers, plus priors.

Three orders come from here:

- ``search``: descriptive questions. An entry must cover at least ``MIN_COVERAGE`` of the question's
  meaningful words (weighted by IDF) to be shown at all: the relevance floor that lets "今天天气怎么样"
  answer nothing instead of the least bad match.
- ``category_order``: a category's entries, best first — the editor's featured picks, then priors
  (curated, CNCF maturity, alive, described) and any extra words of the question.
- ``prior``: what makes one entry a better answer than another when relevance is equal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from whoosh.query import Or, Term
from whoosh.searching import Searcher

from index.catalog import Catalog
from index.model import Entry

FIELDS = ("name", "category", "tags", "desc")
OWN_FIELDS = ("name", "tags", "desc")
"""An entry's own words: without the ``category`` field every member of a category shares."""
MIN_COVERAGE = 0.5
CONTEXT_BOOST = 0.2
NAMED_CONTEXT_COVERAGE = 0.75
"""A project a question names beside other words must answer those words well to be shown."""
LONG_QUESTION_COVERAGE = 0.4
"""A question of four or more meaningful words is chattier: a smaller share of it must match."""
CANDIDATES = 300
MATURITY_PRIOR = {"graduated": 1.0, "incubating": 0.7, "sandbox": 0.2, "archived": -1.0}


@dataclass(frozen=True)
class Scored:
    entry_id: str
    score: float
    terms: frozenset[str]
    """The question's index terms this entry matched (for highlighting)."""


def prior(entry: Entry) -> float:
    """A small, bounded preference: curated over imported, graduated over sandbox, alive over gone."""
    value = 1.0 if entry.source == "curated" else 0.0
    if entry.repo:
        value += 0.3  # an open-source project, not only a company or a hosted product
    if entry.cncf is not None:
        value += MATURITY_PRIOR.get(entry.cncf.maturity, 0.0)
    if not entry.is_active:
        value -= 1.5
    if not entry.has_description:
        value -= 0.5
    return value


def document_frequency(searcher: Searcher, term: str) -> int:
    """In how many entries ``term`` occurs, in the field where it occurs most."""
    return max(searcher.doc_frequency(f, term) for f in FIELDS)


def _idf(searcher: Searcher, term: str) -> float:
    df = document_frequency(searcher, term)
    n = max(searcher.doc_count(), 1)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def floor_for(groups: Sequence[tuple[str, ...]]) -> float:
    """The share of a question an entry must cover to be shown at all."""
    return LONG_QUESTION_COVERAGE if len(groups) >= 4 else MIN_COVERAGE


def _group_query(groups: Sequence[tuple[str, ...]], fields: Sequence[str], boost: float = 1.0) -> Or:
    return Or([Term(f, t, boost=boost) for group in groups for t in group for f in fields])


def relevance(
    searcher: Searcher,
    groups: Sequence[tuple[str, ...]],
    *,
    cover: Sequence[tuple[str, ...]] | None = None,
    context: Sequence[tuple[str, ...]] = (),
    fields: Sequence[str] = FIELDS,
    limit: int = CANDIDATES,
) -> dict[str, tuple[float, float, frozenset[str]]]:
    """entry id → (BM25F score over ``groups``, IDF-weighted coverage of ``cover``, matched terms).

    ``cover`` defaults to ``groups``; a question that names a project passes only its other words,
    so "something like etcd" is judged on what it asks for, not on saying "etcd". ``fields``
    narrows where terms may match (a category's own ranking leaves out the shared category words).
    """
    if not groups:
        return {}
    cover = list(cover) if cover else list(groups)
    # A word no entry uses weighs most (its IDF is the highest): a question about pizza is not
    # half-answered by whatever mentions an office.
    weights = [max(_idf(searcher, t) for t in group) for group in cover]
    total = sum(weights) or 1.0
    query = _group_query(groups, fields)
    if context:  # named projects as context: a little weight, so "X for kubernetes" is not about Kubernetes
        query = Or([query, _group_query(context, fields, boost=CONTEXT_BOOST)])
    results = searcher.search(query, limit=limit, terms=True)
    found: dict[str, tuple[float, float, frozenset[str]]] = {}
    for hit in results:
        matched = frozenset(text.decode("utf-8") for _field, text in hit.matched_terms())
        covered = sum(w for w, group in zip(weights, cover, strict=True) if matched.intersection(group))
        found[hit["id"]] = (hit.score, covered / total, matched)
    return found


def search(
    searcher: Searcher,
    catalog: Catalog,
    groups: Sequence[tuple[str, ...]],
    *,
    cover: Sequence[tuple[str, ...]] | None = None,
    context: Sequence[tuple[str, ...]] = (),
    named: Sequence[str] = (),
    maturity: str | None = None,
    cncf: bool = False,
) -> list[Scored]:
    """Entries that answer a descriptive question, best first; empty below the relevance floor.

    ``named``: projects the question names; when they answer it too, they lead among equals.
    """
    floor = floor_for(cover or groups)
    scored = []
    found = relevance(searcher, groups, cover=cover, context=context)
    for entry_id, (bm25, coverage, terms) in found.items():
        if coverage < (max(floor, NAMED_CONTEXT_COVERAGE) if entry_id in named and cover else floor):
            continue  # "package manager for kubernetes" is not a question about Kubernetes itself
        entry = catalog.entries[entry_id]
        score = bm25 * max(coverage, 0.5) ** 2 * (1.0 + 0.25 * prior(entry))
        if entry_id in named and len(cover or ()) <= 1:
            score *= 1.5  # the question is about it; with more to say, a name is only context
        if maturity and entry.cncf is not None and entry.cncf.maturity == maturity:
            score *= 1.5
        elif maturity or cncf:
            score *= 1.2 if entry.cncf is not None else 0.6
        scored.append(Scored(entry_id, score, terms))
    scored.sort(key=lambda s: (-s.score, s.entry_id))
    return scored


def category_order(
    searcher: Searcher,
    catalog: Catalog,
    category_ids: Sequence[str],
    groups: Sequence[tuple[str, ...]],
    *,
    top: Sequence[str] = (),
    share: float = 1.0,
    by_name: bool = True,
    maturity: str | None = None,
) -> list[Scored]:
    """The entries of the named categories, best first, ranked by the whole question.

    ``category_ids``: the categories the question named, best first; ``top``: those tied for best.
    ``share``: how much of the question the category words are (1.0 for a bare "服务发现"). The
    more the question is only the category — by its own name (``by_name``), not a narrower term such
    as 日志收集 for monitoring — the more membership and the editor's ``featured`` picks decide; the more else it says, the more the words decide, and an entry outside the categories
    that covers the whole question (AWS container service → Amazon ECS) may join.
    """
    top = list(top) or list(category_ids[:1])
    membership: dict[str, float] = {}
    for category_id in category_ids:
        weight = 1.0 if category_id in top else 0.6
        for entry_id in catalog.by_category.get(category_id, []):
            membership[entry_id] = max(membership.get(entry_id, 0.0), weight)
    for category_id in top:
        for entry_id in catalog.related_by_category.get(category_id, []):
            membership[entry_id] = max(membership.get(entry_id, 0.0), 0.6)
    matched = relevance(searcher, groups, fields=OWN_FIELDS) if groups else {}
    best = max((m[0] for m in matched.values()), default=1.0) or 1.0
    featured: dict[str, float] = {}
    for category_id in top:
        picks = catalog.picks.get(category_id, [])
        for i, entry_id in enumerate(picks):
            # Asked bare, the editor's order is the answer; asked with more words, picks only lead ties.
            bonus = (
                20.0 * (len(picks) - i + 1)
                if share >= 0.99 and by_name
                else (2.0 + 2.0 * share) * (1 - i / (2 * len(picks)))
            )
            featured.setdefault(entry_id, bonus)
    floor = floor_for(groups)
    outsiders = {e for e, m in matched.items() if m[1] >= floor}
    scored = []
    for entry_id in set(membership) | outsiders:
        entry = catalog.entries[entry_id]
        bm25, coverage, terms = matched.get(entry_id, (0.0, 0.0, frozenset()))
        score = (4.0 * membership.get(entry_id, 0.0)) * (0.5 + 0.5 * share) + prior(entry)
        score += 6.0 * coverage**2 * (0.5 + 0.5 * bm25 / best)
        if by_name or coverage >= floor:  # after a narrower term, a pick leads only if it answers it
            score += featured.get(entry_id, 0.0)
        if maturity and entry.cncf is not None and entry.cncf.maturity == maturity:
            score += 4.0
        scored.append(Scored(entry_id, score, terms))
    order = {entry_id: i for i, entry_id in enumerate(catalog.entries)}
    scored.sort(key=lambda s: (-s.score, order[s.entry_id]))
    return scored
