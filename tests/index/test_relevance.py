"""Relevance: recall@5 and MRR over the relevance set, beside a plain FTS5/BM25 baseline.

Run with ``-s`` to see the figures; misses are printed whenever a bar is not met.
"""

from __future__ import annotations

import pytest

from tests.support.fts5_baseline import Fts5Baseline
from tests.support.relevance import CURATED_SETS, LANDSCAPE_SETS, K, evaluate, load_questions

RECALL_BAR = 0.95
MRR_BAR = 0.85


def _ours(engine):  # type: ignore[no-untyped-def]
    return lambda q: [h.entry.id for h in engine.search(q, limit=K * 4).hits]


def _baseline(engine) -> Fts5Baseline:  # type: ignore[no-untyped-def]
    names = {c.id: f"{c.name.zh} {c.name.en} {' '.join(c.terms)}" for c, _n in engine.categories()}
    return Fts5Baseline(engine.entries().values(), names)


def _check(name: str, engine, sets) -> None:  # type: ignore[no-untyped-def]
    questions = load_questions(sets)
    ours = evaluate(name, questions, _ours(engine))
    baseline = evaluate("fts5-bm25", questions, _baseline(engine).search)
    print(f"\n{len(questions)} questions ({', '.join(sets)}), {len(engine.entries())} entries")
    print(ours.line())
    print(baseline.line())
    ok = ours.recall >= RECALL_BAR and ours.mrr >= MRR_BAR and ours.out_of_scope_ok == ours.out_of_scope_total
    if not ok:
        print("\n".join(ours.misses))
    assert ours.recall >= RECALL_BAR
    assert ours.mrr >= MRR_BAR
    assert ours.out_of_scope_ok == ours.out_of_scope_total, "an out-of-scope question found something"


def test_relevance_curated(engine) -> None:  # type: ignore[no-untyped-def]
    _check("ecosys", engine, CURATED_SETS)


def test_relevance_with_the_landscape_imported(landscape_engine) -> None:  # type: ignore[no-untyped-def]
    """The foundation's questions keep their bars at 2,400 entries, and the landscape's own pass too."""
    _check("ecosys", landscape_engine, CURATED_SETS + LANDSCAPE_SETS)


@pytest.mark.parametrize("kind", ["category", "typo", "comparison", "out-of-scope", "traditional"])
def test_each_kind_is_in_the_set(kind: str) -> None:
    """The set keeps covering every way people ask (a guard against it shrinking to easy questions)."""
    questions = load_questions(CURATED_SETS)
    assert sum(1 for q in questions if q.kind == kind) >= 5
