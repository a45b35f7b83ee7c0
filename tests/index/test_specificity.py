"""Specificity: how much more the knowledge base says a word than everyday text does."""

from __future__ import annotations

from index.specificity import EVERYDAY, UNKNOWN, everyday_english, evidence, specificity


def test_a_word_of_the_ecosystem_is_specific_and_an_everyday_word_is_not() -> None:
    # About a thousand words: "get" less often than everyday English says it, "kubelet" far more.
    texts = [[("kubernet", "kubernetes")] * 980, [("kubelet", "kubelet")] * 10, [("get", "get")]]
    texts += [[("build", "building")] * 4, [("build", "builds")] * 4]
    specific = specificity(texts)
    assert specific["kubelet"] > 3 > 0 > specific["get"]
    # "build" adds up its forms' everyday rates ("building", "builds" and "build" itself).
    assert specific["build"] < specific["kubelet"]


def test_evidence_adds_words_up_and_unknown_words_lean_away() -> None:
    specific = {"kubelet": 4.0, "get": -1.5}
    assert evidence([("kubelet",)], specific) == 4.0
    assert evidence([("get",)], specific) == EVERYDAY  # chat is full of everyday words: they weigh little
    assert evidence([("pizza",)], specific) == UNKNOWN
    assert evidence([("kubelet",), ("pizza",), ("get",)], specific) == 4.0 + UNKNOWN + EVERYDAY
    assert evidence([("pizza", "kubelet")], specific) == 4.0  # a word and its synonyms: the most specific


def test_names_everyday_english_says_are_told_from_those_it_never_says() -> None:
    # calico and argo are rarer than the "small" lists reach (once in a million words), and still words.
    assert everyday_english(["calico", "argo", "harbor", "istio", "etcd", "cilium"]) == {
        "calico",
        "argo",
        "harbor",
    }
