"""What reading a question yields (``index.understand``), the input of every later step of the pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HANZI = re.compile(r"[\u3400-\u9fff]")
"""A Chinese character."""


@dataclass
class Reading:
    """What a question names and says, before any ranking."""

    text: str
    named: list[str] = field(default_factory=list)
    """Entry ids named in the question (exactly or by a close spelling), in the order they appear."""
    name_strength: dict[str, float] = field(default_factory=dict)
    """entry id → how surely the question names it (``index.names``; a typo counts as ``TYPO``)."""
    name_said: dict[str, str] = field(default_factory=dict)
    """entry id → the words of the question that named it (how much of the question the name is)."""
    name_groups: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    """entry id → the term groups of those words (the first of all names' groups when they have none)."""
    typo_named: list[str] = field(default_factory=list)
    category_terms: list[str] = field(default_factory=list)
    """The words of the question that named categories."""
    category_groups: list[tuple[str, ...]] = field(default_factory=list)
    """Their term groups."""
    categories: list[str] = field(default_factory=list)
    """Category ids named by their terms, the best covered first."""
    top_categories: list[str] = field(default_factory=list)
    """The categories tied for best (容器云 names both the international and the Chinese clouds)."""
    content: list[tuple[str, ...]] = field(default_factory=list)
    """The remaining words as groups of interchangeable index terms (a word and its synonyms)."""
    word_of: dict[tuple[str, ...], int] = field(default_factory=dict)
    """content group → the word of the question it was said in: jieba gives a Chinese word and the words
    inside it (几十个: 几十, 十个), each a group, and they are one thing said (``index.rank``)."""
    written_ascii: set[tuple[str, ...]] = field(default_factory=set)
    """The content groups said in a word of Latin letters ("host", not 托管): whose everyday language it is."""
    joined: frozenset[str] = frozenset()
    """Terms of English words the question writes apart and the descriptions together ("role bindings" →
    rolebind), added to each word's group: they weigh nothing of their own (``gather.word_weight``)."""
    all_terms: list[tuple[str, ...]] = field(default_factory=list)
    """Every meaningful term group, names and category words included (for scoring)."""
    name_terms: list[tuple[str, ...]] = field(default_factory=list)
    """The term groups of the named projects' names (context, when the question says more)."""
    qualifier_groups: list[tuple[str, ...]] = field(default_factory=list)
    """The term groups of category words that name none of the best categories ("sandboxed" in "sandboxed
    container runtime"): they narrow the answer within the best category, as other words do."""
    by_name: bool = False
    """The best category was named by its own name (容器编排, service discovery), not a narrower term."""
    generic_named: list[str] = field(default_factory=list)
    """Named entries whose name a fifth of all entries say (Kubernetes, Docker): with other words, the setting."""
    context_named: list[str] = field(default_factory=list)
    """Named entries said as the setting of something else ("基于 kubespray 的…", "Kubernetes 的…控制器",
    "runs on Kubernetes", "replace Zabbix"): ``index.rank`` does not take them for the answer."""
    alternatives_of: list[str] = field(default_factory=list)
    """Named entries the question wants something instead of ("Jenkins 的替代品"): their neighbours are the answer."""
    of_status: bool = False
    """It speaks of how a named project stands ("archived", 停更, ``STATUS_WORDS``)."""
    asked_if_alive: bool = False
    """The one project it names, by a name of its own, is asked whether it still stands ("is brigade still a
    thing?", "还有人在用吗", "还在维护吗": ``question_words.STILL_ASKED``, ``STATUS_ASKED``): the question is about it,
    whatever else it says (``index.chatter``)."""
    still_asked: bool = False
    """Set where "instead" is read: the question asks whether a project it wants something instead of is still
    used or maintained ("thanos 现在还有人在用吗，还是大家都换别的方案了", "is flux still being maintained or should we
    move off it"), so that project is an answer too, not only what replaces it (``index.rank``). Told it is gone
    ("weave net 已经不维护了，有什么替代方案"), it is not."""
    only_alike: bool = False
    """The question asks only for something like them ("something like etcd?"), which they are too."""
    maturity: str | None = None
    mentions_cncf: bool = False
    asks_open_source: bool = False
    compare_cue: bool = False
    weak_compare_cue: bool = False
    """The only comparison cues are ``WEAK_COMPARE_CUES``."""
    unknown_words: list[str] = field(default_factory=list)
    """ASCII words that are neither in the index nor a name: candidates for "did you mean"."""
    versus: bool = False
    """Two names are set against each other ("Calico vs Cilium"): a comparison, however long the question."""
    asked_what: bool = False
    """A name is asked what it is ("flannel 是啥", "what is Longhorn"): the question is about that project."""
    asked_how: bool = False
    """A name is asked how to do something with ("harbor 怎么部署", "how to upgrade istio")."""
    chatter: list[tuple[str, ...]] = field(default_factory=list)
    """The words said around the names when they are everyday talk, not the ecosystem's (``CHATTER``): taken
    out of ``content``, they describe nothing to look for."""


def fragment(group: tuple[str, ...]) -> bool:
    """A lone Chinese character: a function word (多, 写, 跑), or what is left of a word a name or a
    category term was cut out of. Rare as a token in descriptions, so its IDF overstates it."""
    return all(len(t) == 1 and HANZI.match(t) for t in group)
