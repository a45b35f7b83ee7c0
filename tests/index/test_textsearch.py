"""The candidate step's text search: summed BM25F, and the entries that say the most of a question."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.scoring import BM25F

from index import segment, store
from index.textsearch import TextSearch, score_postings

DOCUMENTS = {
    "cluster-tool": ("Cluster Tool", "cluster cluster cluster"),
    "cluster-kit": ("Cluster Kit", "a cluster kit for clusters"),
    "syncer": ("Syncer", "keeps clusters in sync with git automatically"),
}


@pytest.fixture()
def searcher(tmp_path: Path):  # type: ignore[no-untyped-def]
    segment.configure(tmp_path)
    ix = whoosh_index.create_in(str(tmp_path), store.make_schema())
    with ix.writer() as writer:
        for entry_id, (name, desc) in DOCUMENTS.items():
            writer.add_document(id=entry_id, name=name, category="", tags="", desc=desc, curated=1)
    with ix.searcher(weighting=BM25F()) as opened:
        yield opened


def _text_search(searcher) -> TextSearch:  # type: ignore[no-untyped-def]
    return TextSearch(score_postings(searcher, store.FIELD_BOOSTS))


# The common word weighs most in the summed score (a boost stands in for a name field saying it often).
QUERY = [
    ("name", "cluster", 10.0, 0),
    ("desc", "cluster", 10.0, 0),
    ("desc", "keep", 1.0, 1),
    ("desc", "sync", 1.0, 2),
    ("desc", "git", 1.0, 3),
]


def test_summed_score_alone_collects_the_entries_saying_the_common_word(searcher) -> None:  # type: ignore[no-untyped-def]
    found = [entry_id for entry_id, _score in _text_search(searcher).search(QUERY, limit=1)]
    assert found == ["cluster-tool"]


def test_the_entry_saying_most_of_the_question_is_collected_too(searcher) -> None:  # type: ignore[no-untyped-def]
    weights = [0.5, 2.0, 2.0, 2.0]  # "cluster" is the least informative word
    found = [
        entry_id
        for entry_id, _score in _text_search(searcher).search(QUERY, limit=1, weights=weights, widest=1)
    ]
    assert found == ["cluster-tool", "syncer"]


@pytest.mark.parametrize(("field", "term"), [("desc", "cluster"), ("name", "cluster"), ("desc", "git")])
def test_a_postings_scores_are_whooshs_own_bm25f(searcher, field: str, term: str) -> None:  # type: ignore[no-untyped-def]
    """Scores computed when the index is built, with the field lengths read once per field, equal Whoosh's
    scorer, posting by posting."""
    docs, scores = _text_search(searcher).postings(field, term)
    scorer = searcher.weighting.scorer(searcher, field, term)
    matcher = searcher.postings(field, term)
    expected_docs, expected_scores = [], []
    while matcher.is_active():
        expected_docs.append(matcher.id())
        expected_scores.append(scorer.score(matcher))
        matcher.next()
    assert expected_docs and list(docs) == expected_docs
    assert list(scores) == pytest.approx(expected_scores)
