"""Step 3 of the pipeline, scoring: every signal of the question is a term in one score.

A question is split into *parts* — the projects it names, the categories it names, a CNCF maturity, and
its other words — each weighed by how informative it is (the IDF of its words: "kubernetes" said in
passing weighs little, "velero" much). An entry's score adds up the evidence for it:

- its words: how much of the question it covers (IDF-weighted), times its BM25F score;
- being named, in proportion to how much of the question the name is;
- being a member of a named category (and an editor's pick there), in proportion to the category's part;
- being at the named maturity;
- how well known it is (``index.prior``), a little, and being a neighbour of a named project;
- being what a named project's users went on to (``Entry.successors``), where the question asks after it;
- being the offer of a vendor said, or of a provider based in a region said (the whole question when it asks for
  the vendor's own), and the counterpart asked of another vendor's service;
- and, asked for a CNCF maturity, being at it: an entry at another keeps part of its score.

Nothing here replaces an answer: a category word in a sentence about one tool adds to that category's
members, and the tool still wins on its words. A project named as the *setting* of the question ("基于
kubespray 的…", "replace Zabbix", "… on Kubernetes") is evidence for nothing and keeps half its score; an
entry that says nothing the question asks about is not listed at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh.searching import Searcher

from index.catalog import Catalog, compact
from index.gather import Candidates, document_frequency, idf, said_once, word_weight
from index.question_words import OWN_AFTER
from index.reading import Reading
from index.understand import term_groups

W_TEXT = 4.0
W_NAME = 10.0
W_CATEGORY = 3.0
W_PICK = 2.0
BY_NAME = 3.0
"""Asked by its own name (服务发现, not the narrower 注册中心), a category's editor's order is the answer."""
W_MATURITY = 3.0
W_CNCF = 1.0
W_PRIOR = 0.4
PRIOR_COVERAGE = 0.5
"""A question that only describes a need: an entry saying less than this share of what the best match says
gets that much less of its prior (containerd, well known, said one word of a chat about resource requests)."""
W_LEAD = 0.5
"""An entry whose description *begins* with what is asked is that thing; others only also do it."""
W_NEIGHBOUR = 0.8
SUCCESSOR_SHARE = 0.5
"""What a named project's successor (``Entry.successors``: kube-lego → cert-manager) gains of the project's name
score: it comes right after the project, and ahead of it when the question asks what to use instead."""
W_COUNTERPART = 3.0
"""What a vendor's offer gains for being the counterpart asked of another vendor's service named (``_counterparts``),
in proportion to how alike they are: as much as a vendor's word gains its offers at most (``W_VENDOR``)."""
W_LIKE = 3.0
"""Asked for something instead of a project, an entry that says what the project is tagged with (日志聚合,
"runtime security") does its job; a neighbour that only shares its broad category does less."""
CLOSED_SHARE = 0.5
"""What an entry with no source repository keeps of its score when the question asks for open source."""
OTHER_MATURITY_SHARE = 0.7
"""What an entry keeps of its score when the question asks for a CNCF maturity it is not at ("cncf 孵化阶段的监控项目":
Prometheus, graduated, is a pick of monitoring and still not what is asked)."""
CONTEXT_SHARE = 0.5
"""What a project named as the setting of a question keeps of its score: the question asks for something else."""
REPLACED_SHARE = 0.4
"""And what a project asked to be replaced keeps of that: "velero alternatives" lists Velero last, if at all."""
PICK_ALIKE = 0.5
"""What an editor's pick of a replaced project's category that is nothing like it keeps of its lead."""
W_VENDOR = 3.0
"""A vendor's word said ("private registry on aws", "阿里云上的 k8s"): that vendor's offers gain in proportion to the
word's part of the question, as a category's members do (``Catalog.offered_by``)."""
VENDOR_FLOOR = 0.3
"""The least part of a question a vendor said is, for its offers (``W_VENDOR``): a long question says "on GCP" once
among many words, and an answer off GCP is still no answer ("GCP 上容器映像檔要放哪，GKE 和 Cloud Run 都要拉")."""
MATURITY_PART = 3.0
"""The weight of a maturity word as a part of the question (an IDF-like figure: a mid-frequency word)."""
CNCF_PART = 1.5
NAME_PART = 2.0
"""A name weighs twice its words' IDF: it points at one entry, a word at many."""
GENERIC_WEIGHT = 2.5
"""A word this common (容器, cloud native: said by one entry in twelve or more) is the ecosystem's own
language; it narrows no category's picks."""
UNSAID_PART = 1.0
"""The most a question's word no entry says weighs in the balance of names, categories and words (``parts``)."""
UNSAID_MEMBERSHIP = 0.5
"""What membership counts for a member that says none of the narrower term a category was asked by."""
TEXT_FLOOR = 0.3
"""An entry's words count for ``(TEXT_FLOOR + (1 - TEXT_FLOOR) × its BM25 / the best BM25)`` of its coverage."""
SHORT_QUESTION_GROUPS = 2
SHORT_TEXT_FLOOR = 0.5
"""Asked in one or two words ("怎么给 k8s 做备份"), every entry that says them covers the question whole, and
their BM25 differs by how often and how briefly each says them: how many texts repeat the word (a card, the
landscape's line, the project's own words) more than what the entry is. There BM25 counts half, and the better
known leads among equals."""
DESCRIBING_WORDS = 5
PASSING_MEMBERSHIP = 0.5
"""A question that says five words or more of its own describes what it wants, and a category word in it is
said in passing ("…shuts workloads down on a schedule to cut cloud cost", "streaming replication, automatic
failover"): a member of that category covers the category's words at half, not as though it said them, so the
entry that says the rest leads. 0.5 was chosen over 0.3, 0.4, 0.7 and 0.85 on the development sets."""
UNION_SHARE = 0.3
"""How much of what an entry's other descriptions add to its best one counts (``_Coverage.best``): a question
written from a text of its own mixes what the card, the landscape's line and the project's README each say
("IoT development framework" from one, "abstracts devices" from another), but an entry described three times is
no better an answer for saying the same words three ways."""
MIN_COVERAGE = 0.5
LONG_QUESTION_COVERAGE = 0.4
"""Below this share of a question's own words an answer is *partial* (four or more words: chattier)."""


@dataclass(frozen=True)
class Scored:
    entry_id: str
    score: float
    terms: frozenset[str]
    """The question's index terms this entry matched (for highlighting)."""
    coverage: float = 1.0
    """How much of the question's own words (not names or categories) the entry covers."""


@dataclass(frozen=True)
class Parts:
    """How much of the question each kind of evidence is; the shares add up to 1."""

    names: dict[str, float]
    category: float
    maturity: float
    cncf: float
    content: float
    groups: list[tuple[tuple[str, ...], float]]
    """Every term group of the question with its weight, for coverage."""
    content_groups: list[tuple[tuple[str, ...], float]]


def floor_for(groups: Sequence[object]) -> float:
    """The share of a question's words an answer must cover not to be called partial."""
    return LONG_QUESTION_COVERAGE if len(groups) >= 4 else MIN_COVERAGE


def parts(searcher: Searcher, catalog: Catalog, reading: Reading) -> Parts:
    """Weigh each part of ``reading`` by the information in its words."""

    def weight(group: tuple[str, ...]) -> float:
        return word_weight(searcher, group, reading.joined)

    content = said_once([(g, weight(g)) for g in reading.content], reading.word_of)
    category = [(g, weight(g)) for g in reading.category_groups]
    names: dict[str, float] = {}
    name_groups: list[tuple[tuple[str, ...], float]] = []
    for entry_id in reading.named:
        # A name is as informative as its most common spelling: "k8s" weighs what "kubernetes" weighs.
        spelled = [(g, min(idf(searcher, t) for t in g)) for g in reading.name_groups[entry_id]]
        informative = max((w for _g, w in spelled), default=1.0)
        names[entry_id] = NAME_PART * informative * reading.name_strength[entry_id]
        # Asked for something instead of it ("Jenkins 的替代品", "jenkins 太重了，有没有别的选择"), its words are
        # not what is sought: an entry that mentions Jenkins is no more an alternative for that. Asked for
        # something like it ("比同类方案…", "something like etcd"), or for what follows it now that it is gone
        # ("weave net 已经不维护了"), they are: its successor mentions it.
        if entry_id not in reading.alternatives_of or reading.only_alike or reading.of_status:
            # Once each: two names written as one word ("Redis/MongoDB") are said once.
            name_groups += [(g, w) for g, w in spelled if all(g != other for other, _w in name_groups)]
    raw = {
        "category": max((w for _g, w in category), default=0.0),
        "maturity": MATURITY_PART if reading.maturity else 0.0,
        "cncf": CNCF_PART if reading.mentions_cncf else 0.0,
        # A word no entry says is no evidence for any answer: it weighs little beside the names and categories
        # said with it (its own weight still counts in coverage, where no entry can say it).
        "content": sum(
            w if any(document_frequency(searcher, t) for t in g) else min(w, UNSAID_PART) for g, w in content
        ),
    }
    total = sum(raw.values()) + sum(names.values()) or 1.0
    return Parts(
        names={e: w / total for e, w in names.items()},
        category=raw["category"] / total,
        maturity=raw["maturity"] / total,
        cncf=raw["cncf"] / total,
        content=raw["content"] / total,
        groups=content + category + name_groups,
        content_groups=content,
    )


class _Coverage:
    """The IDF-weighted share of a question's ``groups`` that an entry's terms say. A member of a named
    category says that category's words by being in it, however its description happens to spell them
    (容器镜像仓库, "registry for images"), in proportion to its membership.

    Built once per question and group list: an entry's terms meet the question's few words in one set
    intersection, which matters when a category question scores its hundreds of members.
    """

    def __init__(
        self, groups: Sequence[tuple[tuple[str, ...], float]], category_groups: Sequence[tuple[str, ...]] = ()
    ) -> None:
        self.weights = [w for _g, w in groups]
        self.total = sum(self.weights)
        self.mask_of: dict[str, int] = {}
        """term → the groups that say it, one bit each."""
        for i, (group, _w) in enumerate(groups):
            for term in group:
                self.mask_of[term] = self.mask_of.get(term, 0) | 1 << i
        self.vocabulary = frozenset(self.mask_of)
        self.category = {i for i, (group, _w) in enumerate(groups) if group in category_groups}
        self.unsaid = sum(self.weights[i] for i in self.category) / self.total if self.total else 0.0
        """The share a member that says none of the question's words gets for its membership alone."""
        self._sums: dict[int, tuple[float, float]] = {}

    def _sums_of(self, said: int) -> tuple[float, float]:
        """The weights of the groups in the bit set ``said``, and of the category groups not in it: a question's
        hundreds of candidates say only a few distinct sets of its words."""
        found = self._sums.get(said)
        if found is None:
            found = (
                sum(w for i, w in enumerate(self.weights) if said >> i & 1),
                sum(self.weights[i] for i in self.category if not said >> i & 1),
            )
            self._sums[said] = found
        return found

    def __call__(self, terms: frozenset[str], membership: float = 0.0) -> float:
        if not self.total:
            return 0.0
        hits = terms & self.vocabulary
        if not hits:  # most of a category's members: said nothing, covered by membership alone
            return membership * self.unsaid
        said = 0
        for term in hits:
            said |= self.mask_of[term]
        value, unsaid_category = self._sums_of(said)
        if membership:
            value += membership * unsaid_category
        return value / self.total

    def best(self, terms: frozenset[str], texts: Sequence[frozenset[str]], membership: float = 0.0) -> float:
        """The coverage of the best of an entry's ``texts`` (``terms`` is all of them), plus ``UNION_SHARE`` of
        what the others add: each text meets only the few question words the entry says at all."""
        said = terms & self.vocabulary
        if len(texts) < 2 or not said:
            return self(said, membership)
        best = max(self(said & text, membership) for text in texts)
        return best + UNION_SHARE * (self(said, membership) - best)


def _settings(reading: Reading, share: Parts) -> set[str]:
    """The projects named as the setting of a question that asks for something else: "基于 kubespray 的…",
    "replace Zabbix", or a name a fifth of all entries say (Kubernetes). A setting is no answer's evidence."""
    # Asked whether it is still used, the project is an answer too ("is anyone still using X, or what instead").
    alternatives = set() if reading.still_asked else set(reading.alternatives_of)
    if not (share.content_groups or reading.category_groups):
        return alternatives
    return set(reading.context_named) | set(reading.generic_named) | alternatives


def _vendors_of_a_need(catalog: Catalog, reading: Reading, share: Parts) -> set[str]:
    """Organisations (a CNCF member's card, a service provider) named beside a need they do not describe
    themselves: "DigitalOcean managed k8s" and "Scaleway Kubernetes" ask for the provider's Kubernetes
    service, and the company's card, which says nothing of it, is the setting. Named alone, the card is
    the answer."""
    found = set()
    for entry_id in share.names:
        if catalog.is_organisation(entry_id):
            need = _asked_terms(catalog, reading, share, {entry_id})  # everything asked but the card's name
            if need and not catalog.entry_terms.get(entry_id, frozenset()) & need:
                found.add(entry_id)
    return found


def _asked_terms(catalog: Catalog, reading: Reading, share: Parts, settings: set[str]) -> set[str]:
    """The index terms of what a question asks about: its words, its categories and the projects it names
    other than as the setting. An entry that says none of these was joined for nothing it is asked."""
    terms = {t for g, _w in share.content_groups for t in g} | {t for g in reading.category_groups for t in g}
    for entry_id in share.names.keys() - settings:
        terms |= {t for g in term_groups(reading.name_said[entry_id], catalog) for t in g}
    return terms


def _narrowing(reading: Reading, share: Parts) -> list[tuple[tuple[str, ...], float]]:
    """The words that narrow a named category's picks: the question's other words and the category words
    that name none of the best categories, less the ecosystem's own language (``GENERIC_WEIGHT``)."""
    qualifiers = [(g, w) for g, w in share.groups if g in reading.qualifier_groups]
    return [(g, w) for g, w in share.content_groups + qualifiers if w >= GENERIC_WEIGHT]


def _memberships(catalog: Catalog, reading: Reading, share: Parts, found: Candidates) -> dict[str, float]:
    """How much each candidate is a member of the categories asked about. Asked by a narrower term than
    the category's name (单点登录 for key management), a member that says none of the category words is
    only half the answer: SPIFFE is no single sign-on, Keycloak, outside the category, says it."""
    if reading.by_name or not reading.category_groups:
        return found.membership
    words = {t for g in reading.category_groups for t in g}
    return {
        e: m if catalog.entry_terms.get(e, frozenset()) & words else m * UNSAID_MEMBERSHIP
        for e, m in found.membership.items()
    }


def _alike(searcher: Searcher, catalog: Catalog, replaced: Sequence[str]) -> _Coverage | None:
    """How much of what the projects asked to be replaced do (their tags' words, less the ecosystem's own
    language) an entry says."""
    terms = sorted({t for e in replaced for t in catalog.tag_terms.get(e, frozenset())})
    groups = [((t,), idf(searcher, t)) for t in terms]
    groups = [(g, w) for g, w in groups if w >= GENERIC_WEIGHT]
    return _Coverage(groups) if groups else None


def _family(catalog: Catalog, replaced: Sequence[str], candidates: Iterable[str]) -> set[str]:
    """The candidates named after a project asked to be replaced (Kong → Kong Ingress Controller, Trivy → Trivy
    Action): its add-ons, not something instead of it."""
    keys = [k for e in replaced if len(k := compact(catalog.entries[e].name)) >= 3]
    return {
        e
        for e in candidates
        if e not in replaced and any(k in compact(catalog.entries[e].name) for k in keys)
    }


def _vendor_share(catalog: Catalog, reading: Reading, share: Parts) -> dict[int, float]:
    """vendor number → the part of the question its words are (their share of its own words); the whole of it when
    the question asks for the vendor's own offer (``OWN_AFTER``: "aws's own", 阿里云自己有…)."""
    total = sum(w for _g, w in share.content_groups)
    found: dict[int, float] = {}
    for group, weight in share.content_groups:
        vendor = catalog.vendor_said(group)
        if vendor is not None:
            found[vendor] = found.get(vendor, 0.0) + share.content * weight / total
    for vendor in found:
        if _own_asked(catalog.vendor_words[vendor], reading.text):
            found[vendor] = 1.0
    return found


def _own_asked(words: Sequence[str], text: str) -> bool:
    """Whether ``text`` says one of a vendor's ``words`` followed by a cue that its own offer is asked for."""
    for word in words:
        for match in re.finditer((r"(?<![0-9a-z])" if word.isascii() else "") + re.escape(word), text):
            if OWN_AFTER.match(text[match.end() :]):
                return True
    return False


def _successors(catalog: Catalog, reading: Reading, share: Parts, settings: set[str]) -> dict[str, float]:
    """successor id → the name share of the project it succeeds, of the projects asked about (not a setting).

    Only where the question is what became of the project: it asks how the project stands, what replaces it, or
    names it alone. "container engine made by CoreOS" asks for rkt, not for what followed CoreOS's Linux."""
    asked_after = (
        reading.of_status
        or reading.asked_if_alive
        or reading.still_asked
        or bool(reading.alternatives_of)
        or not (share.content_groups or reading.category_groups)
    )
    if not asked_after:
        return {}
    found: dict[str, float] = {}
    for entry_id, weight in share.names.items():
        if entry_id in settings:
            continue
        for successor in catalog.entries[entry_id].successors:
            found[successor] = max(found.get(successor, 0.0), weight)
    return found


def _counterparts(catalog: Catalog, reading: Reading, vendors: Iterable[int]) -> dict[str, float]:
    """entry id → how much it is the counterpart asked for: a vendor's service asked to be matched or replaced
    beside other vendors ("GKE 在 AWS 跟 Azure 上對應的是哪個", "the Azure equivalent of Fargate", "migrating from GKE
    to AWS") asks for their offers that are alike, by the share of the categories they have in common with it
    (``Entry.category`` and ``related``). A service named among other vendors in passing ("supports AWS, GCE and
    Azure") asks for none."""
    said = set(vendors)
    found: dict[str, float] = {}
    for named in reading.alternatives_of:
        own = catalog.offered_by.get(named, frozenset())
        others = said - own
        if not own or not others:
            continue
        kinds = _kinds(catalog, named)
        for entry_id, offers in catalog.offered_by.items():
            if entry_id != named and offers & others:
                theirs = _kinds(catalog, entry_id)
                alike = len(kinds & theirs) / len(kinds | theirs)
                found[entry_id] = max(found.get(entry_id, 0.0), alike)
    return found


def _kinds(catalog: Catalog, entry_id: str) -> set[str]:
    entry = catalog.entries[entry_id]
    return {entry.category, *entry.related}


def _picks(catalog: Catalog, categories: Sequence[str]) -> dict[str, float]:
    """entry id → 1.0 … 0.5 down the editor's picks of ``categories``."""
    bonus: dict[str, float] = {}
    for category_id in categories:
        picks = catalog.picks.get(category_id, [])
        for i, entry_id in enumerate(picks):
            bonus.setdefault(entry_id, 1.0 - i / (2 * len(picks)))
    return bonus


def score(searcher: Searcher, catalog: Catalog, reading: Reading, found: Candidates) -> list[Scored]:
    """Every candidate with its score, best first."""
    share = parts(searcher, catalog, reading)
    best = max(found.bm25.values(), default=0.0) or 1.0
    # Membership says the best categories' words, not those of a narrower one the question also names
    # ("sandboxed container runtime", "shuts workloads down on a schedule to cut cloud cost").
    owned = [g for g in reading.category_groups if g not in reading.qualifier_groups]
    covering = _Coverage(share.groups, owned)
    membership_of = _memberships(catalog, reading, share, found)
    # What one description says (with the entry's names and tags), the best of them: an entry described
    # three times (its card, the landscape's line, its own words) says no more of a question for that.
    in_passing = PASSING_MEMBERSHIP if len(reading.content) >= DESCRIBING_WORDS else 1.0
    text_floor = SHORT_TEXT_FLOOR if len(share.groups) <= SHORT_QUESTION_GROUPS else TEXT_FLOOR
    coverages = {
        e: covering.best(
            catalog.entry_terms.get(e, frozenset()),
            catalog.entry_texts.get(e, ()),
            membership_of.get(e, 0.0) * in_passing,
        )
        for e in found.bm25
    }
    # Relative to the best answer's: a long question is never covered whole, and its best match
    # must still outweigh an entry that is merely well known.
    best_coverage = max(coverages.values(), default=0.0) or 1.0
    picks = _picks(catalog, reading.top_categories)
    # Asked for something instead of a project: the editor's picks of its category, by its share.
    replaced = {e: share.names.get(e, 0.0) for e in reading.alternatives_of}
    instead = _picks(catalog, [catalog.entries[e].category for e in replaced])
    instead_weight = max(replaced.values(), default=0.0)
    alike = _alike(searcher, catalog, list(replaced))
    family = _family(catalog, list(replaced), found.bm25)
    category_words = [(g, w) for g, w in share.groups if g in reading.category_groups]
    vendors = _vendors_of_a_need(catalog, reading, share)
    settings = _settings(reading, share) | vendors
    # The categories of the projects asked about, and of those asked to be replaced: their neighbours.
    named_categories = {
        catalog.entries[e].category: w
        for e, w in share.names.items()
        if e not in settings or e in reading.alternatives_of
    }
    succeeding = _successors(catalog, reading, share, settings - set(reading.alternatives_of))
    wanted = {t for g, _w in share.groups for t in g}
    asked = _asked_terms(catalog, reading, share, settings - vendors)  # a vendor: its products are asked
    narrowing = _narrowing(reading, share)
    narrows = _Coverage(narrowing)
    says_content = _Coverage(share.content_groups)
    says_category = _Coverage(category_words)
    vendor_share = _vendor_share(catalog, reading, share)
    counterparts = _counterparts(catalog, reading, vendor_share)
    says_rest, rest_said = _Coverage([]), False
    if vendor_share:  # what the question asks besides the vendor, and whether any candidate says some of it
        rest = [(g, w) for g, w in share.content_groups if catalog.vendor_said(g) is None]
        says_rest = _Coverage(rest + category_words)
        rest_said = any(says_rest(catalog.entry_terms.get(e, frozenset())) for e in found.bm25)
    # Named only as the setting ("在裸金属上部署了 k8s…"), a question still only describes what it wants.
    described_only = not (set(reading.named) - settings or reading.categories or reading.maturity)
    scored = []
    for entry_id, bm25 in found.bm25.items():
        entry = catalog.entries[entry_id]
        own = catalog.entry_terms.get(entry_id, frozenset())
        membership = membership_of.get(entry_id, 0.0)
        matured = (
            bool(reading.maturity) and entry.cncf is not None and entry.cncf.maturity == reading.maturity
        )
        neighbour = entry.category in named_categories
        cncf = reading.mentions_cncf and entry.cncf is not None
        successor = entry_id in succeeding
        if not (
            own & asked or entry_id in share.names or membership or matured or neighbour or cncf or successor
        ):
            continue  # joined for nothing the question says (a neighbour of a project named as the setting)
        value = (
            W_TEXT
            * (coverages[entry_id] / best_coverage) ** 2
            * (text_floor + (1 - text_floor) * bm25 / best)
        )
        # Squared: a name that is most of the question decides it, one said in passing is context.
        setting = entry_id in settings
        if not setting:
            value += W_NAME * share.names.get(entry_id, 0.0) ** 2
        if entry_id not in share.names:
            value += W_NEIGHBOUR * named_categories.get(entry.category, 0.0)
            value += W_NAME * SUCCESSOR_SHARE * succeeding.get(entry_id, 0.0) ** 2
            value += W_COUNTERPART * counterparts.get(entry_id, 0.0)
        value += W_CATEGORY * share.category * membership
        narrowed = narrows(own) if narrowing else 1.0
        content = says_content(own) if share.content_groups else 1.0
        if (
            entry_id in picks
            and entry.is_active
            and not (reading.mentions_cncf and entry.cncf is None)
            and (matured or not reading.maturity)
        ):
            # Asked by the category's own name, the editor's order leads; asked by a narrower term
            # (日志收集 for monitoring), a pick leads only as far as it says that term itself, and asked
            # with more words (安全容器运行时), as far as it says those. A pick that is gone leads nowhere,
            # nor does one outside the CNCF when the question asks for CNCF projects, or one at another maturity
            # than the one asked.
            says = BY_NAME if reading.by_name else says_category(own)
            value += W_PICK * share.category**2 * picks[entry_id] * says * narrowed
        like = alike(own) if alike is not None and entry_id not in family else 0.0
        if entry_id in instead and entry_id not in replaced and entry.is_active:
            # An editor's pick of a broad category (monitoring) is an alternative as far as it is alike.
            value += (
                W_PICK
                * instead_weight**2
                * instead[entry_id]
                * (1.0 if alike is None else PICK_ALIKE + (1 - PICK_ALIKE) * like)
            )
        if entry_id not in replaced:
            value += W_LIKE * instead_weight**2 * like
        offers = vendor_share.keys() & catalog.offered_by.get(entry_id, frozenset())
        # Only an offer that says something else asked: Dubbo is Alibaba's, and no answer to 阿里云镜像仓库.
        if offers and (says_rest(own) or not rest_said):
            value += W_VENDOR * max(max(vendor_share[v] for v in offers), VENDOR_FLOOR)
        if matured:
            value += W_MATURITY * share.maturity
        if entry.cncf is not None:
            value += W_CNCF * share.cncf
        known = W_PRIOR * catalog.renown.get(entry_id, 0.0)
        if described_only:
            known *= min(1.0, coverages[entry_id] / best_coverage / PRIOR_COVERAGE)
        value += known
        # What an entry is counts for the question's own words; a category's own name is answered in the
        # editor's order.
        value += W_LEAD * says_content(catalog.lead_terms.get(entry_id, frozenset()))
        if reading.maturity and not matured and entry_id not in share.names:
            value *= OTHER_MATURITY_SHARE
        if reading.asks_open_source and not entry.repo:
            value *= CLOSED_SHARE  # "开源的…": a hosted service or a company's card is not what is asked
        if setting or entry_id in family:
            value *= CONTEXT_SHARE  # the setting of what is asked for, not the answer ("基于 kubespray 的…")
        if entry_id in replaced and not reading.only_alike and not reading.still_asked:
            value *= REPLACED_SHARE
        scored.append(Scored(entry_id, value, frozenset(own & wanted), content))
    order = catalog.position
    scored.sort(key=lambda s: (-s.score, order[s.entry_id]))
    return scored


def category_order(catalog: Catalog, category_id: str) -> list[Scored]:
    """A category's entries, best first: the editor's picks in order, then the better known."""
    picks = catalog.picks.get(category_id, [])
    members = list(catalog.by_category.get(category_id, []))
    members += [e for e in catalog.related_by_category.get(category_id, []) if e not in members]
    ranked = sorted(
        members,
        key=lambda e: (picks.index(e) if e in picks else len(picks), -catalog.renown.get(e, 0.0)),
    )
    return [Scored(e, 1.0, frozenset()) for e in ranked]
