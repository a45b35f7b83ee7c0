"""How much a word is the ecosystem's rather than everyday language's: the evidence of the off-topic gate.

A word's *specificity* is how much more often the knowledge base says it than everyday text does: log10 of
its share of the knowledge base's words over its share of everyday English or Chinese (wordfreq's "small"
lists: subtitles, Wikipedia, news, the web). "kubelet" (5.4), 集群 (3.0) and "registry" (2.2) are the
ecosystem's; "get" (-1.0), 问题 (-0.5) and "home" (-1.0) are everybody's, even though descriptions say them
too. A question is about the ecosystem when its words, added up, lean that way (``evidence``), which a
count of "words some description uses" cannot tell: descriptions use most everyday words.

Computed once per knowledge base, when the catalog is built: the everyday lists are read then, never
while answering.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

EVERYDAY_FLOOR = 1e-7
"""The everyday rate of a word the lists do not hold (their rarest words are said about once a million)."""
UNKNOWN = -1.0
"""A word the knowledge base never says (pizza, thunderstorm): it leans away from the ecosystem."""
EVERYDAY = -0.25
"""The most an everyday word the knowledge base also says (导致, "right") leans away: chat is full of them."""
CEILING = 6.0
"""No single word outweighs a sentence of everyday ones by more than this."""


def _everyday_lists() -> tuple[Mapping[str, float], Mapping[str, float]]:
    """wordfreq's everyday English and Chinese frequencies: read for one build (~0.1 s, ~8 MB), not kept
    (wordfreq caches them for the process's life; a bot that rebuilds its index has no further use)."""
    import wordfreq

    lists = (
        wordfreq.get_frequency_dict("en", wordlist="small"),
        wordfreq.get_frequency_dict("zh", wordlist="small"),
    )
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return lists


def specificity(spans: Iterable[Sequence[tuple[str, str]]]) -> dict[str, float]:
    """Index term → its specificity, from the knowledge base's texts as ``(term, surface word)`` pairs.

    A term's everyday rate adds up its surface forms' ("build", "builds", "building" → ``build``).
    """
    counts: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}
    for text in spans:
        for term, word in text:
            counts[term] += 1
            forms.setdefault(term, set()).add(word)
    total = sum(counts.values()) or 1
    english, chinese = _everyday_lists()

    def everyday_rate(word: str) -> float:
        return (english if word.isascii() else chinese).get(word, 0.0)

    # The term itself is a form too: "oke" (Oracle's) stems to "ok", which everybody says.
    return {
        term: round(
            math.log10(n / total)
            - math.log10(max(sum(everyday_rate(w) for w in forms[term] | {term}), EVERYDAY_FLOOR)),
            2,
        )
        for term, n in counts.items()
    }


PLAIN_RATE = 1e-5
"""An English word everyday text says this often (once in 100,000 words: mess, wash, cruise; not harbour) is a
word, not a misspelled name (``plain_english``)."""


def plain_english() -> frozenset[str]:
    """Everyday English words of letters said at least ``PLAIN_RATE``: about 7,000."""
    english, _chinese = _everyday_lists()
    return frozenset(w for w, rate in english.items() if rate >= PLAIN_RATE and w.isascii() and w.isalpha())


NAME_AS_WORD = 5e-7
"""A name everyday English says this often, about once in two million words, is also a word (calico, argo, helm,
harbor, vault; not istio, etcd or cilium): ``everyday_english``."""


def everyday_english(words: Iterable[str]) -> frozenset[str]:
    """The ``words`` that everyday English says at least ``NAME_AS_WORD``.

    From wordfreq's "large" English list, read for one build (~0.5 s, ~50 MB) and not kept: the "small" one
    stops at once in a million words, and calico or argo are rarer than that.
    """
    import wordfreq

    english = wordfreq.get_frequency_dict("en", wordlist="large")
    found = frozenset(w for w in words if english.get(w, 0.0) >= NAME_AS_WORD)
    del english
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return found


def leaning(group: tuple[str, ...], specific: Mapping[str, float]) -> float:
    """How far one word (its term group) leans to the ecosystem: 0 for a number, ``UNKNOWN`` for a word the
    knowledge base never says, otherwise its most specific term's specificity between ``EVERYDAY`` and
    ``CEILING``."""
    if all(t.isdigit() for t in group):
        return 0.0  # 27 inches, 10 years, 15 天: a number says nothing of what a question is about
    known = [specific[t] for t in group if t in specific]
    return min(max(max(known), EVERYDAY), CEILING) if known else UNKNOWN


def evidence(groups: Iterable[tuple[str, ...]], specific: Mapping[str, float]) -> float:
    """How much the words of a question (term groups: a word and its synonyms) lean to the ecosystem. A number
    leans neither way: the knowledge base says versions and years ("10" +2.6), everyday text says them as often."""
    return sum(leaning(group, specific) for group in groups)
