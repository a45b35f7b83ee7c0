"""Chatter: the words said around the names a question says when they describe nothing to look for ("my manager
wants a one-pager on Longhorn"), and the question's words as the off-topic tests weigh them (``words_said``)."""

from __future__ import annotations

from index.catalog import Catalog
from index.question_words import COMPARE_TERMS
from index.reading import Reading, fragment
from index.specificity import evidence, leaning

CHATTER = 0.0
"""At most this much ecosystem evidence (``index.specificity.evidence``) in the words around the names, and those
words are chatter: "my manager wants a one-pager on Longhorn by EOD", "新人一枚，老大让我先熟悉下 Prometheus，这是干嘛
用的？" ask about Longhorn and Prometheus, and "EOD", 老大 and 报到 describe nothing to look for."""


NEED_WORD = 1.5
"""A word said this much more here than in everyday text (log10: thirty times; cache, query, not manager) names
something to look for."""
NEED_WORDS = 2
"""With this many such words around the names, the words describe a need, however much everyday talk surrounds
them ("…is there something we can drop in front of prometheus that caches and only pulls the newest points?")."""


def chatter_around_names(reading: Reading, catalog: Catalog) -> bool:
    """Whether the words around the names a question says (spelled right) are chatter: it asks what one of them
    is or whether it still stands ("is brigade still a thing? found it in a design doc from 2020…"), or, with no
    category, no "instead of" and not only names everybody says (Kubernetes: "how to save money on k8s" asks for
    something else), how to do something with one ("harbor 怎么部署到生产环境的集群里": Harbor, not an installer that
    says 部署 and 生产环境) or its other words lean to everyday language (``CHATTER``)."""
    exact = [e for e in reading.named if e not in reading.typo_named]
    if not (exact and reading.content) or reading.alternatives_of:
        return False
    if reading.asked_what or reading.asked_if_alive:
        return True
    if reading.categories or all(e in reading.generic_named for e in exact):
        return False
    if reading.asked_how:
        return True
    words = words_said(reading)
    if sum(1 for g in words if leaning(g, catalog.specific) >= NEED_WORD) >= NEED_WORDS:
        return False
    return evidence(words, catalog.specific) <= CHATTER


def words_said(reading: Reading) -> list[tuple[str, ...]]:
    """The question's own words, one group of index terms per word as written, without lone characters and
    comparison cues: what the off-topic tests weigh. The groups jieba cut from one word (七八个: 七八, 七八个, 八个)
    are one word, which a word the ecosystem never says would otherwise count against it three times. An English
    word keeps only its English synonyms: how much "host" is the ecosystem's is judged against everyday English,
    not by 托管 (hosted), its synonym in Chinese descriptions. A Chinese word keeps its English ones: most of the
    knowledge base is English, and 消息 is the ecosystem's through "messaging"."""
    merged: dict[int, tuple[str, ...]] = {}
    for group in reading.content:
        if fragment(group) or COMPARE_TERMS.intersection(group):
            continue
        own = tuple(t for t in group if t.isascii()) if group in reading.written_ascii else group
        word = reading.word_of.get(group, -1 - len(merged))
        merged[word] = merged.get(word, ()) + tuple(t for t in own if t not in merged.get(word, ()))
    return list(merged.values())
