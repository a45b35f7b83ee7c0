"""The one nothing-found rule (``bot.nothing_found``), on the real engine."""

from __future__ import annotations

import pytest

from bot.nothing_found import MAX_CATEGORIES, asked_categories, help_for


@pytest.mark.parametrize(
    "question", ["今天天气怎么样", "qwzxv plorkington", "%00", "😀😀😀", "lunch menu near the office"]
)
def test_nothing_near_offers_the_most_asked_populated_categories(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = engine.search(question)
    assert not answer.found
    most_asked = ["service-mesh", "no-such-category", "service-discovery"]
    found = help_for(engine, answer, most_asked=most_asked)
    counts = {c.id: n for c, n in engine.categories()}
    assert [c.id for c in found.categories[:2]] == ["service-mesh", "service-discovery"]
    assert len(found.categories) == MAX_CATEGORIES
    assert all(counts[c.id] == c.count > 0 for c in found.categories)


def test_a_question_near_categories_offers_those_first(engine) -> None:  # type: ignore[no-untyped-def]
    near = engine.near_categories("how to store secrets safely")
    assert near and near[0][0].id == "key-management"
    assert all(n > 0 for _, n in near)


def test_a_near_spelling_is_did_you_mean_only(engine) -> None:  # type: ignore[no-untyped-def]
    found = help_for(engine, engine.show("etcx"), most_asked=[])
    assert found.did_you_mean == ("etcd",) and found.categories == ()


def test_traditional_questions_get_traditional_category_names(engine) -> None:  # type: ignore[no-untyped-def]
    found = help_for(engine, engine.search("今天天氣怎麼樣"), most_asked=["service-discovery"])
    assert found.lang == "zh-Hant" and found.categories[0].name == "服務發現"


def test_most_asked_counts_category_and_project_questions(engine) -> None:  # type: ignore[no-untyped-def]
    ranked = asked_categories(engine, [("服务网格", 2), ("etcd", 3), ("consul", 1), ("今天天气", 9)])
    assert ranked[:2] == ["service-discovery", "service-mesh"]


@pytest.mark.parametrize(
    ("question", "in_domain"),
    [("今天天气怎么样", False), ("😀😀😀", False), ("%00", False), ("weather tomorrow", False),
     ("服务网格", True), ("flibbertigibbet operator for kubernetes", True), ("etcd", True)],
)  # fmt: skip
def test_in_domain(engine, question: str, in_domain: bool) -> None:  # type: ignore[no-untyped-def]
    assert engine.in_domain(question) is in_domain
