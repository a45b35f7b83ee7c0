"""Lookup tables derived from the knowledge base, built once with the index and stored beside it.

They let the engine recognise, without touching Whoosh, the projects a question names (by name,
alias, compact spelling or typo), the categories it names (by their terms) and the synonyms of its words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from index import names as naming
from index import segment
from index.highlight import Words, words_of
from index.model import Category, Entry, Region
from index.names import compact
from index.normalize import fold
from index.prior import prior
from index.regions import region_words
from index.specificity import everyday_english, plain_english, specificity
from index.tokenizer import ASCII_WORD, STOP_WORDS, analyze, spans_of

if TYPE_CHECKING:
    from index.knowledge import KnowledgeBase

_CJK = re.compile(r"[\u3400-\u9fff]")
_WORDS = re.compile(r"[0-9a-z][0-9a-z.+#]*(?:[-_/][0-9a-z][0-9a-z.+#]*)*")
MAX_NAME_WORDS = 5
"""The longest name looked for in a question, in words (Google Kubernetes Engine …)."""


def words(text: str) -> list[str]:
    """ASCII-ish words of folded text, keeping inner dashes and dots (cri-o, k8s.io)."""
    return [w.strip(".") for w in _WORDS.findall(text)]


@dataclass
class Catalog:
    """Everything the engine looks up per question, keyed by folded text."""

    entries: dict[str, Entry]
    categories: dict[str, Category]
    position: dict[str, int] = field(default_factory=dict)
    """entry id → its place in data order (ties between equal scores keep it)."""
    names: dict[str, list[str]] = field(default_factory=dict)
    """compact(folded spelling) → entry ids answering to it, surest then best known first (``index.names``)."""
    strength: dict[tuple[str, str], float] = field(default_factory=dict)
    """(key, entry id) → how surely the key names the entry (``index.names.FULL`` / ``SPELLED`` / ``WORD``)."""
    renown: dict[str, float] = field(default_factory=dict)
    """entry id → ``index.prior.prior`` (editor's picks included): the better known first among equals."""
    entry_terms: dict[str, frozenset[str]] = field(default_factory=dict)
    """entry id → the index terms of its own words, all its ``entry_texts`` at once; not its category's words
    every member shares: whether a logging tool says "logs" itself is what tells it from the rest."""
    entry_texts: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    """entry id → the terms of each description, each with its name, aliases and tags."""
    words: dict[str, Words] = field(default_factory=dict)
    """description → its words for highlighting (``index.highlight.words_of``), for every card's two."""
    identity_terms: dict[str, frozenset[str]] = field(default_factory=dict)
    """entry id → the index terms of what it *is*: its names, tags and category (not its description)."""
    lead_terms: dict[str, frozenset[str]] = field(default_factory=dict)
    """entry id → the index terms of its descriptions' first clauses (``_lead_terms``)."""
    tag_terms: dict[str, frozenset[str]] = field(default_factory=dict)
    """entry id → the index terms of its tags that are not its names' (日志聚合, "runtime security"): what it does,
    which an alternative to it does too (``index.rank``)."""
    weak_names: set[str] = field(default_factory=set)
    """Name keys that are also everyday words (Scale, Vector, Keep): names only when asked alone."""
    plain_words: frozenset[str] = frozenset()
    """Everyday English words that name nothing (mess, wash, story): never taken for a misspelled name
    ("jenkins is a mess" says nothing of Mesos)."""
    joined_terms: frozenset[str] = frozenset()
    """Index terms the descriptions write as one word of capitalised parts (RoleBindings → ``rolebind``,
    ConfigMaps, DaemonSet) that people write as two or three ("role bindings"): ``understand._joined_terms``."""
    everyday_names: frozenset[str] = frozenset()
    """One-word names (folded) that are also everyday English words (calico, harbor, argo: ``everyday_english``):
    in an English sentence about something else, they are that word (``index.homonyms``)."""
    cjk_names: list[tuple[str, str, str]] = field(default_factory=list)
    """(folded Chinese name or alias, entry id, its key), longest first, for substring matching."""
    ascii_terms: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    """stemmed word sequence of an English category term → category ids."""
    ascii_forms: dict[tuple[str, ...], list[tuple[tuple[str, bool], ...]]] = field(default_factory=dict)
    """stemmed word sequence of an English category term → each way a term spells it: per stem, the word
    as written (folded) and whether it is an acronym (IDL, KMS, FaaS), said only as written."""
    ascii_gaps: dict[tuple[str, ...], int] = field(default_factory=dict)
    """stemmed word sequence of an English category term → how many stop words the term itself has
    between them ("Kubernetes as a service": 2): a question's words may skip no more ("management on
    Kubernetes" is not "managed Kubernetes")."""
    spaced_terms: frozenset[str] = frozenset()
    """English category terms of two or more words as written (folded): "container networking" is
    every network plugin, though it compacts to CNI's GitHub owner, containernetworking."""
    name_keys: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    """category id → (its folded Chinese name, the index terms of its English name)."""
    cjk_terms: list[tuple[str, list[str]]] = field(default_factory=list)
    """(folded Chinese category term, category ids), longest first."""
    cjk_written: dict[str, str] = field(default_factory=dict)
    """Chinese category term → the term as the data writes it (映像档仓库 → 镜像仓库)."""
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """index term → the index terms of every word in its lexicon group (itself included)."""
    synonym_spellings: dict[str, frozenset[str]] = field(default_factory=dict)
    """English index term of a lexicon group → the words of the group that give it ("aw" → "aws")."""
    vendor_terms: dict[str, int] = field(default_factory=dict)
    """index term of a vendor's or region's word (aw, 亚马逊, azure, 欧洲) → its number (``_providers``: the vendors,
    then the regions)."""
    vendor_groups: list[frozenset[str]] = field(default_factory=list)
    """vendor number → the index terms of its words."""
    vendor_words: list[tuple[str, ...]] = field(default_factory=list)
    """vendor number → its words as written, folded (aws, 阿里云): where a question says them."""
    offered_by: dict[str, frozenset[int]] = field(default_factory=dict)
    """entry id → the vendors whose offer it is (``_offered_by``) and the regions it is based in (``_based_in``);
    entries of neither are absent."""
    by_category: dict[str, list[str]] = field(default_factory=dict)
    """category id → entry ids whose primary category it is, in data order."""
    related_by_category: dict[str, list[str]] = field(default_factory=dict)
    stem_names: dict[str, list[str]] = field(default_factory=dict)
    """index term of a one-word name or alias → entry ids ("kubernets" and "kubernetes" share one)."""
    picks: dict[str, list[str]] = field(default_factory=dict)
    """category id → the editor's picks present here: ``featured`` ids, then ``popular`` names found."""
    domain_terms: frozenset[str] = frozenset()
    """Index terms of the curated entries, the categories and the lexicon: the ecosystem's words.

    Imported descriptions are company blurbs as much as project summaries; a question whose words
    are mostly outside this vocabulary (pizza near the office) is not about the ecosystem."""
    core_terms: frozenset[str] = frozenset()
    """The curated part of ``domain_terms`` (without words only imported blurbs share): a question with
    none of these, and nothing it names, is not answered with partial matches."""
    specific: dict[str, float] = field(default_factory=dict)
    """index term → how much more the knowledge base says it than everyday text (``index.specificity``)."""
    bound_terms: dict[str, str] = field(default_factory=dict)
    """English core term → the word the curated descriptions (nearly) always say after it ("reverse" →
    "proxy", "rate" → "limit"): alone, such a word is not the ecosystem's ("reverse a string")."""
    fuzzy_keys: list[str] = field(default_factory=list)
    """compact ASCII names and aliases long enough to be worth a typo match."""
    domain_words: list[str] = field(default_factory=list)
    """Chinese words jieba must keep whole (names, aliases, category terms, lexicon words)."""

    def is_organisation(self, entry_id: str) -> bool:
        """Whether the entry is an organisation's card (a CNCF member, a service provider), not a project."""
        category = self.categories.get(self.entries[entry_id].category)
        return category is not None and category.organisations

    def vendor_said(self, group: Sequence[str]) -> int | None:
        """The vendor a question's term group says, if any: all of the vendor's terms, as its lexicon group gives
        them to any of its words ("aws" → amazon, aw, 亚马逊…), not a word that stems alike ("awful" → aw)."""
        for term in group:
            vendor = self.vendor_terms.get(term)
            if vendor is not None and self.vendor_groups[vendor] <= set(group):
                return vendor
        return None

    def close_names(self, word: str, *, cutoff: float = naming.TYPO_SIMILARITY, n: int = 3) -> list[str]:
        """Entry ids whose name or alias is spelled like ``word`` (typos: kubernets, zookeper, etdc)."""
        ids: list[str] = []
        for key in naming.closest_many(compact(word), self.fuzzy_keys, cutoff=cutoff, n=n * 2):
            ids += [e for e in self.names[key] if e not in ids]
        return ids[:n]


_ASCII_WORD_AS_WRITTEN = re.compile(ASCII_WORD.pattern, re.IGNORECASE)
"""``tokenizer.ASCII_WORD`` before folding, so that its capitals can still be seen."""


def _forms(raw: str) -> tuple[tuple[str, bool], ...]:
    """Per stem of an English category term, the word that gives it, folded, and whether it is an acronym
    (two capitals or more: IDL, KMS, FaaS; a capital that only starts a word is a title's)."""
    forms: list[tuple[str, bool]] = []
    for word in _ASCII_WORD_AS_WRITTEN.findall(raw):
        folded = fold(word)
        forms += [(folded, sum(c.isupper() for c in word) >= 2)] * len(analyze(folded))
    return tuple(forms)


def domain_words(kb: KnowledgeBase) -> list[str]:
    """Chinese names, aliases, category terms and lexicon words, which jieba must keep whole."""
    texts = [w for e in kb.entries.values() for w in (e.name, *e.aliases)]
    texts += [w for c in kb.categories.values() for w in (c.name.zh, *c.terms)]
    texts += [w for group in kb.lexicon for w in group]
    found = {fold(t).replace(" ", "") for t in texts if _CJK.search(t)}
    return sorted(w for w in found if 2 <= len(w) <= 12)


COMMON_DESCRIPTION_WORD = 4
"""A word used by this many descriptions (imported ones included) belongs to the ecosystem's language."""
CORE_DESCRIPTION_WORD = 4
CORE_DESCRIPTION_SHARE = 0.01
"""A word this many (and this share of) curated descriptions use is the ecosystem's own
(``Catalog.core_terms``): "select" said by a few of 800 descriptions is not."""
WEAK_NAME_DOCUMENTS = 2
"""An imported one-word name written in lower case in this many descriptions is a weak name."""


def _weak_names(kb: KnowledgeBase, names: dict[str, list[str]]) -> set[str]:
    """Imported one-word names and aliases that are everyday words in the descriptions (written in
    lower case there, ``index.names.everyday_words``).

    Curated names are never weak: an editor chose them. "Scale" or "Vector" from the landscape must
    not turn "how to scale a vector database" into a question about those two products.
    """
    document_words = naming.everyday_words(kb.entries.values())
    weak = set()
    for key, ids in names.items():
        if _CJK.search(key) or any(kb.entries[i].source == "curated" for i in ids):
            continue
        if len(key) <= 2 or document_words.get(key, 0) >= WEAK_NAME_DOCUMENTS:
            weak.add(key)
    return weak


def _drop_category_spellings(
    kb: KnowledgeBase, names: dict[str, list[str]], strength: dict[tuple[str, str], float]
) -> None:
    """A derived spelling that is a category's term names the category, not the entry: "Container
    Registry (Google Cloud)" answers to its whole alias, and "container registry" is every registry."""
    terms = {compact(fold(t)) for c in kb.categories.values() for t in (c.name.zh, c.name.en, *c.terms)}
    for key in terms & names.keys():
        kept = [e for e in names[key] if strength[(key, e)] >= naming.FULL]
        for entry_id in names[key]:
            if entry_id not in kept:
                del strength[(key, entry_id)]
        if kept:
            names[key] = kept
        else:
            del names[key]


def _lexicon_names(kb: KnowledgeBase, names: dict[str, list[str]]) -> set[str]:
    """Names that are also words of the lexicon: 阿里云 names Alibaba Cloud's container service, and is
    the vendor of twenty other entries; serverless names a framework, and is a way to run code. Said
    with other words, such a word is evidence for everything it describes, not the name of one entry."""
    lexicon = {compact(fold(word)) for group in kb.lexicon for word in group}
    return {key for key in names if key in lexicon}


def _domain_terms(kb: KnowledgeBase) -> tuple[frozenset[str], frozenset[str]]:
    """The ecosystem's vocabulary: what curated entries, categories and the lexicon say.

    Names, aliases, tags, category words and lexicon words count whole; description words only when
    two or more curated entries, or several entries of any kind, use them, so an aside ("Capital
    One", in one description) does not make "capital" a word of the ecosystem.
    """
    texts = [w for group in kb.lexicon for w in group]
    for category in kb.categories.values():
        texts += [category.name.zh, category.name.en, *category.terms]
    curated: dict[str, int] = defaultdict(int)
    anywhere: dict[str, int] = defaultdict(int)
    for entry in kb.entries.values():
        description = set(analyze(fold(f"{entry.description.zh} {entry.description.en}")))
        for term in description:
            anywhere[term] += 1
        if entry.source == "curated":
            texts += [entry.name, *entry.aliases, *entry.tags]
            for term in description:
                curated[term] += 1
    terms = {t for text in texts for t in analyze(fold(text))}
    curated_count = sum(1 for e in kb.entries.values() if e.source == "curated")
    common = max(CORE_DESCRIPTION_WORD, round(CORE_DESCRIPTION_SHARE * curated_count))
    core = frozenset(terms | {t for t, n in curated.items() if n >= common})
    terms |= {t for t, n in curated.items() if n >= 2}
    terms |= {t for t, n in anywhere.items() if n >= COMMON_DESCRIPTION_WORD}
    return frozenset(terms), core


BOUND_USES = 4
BOUND_SHARE = 0.75
"""A core word said this many times, this share of them before the same next word, is half of a phrase."""


def _bound_terms(kb: KnowledgeBase, core: frozenset[str]) -> dict[str, str]:
    """English core terms that the curated descriptions use (nearly) only before one other word."""
    following: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in kb.entries.values():
        if entry.source == "curated":
            terms = [t for t in analyze(fold(entry.description.en)) if t.isascii()]
            for term, after in zip(terms, [*terms[1:], ""], strict=True):
                following[term][after] += 1
    bound = {}
    for term, counts in following.items():
        uses = sum(counts.values())
        after, together = counts.most_common(1)[0]
        if term in core and after and uses >= BOUND_USES and together >= BOUND_SHARE * uses:
            bound[term] = after
    return bound


def _said_words(kb: KnowledgeBase, words: dict[str, Words]) -> Iterator[list[tuple[str, str]]]:
    """Every text of the knowledge base as ``(index term, word as written)`` pairs: descriptions (their
    words as the catalog already read them), names, aliases, tags, categories and the lexicon."""

    def said(text: str) -> list[tuple[str, str]]:
        found = words.get(text)
        if found is not None:
            terms, starts, ends = found
            return [(t, text[s:e].lower()) for t, s, e in zip(terms, starts, ends, strict=True)]
        folded = fold(text)
        return [(t, folded[s:e]) for t, s, e in spans_of(folded)]

    for entry in kb.entries.values():
        for text in (entry.description.zh, entry.description.en, *entry.other_descriptions):
            if text:
                yield said(text)
        yield [pair for text in (entry.name, *entry.aliases, *entry.tags) for pair in said(text)]
    for category in kb.categories.values():
        yield [pair for text in (category.name.zh, category.name.en, *category.terms) for pair in said(text)]
    for group in kb.lexicon:
        yield [pair for word in group for pair in said(word)]


def _mentions(entry: Entry, counts: Counter[str], weak: set[str]) -> int:
    """How many descriptions mention ``entry`` by its one-word name: the better known are mentioned more."""
    key = compact(fold(entry.name))
    return counts.get(key, 0) if key.isascii() and key not in weak and len(key) >= 3 else 0


def _entry_texts(entry: Entry, regions: Sequence[Region]) -> tuple[frozenset[str], ...]:
    """The terms of each of an entry's descriptions, each with its name, aliases, tags and where it is based
    (``index.regions``): how much of a question an entry covers is judged one description at a time, not on all
    its text at once."""
    said = [entry.name, *entry.aliases, *entry.tags, *region_words(entry, regions)]
    identity = frozenset(t for text in said for t in analyze(fold(text)))
    texts = [t for t in (entry.description.zh, entry.description.en, *entry.other_descriptions) if t]
    return tuple(identity | frozenset(analyze(fold(t))) for t in texts) or (identity,)


def _providers(kb: KnowledgeBase) -> tuple[tuple[str, ...], ...]:
    """The words of each vendor, then of each region (``index.regions``): a question that says one asks for what
    it offers, or for what providers based there offer ("EU providers of managed k8s")."""
    return (*kb.vendors, *(region.words for region in kb.regions))


def _vendor_terms(providers: Sequence[Sequence[str]]) -> dict[str, int]:
    """Index term of each vendor's or region's word → its number (``_providers``): a Chinese word as jieba keeps it
    whole (阿里云), an English one by its stem (aws → aw)."""
    found: dict[str, int] = {}
    for number, group in enumerate(providers):
        for word in group:
            folded = fold(word)
            stems = analyze(folded)
            for term in [folded] if folded in stems else stems[:1] if len(stems) == 1 else []:
                found.setdefault(term, number)
    return found


def _offered_by(entry: Entry, vendors: tuple[tuple[str, ...], ...]) -> frozenset[int]:
    """The vendors whose offer ``entry`` is: its name or an alias begins with a vendor's word ("Amazon ECR",
    "AWS Fargate", 阿里云容器服务). Mentioning a vendor ("runs on AWS, GCP and Azure") makes nothing its offer, nor
    does a vendor's homepage: Velero and Harbor are on VMware's pages, and are no answer to "vmware 的容器平台"."""
    heads = [fold(text) for text in (entry.name, *entry.aliases) if "/" not in text]  # not "google/cadvisor"
    found = set()
    for number, group in enumerate(vendors):
        for word in map(fold, group):
            pattern = re.escape(word) + (r"(?![0-9a-z])" if word.isascii() else "")
            if any(re.match(pattern, head) for head in heads):
                found.add(number)
    return frozenset(found)


def _based_in(entry: Entry, kb: KnowledgeBase) -> frozenset[int]:
    """The regions (by their number in ``_providers``) of the country ``entry`` is based in."""
    country = entry.facts.based_in
    return frozenset(
        len(kb.vendors) + i for i, region in enumerate(kb.regions) if country in region.countries
    )


def _cjk_synonyms(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Chinese lexicon word → the other Chinese words of its group (镜像 → 映像档, 映像)."""
    found: dict[str, list[str]] = {}
    for group in kb.lexicon:
        words = [fold(w).replace(" ", "") for w in group if _CJK.search(w)]
        for word in words:
            found[word] = [w for w in words if w != word]
    return found


MAX_SPELLINGS = 16
"""At most this many spellings of one category term (two swaps of two-word terms stay well under it)."""


def _spelled_otherwise(term: str, synonyms: dict[str, list[str]]) -> list[str]:
    """``term`` and its spellings with the lexicon's other words for its parts, one or two swapped:
    镜像仓库 is also asked as 映像档仓库 (容器映像檔倉庫 folded), which no plain string search finds."""
    found = [term]
    for _round in range(2):
        for spelled in list(found):
            for word, others in synonyms.items():
                if len(word) < 2 or word not in spelled:
                    continue
                if not any(len(w) > len(word) and word in w and w in spelled for w in synonyms):
                    found += [
                        spelled.replace(word, o) for o in others if spelled.replace(word, o) not in found
                    ]
        if len(found) > MAX_SPELLINGS:
            break
    return found[:MAX_SPELLINGS]


_NAME_BRACKET = re.compile(r"^(.+?)\s*[(（][^)）]*[)）]\s*$")


def _bracketless(category: Category) -> list[str]:
    """A category name without its bracket names it too: "Continuous optimization (cost & performance)"
    is asked for as "continuous optimization", 持续集成与交付（CI/CD） as 持续集成与交付."""
    found = (_NAME_BRACKET.match(name) for name in (category.name.zh, category.name.en))
    return [m.group(1) for m in found if m]


_LEAD_END = re.compile(r"[.;:，；：。()（）]|, | — ")


def _lead_terms(entry: Entry) -> frozenset[str]:
    """The index terms of each description's first clause: what the entry *is* ("Backup and restore for
    Kubernetes…"), before what it also does ("…describe the steps of backup, restore and copy")."""
    texts = [entry.description.zh, entry.description.en, *entry.other_descriptions]
    leads = [_LEAD_END.split(fold(text), maxsplit=1)[0] for text in texts if text]
    return frozenset(t for lead in leads for t in analyze(lead))


def _identity_terms(entry: Entry, kb: KnowledgeBase) -> frozenset[str]:
    category = kb.categories.get(entry.category)
    texts = [entry.name, *entry.aliases, *entry.tags]
    # Its category's name, not every term: "数据库 operator" is a need of the category, not what each member is.
    if category is not None:
        texts += [category.name.zh, category.name.en]
    return frozenset(t for text in texts for t in analyze(fold(text)))


def _tag_terms(entry: Entry) -> frozenset[str]:
    named = {t for text in (entry.name, *entry.aliases) for t in analyze(fold(text))}
    return frozenset(t for tag in entry.tags for t in analyze(fold(tag)) if t not in named)


_JOINED_WORD = re.compile(r"(?<![\w./-])(?:[A-Z][a-z]{2,}){2,3}s?(?![\w/-])")
"""A word of two or three capitalised parts of three letters or more (RoleBindings, ServiceAccounts; not WiFi),
not part of a path or a name."""


def _joined_terms(kb: KnowledgeBase, names: Iterable[str]) -> frozenset[str]:
    """The terms of the words the descriptions write as capitalised parts run together: Kubernetes' kinds
    (ConfigMaps, StatefulSets, NetworkPolicy) and the like. A project's name (WireGuard, PagerDuty) is found as a
    name already."""
    found: set[str] = set()
    for entry in kb.entries.values():
        for text in (entry.description.en, *entry.other_descriptions):
            for word in _JOINED_WORD.findall(text or ""):
                terms = analyze(fold(word))
                if len(terms) == 1:
                    found.add(terms[0])
    named = {t for n in names for t in analyze(n)}
    return frozenset(found - named)


def _language_terms(kb: KnowledgeBase) -> set[str]:
    """The index terms of the programming languages the entries are written in (their ``facts.language``: Go,
    Java, Python, C++…). The knowledge base says them far more often than everyday text, as what a project is
    written in, and so does every programming question: they lean to neither ("flatten a list of lists in
    python", "0.1 + 0.2 in JavaScript" are not about the ecosystem)."""
    terms: set[str] = set()
    for entry in kb.entries.values():
        written_in = re.sub(r"\(.*?\)", "", entry.facts.language)  # "Ansible (YAML)"
        for language in re.split(r"[,/]", written_in):
            language = language.strip()
            if language and language != "unknown" and " " not in language:
                terms.update(analyze(fold(language)))
    return terms


def build_catalog(kb: KnowledgeBase) -> Catalog:
    """Derive every lookup table from ``kb`` (jieba learns its words first: they shape the terms)."""
    catalog = Catalog(entries=dict(kb.entries), categories=dict(kb.categories))
    catalog.position = {entry_id: i for i, entry_id in enumerate(kb.entries)}
    catalog.domain_words = domain_words(kb)
    segment.add_words(catalog.domain_words)
    names: dict[str, list[str]] = defaultdict(list)
    strength: dict[tuple[str, str], float] = {}
    cjk_names: dict[str, str] = {}

    def answer_to(key: str, entry_id: str, value: float) -> None:
        if key and value > strength.get((key, entry_id), 0.0):
            strength[(key, entry_id)] = value
            if entry_id not in names[key]:
                names[key].append(entry_id)

    everyday = naming.everyday_words(kb.entries.values())

    def is_everyday(word: str) -> bool:
        return word in STOP_WORDS or everyday[word] >= WEAK_NAME_DOCUMENTS or not analyze(word)

    mentioned = naming.mentioned_words(kb.entries.values())

    def is_common(word: str) -> bool:
        """A repository named with a word many descriptions mention is named for what it holds (devfile/api,
        istio/cni, openfaas/faas): "API" in a question names no project."""
        return is_everyday(word) or mentioned[word] >= naming.MENTIONED_ELSEWHERE

    for entry in kb.entries.values():
        for folded, value in naming.spellings(entry, is_common):
            answer_to(compact(folded), entry.id, value)
            if _CJK.search(folded) and value == naming.FULL:
                cjk_names.setdefault(folded, entry.id)
        catalog.by_category.setdefault(entry.category, []).append(entry.id)
        for related in entry.related:
            catalog.related_by_category.setdefault(related, []).append(entry.id)

    catalog.weak_names = _weak_names(kb, names) | _lexicon_names(kb, names)
    mentions = Counter(
        w for e in kb.entries.values() for w in set(re.findall(r"[0-9a-z]+", fold(e.description.en)))
    )
    distinctive = naming.distinctive_words(kb.entries, is_everyday)
    for word, owners in distinctive.items():
        for entry_id, value in owners:
            answer_to(word, entry_id, value)
    for key, owners in naming.without_vendor(kb.entries, kb.vendors, is_everyday).items():
        if key not in names:
            for entry_id, value in owners:
                answer_to(key, entry_id, value)
    for entry in kb.entries.values():
        initials = naming.abbreviation(entry)
        if initials and initials not in names and not is_everyday(initials):
            answer_to(initials, entry.id, naming.WORD)
    _drop_category_spellings(kb, names, strength)

    ascii_terms: dict[tuple[str, ...], list[str]] = defaultdict(list)
    ascii_forms: dict[tuple[str, ...], list[tuple[tuple[str, bool], ...]]] = defaultdict(list)
    ascii_gaps: dict[tuple[str, ...], int] = {}
    spaced: set[str] = set()
    cjk_terms: dict[str, list[str]] = defaultdict(list)
    cjk_synonyms = _cjk_synonyms(kb)
    for category in kb.categories.values():
        catalog.name_keys[category.id] = (
            fold(category.name.zh).replace(" ", ""),
            frozenset(analyze(fold(category.name.en))),
        )
        for raw in (category.name.zh, category.name.en, *_bracketless(category), *category.terms):
            folded = fold(raw)
            if _CJK.search(folded):
                written = folded.replace(" ", "")
                for term in _spelled_otherwise(written, cjk_synonyms):
                    catalog.cjk_written.setdefault(term, written)
                    if category.id not in cjk_terms[term]:
                        cjk_terms[term].append(category.id)
            else:
                words = ASCII_WORD.findall(folded)
                stems = tuple(analyze(folded))
                if not stems or any(not analyze(w) and w not in STOP_WORDS for w in words):
                    continue  # "A/B testing" without its A/B would name every question about tests
                if category.id not in ascii_terms[stems]:
                    ascii_terms[stems].append(category.id)
                forms = _forms(raw)
                if len(forms) == len(stems) and forms not in ascii_forms[stems]:
                    ascii_forms[stems].append(forms)
                if len(words) > 1:
                    spaced.add(" ".join(words))
                ascii_gaps[stems] = max(ascii_gaps.get(stems, 0), len(words) - len(stems))

    stem_names: dict[str, list[str]] = defaultdict(list)
    for entry in kb.entries.values():
        for raw in (entry.name, *entry.aliases):
            stems = analyze(fold(raw))
            if compact(fold(raw)) in catalog.weak_names:
                continue
            if len(stems) == 1 and len(stems[0]) >= 4 and entry.id not in stem_names[stems[0]]:
                stem_names[stems[0]].append(entry.id)
    catalog.stem_names = dict(stem_names)

    synonyms: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, set[str]] = defaultdict(set)
    groups = [list(group) for group in kb.lexicon]
    lexicon_words = {fold(word) for group in kb.lexicon for word in group}
    for entry in kb.entries.values():
        # An alias means its entry's name: "k8s" in a question also matches descriptions saying Kubernetes.
        # Not a lexicon word (阿里云, an alias of one service): that means what its lexicon group means.
        groups.append([w for w in (entry.name, *entry.aliases) if fold(w) not in lexicon_words])
    for group in groups:
        terms: set[str] = set()
        for word in group:
            folded = fold(word)
            stems = analyze(folded)
            whole = folded.replace(" ", "")
            if whole in stems:  # a Chinese word jieba keeps whole (it also yields its parts)
                terms.add(whole)
            elif len(stems) == 1:
                terms.add(stems[0])
                if folded.isascii() and " " not in folded:
                    spellings[stems[0]].add(folded)
        for term in terms:
            synonyms[term] |= terms

    catalog.domain_terms, catalog.core_terms = _domain_terms(kb)
    catalog.bound_terms = _bound_terms(kb, catalog.core_terms)

    for category in kb.categories.values():
        picks = [e for e in category.featured if e in kb.entries]
        for name in category.popular:
            found = names.get(compact(fold(name)), [])
            picks += [e for e in found[:1] if e not in picks]
        if picks:
            catalog.picks[category.id] = picks

    picked = {e for ids in catalog.picks.values() for e in ids}
    catalog.renown = {
        e.id: prior(
            e,
            picked=e.id in picked,
            mentions=_mentions(e, mentions, catalog.weak_names),
            organisation=catalog.is_organisation(e.id),
        )
        for e in kb.entries.values()
    }
    for key, ids in names.items():  # surest first, then the better known (EKS: Amazon's before EasyStack's)
        ids.sort(key=lambda e: (-strength[(key, e)], -catalog.renown[e]))
    catalog.names = dict(names)
    catalog.strength = strength
    catalog.entry_texts = {e.id: _entry_texts(e, kb.regions) for e in kb.entries.values()}
    catalog.entry_terms = {
        entry_id: frozenset().union(*texts) for entry_id, texts in catalog.entry_texts.items()
    }
    texts = {t for e in kb.entries.values() for t in (e.description.zh, e.description.en) if t}
    catalog.words = {t: words for t in texts if (words := words_of(t)) is not None}
    catalog.specific = specificity(_said_words(kb, catalog.words))
    for term in _language_terms(kb):
        catalog.specific[term] = min(catalog.specific.get(term, 0.0), 0.0)
    catalog.plain_words = plain_english() - names.keys()
    catalog.joined_terms = _joined_terms(kb, names.keys())
    catalog.everyday_names = everyday_english(k for k in names if k.isascii() and k.isalpha())
    catalog.identity_terms = {e.id: _identity_terms(e, kb) for e in kb.entries.values()}
    catalog.lead_terms = {e.id: _lead_terms(e) for e in kb.entries.values()}
    providers = _providers(kb)
    catalog.vendor_terms = _vendor_terms(providers)
    catalog.vendor_groups = [
        frozenset(t for t, v in catalog.vendor_terms.items() if v == number)
        for number in range(len(providers))
    ]
    catalog.vendor_words = [tuple(fold(w) for w in group) for group in providers]
    catalog.offered_by = {
        e.id: offers
        for e in kb.entries.values()
        if (offers := _offered_by(e, kb.vendors) | _based_in(e, kb)) and not catalog.is_organisation(e.id)
    }
    catalog.tag_terms = {e.id: _tag_terms(e) for e in kb.entries.values()}
    catalog.cjk_names = [
        (name, entry_id, compact(name))
        for name, entry_id in sorted(cjk_names.items(), key=lambda kv: -len(kv[0]))
    ]
    catalog.ascii_terms = dict(ascii_terms)
    catalog.ascii_forms = dict(ascii_forms)
    catalog.ascii_gaps = ascii_gaps
    catalog.spaced_terms = frozenset(spaced)
    catalog.cjk_terms = sorted(cjk_terms.items(), key=lambda kv: -len(kv[0]))
    catalog.synonyms = {t: tuple(sorted(g)) for t, g in synonyms.items() if len(g) > 1}
    catalog.synonym_spellings = {t: frozenset(spellings[t]) for t in catalog.synonyms if spellings.get(t)}
    catalog.fuzzy_keys = sorted(
        k for k in names if len(k) >= 4 and not _CJK.search(k) and k not in catalog.weak_names
    )
    return catalog
