"""What lies near a question that found nothing: the categories it comes closest to, and whether it is
about the ecosystem at all.

Both read the question the way the engine does (``read_question``) and compare its index terms with
each category's own words (name, terms and description, in both languages), weighted by how few
categories share a word: "secret storage" is nearer to secrets management than to every category that
says "storage".
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping

from index.catalog import Catalog
from index.model import Category
from index.question_words import COMPARE_TERMS
from index.reading import Reading
from index.tokenizer import analyze

_computed: list[tuple[Catalog, dict[str, frozenset[str]]]] = []
_lock = threading.Lock()


def _words(category: Category) -> frozenset[str]:
    texts = [category.name.zh, category.name.en, category.description.zh, category.description.en]
    return frozenset(t for text in [*texts, *category.terms] if text for t in analyze(text))


def category_terms(catalog: Catalog) -> dict[str, frozenset[str]]:
    """Category id → the index terms of its name, terms and description; computed once per catalog."""
    with _lock:
        for known, terms in _computed:
            if known is catalog:
                return terms
    terms = {category.id: _words(category) for category in catalog.categories.values()}
    with _lock:
        _computed[:] = [*_computed[-1:], (catalog, terms)]  # the current catalog and the one before
    return terms


def near_categories(
    reading: Reading, catalog: Catalog, *, populated: Mapping[str, int], limit: int = 8
) -> list[str]:
    """Ids of up to ``limit`` categories with entries that share words with the question, nearest first.

    A category the question names comes first; then categories by the summed rarity of the question's
    words they contain. Empty categories (``populated`` count 0) are never returned.
    """
    words_of = category_terms(catalog)
    groups = [g for g in reading.all_terms if not COMPARE_TERMS.intersection(g)]
    sharing: dict[str, int] = {}
    for group in groups:
        sharing[group] = sum(1 for terms in words_of.values() if terms.intersection(group))
    total = max(len(words_of), 1)
    scores: dict[str, float] = {}
    for category_id, terms in words_of.items():
        if not populated.get(category_id):
            continue
        score = sum(math.log(1 + total / sharing[g]) for g in groups if sharing[g] and terms.intersection(g))
        if category_id in reading.categories:
            score += 100.0
        if score > 0:
            scores[category_id] = score
    order = {cid: n for n, cid in enumerate(catalog.categories)}
    ranked = sorted(scores, key=lambda cid: (-scores[cid], order[cid]))
    return ranked[:limit]
