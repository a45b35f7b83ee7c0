"""The engine: opens (or builds) the index for a set of data directories and answers questions.

``Engine.search`` is the one call the CLI, the Slack surfaces and the digests share. It never raises
on user text: quotes, operators, emoji, NUL bytes and 50 kB pastes are just words, or nothing.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path

from whoosh.scoring import BM25F

from index import datafiles, gather, nearby, rank, store
from index.answer import Answer, Hit, Understood
from index.catalog import Catalog
from index.chatter import NEED_WORD, words_said
from index.errors import DataError, Problem
from index.highlight import highlight
from index.homonyms import everyday_sense
from index.model import Category, Entry, Lang
from index.names import compact
from index.normalize import MAX_QUESTION_CHARS, detect_lang, fold, localize
from index.question_words import COMPARE_TERMS
from index.reading import Reading, fragment
from index.specificity import evidence, leaning
from index.textsearch import TextSearch
from index.understand import GENERIC_NAME, read_question

ANSWER_CACHE_SIZE = 1024
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) | (?=[\u3400-\u9fff])")
"""A space beside a Chinese character separates nothing ("serverless 框架" is the term serverless框架)."""
IN_DOMAIN_EVIDENCE = 1.0
"""How far a question's words must lean to the ecosystem, all added up (``index.specificity.evidence``): as
far as one word said ten times more often here than in everyday text."""
SPOKEN_WORDS = 3
"""A question with this many words of the curated descriptions speaks the ecosystem's language."""
PINPOINT_WORDS = 3
"""A question of at most this many words can name a project by words only its entry says ("flant/dapp")."""
PINPOINT_ENTRIES = 3
"""At most this many entries say all of such a question's words: it points at them, as a name does."""
WARM_UP_QUESTION = "服務網格有哪些"
"""A Traditional Chinese question: answering it opens every converter an answer can need."""
SUGGEST_CUTOFF = 0.6
"""How alike a word and a name must be to offer the name as "did you mean" (looser than a typo match)."""


class Engine:
    """A searchable knowledge base. Thread-safe: searches may run concurrently with each other."""

    def __init__(
        self, *, home: Path, data_dirs: Sequence[Path], fingerprint: str, problems: Sequence[Problem] = ()
    ) -> None:
        self.home = home
        self.data_dirs = tuple(data_dirs)
        self.problems: tuple[Problem, ...] = tuple(problems)
        self._swap_lock = threading.Lock()
        self._local = threading.local()
        self._cache_lock = threading.Lock()
        self._answers: OrderedDict[tuple[int, str, int, int], Answer] = OrderedDict()
        self._load(fingerprint)

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, *, home: Path, data_dirs: Sequence[Path]) -> Engine:
        """Open the index for ``data_dirs``, building it when the data changed (see module docs)."""
        home.mkdir(parents=True, exist_ok=True)
        fp, problems = cls._ensure_index(home, data_dirs)
        return cls(home=home, data_dirs=data_dirs, fingerprint=fp, problems=problems)

    @staticmethod
    def _ensure_index(home: Path, data_dirs: Sequence[Path]) -> tuple[str, list[Problem]]:
        wanted = datafiles.fingerprint(data_dirs)
        if (store.index_root(home) / wanted / store.CATALOG_FILE).is_file():
            return wanted, []
        from index import knowledge  # validation (pydantic) is only needed when building

        try:
            kb = knowledge.load(data_dirs)
        except DataError as exc:
            current = store.current_fingerprint(home)
            if current is None:
                raise
            return current, exc.problems  # keep serving the last good index
        return store.build(home, kb), []

    def _load(self, fp: str) -> None:
        ix, catalog, postings, fp = store.open_index(self.home, fp)
        with self._swap_lock:
            self._ix, self._catalog, self.fingerprint = ix, catalog, fp
            self._text = TextSearch(postings)
            self._generation = getattr(self, "_generation", 0) + 1

    def reload_if_changed(self, *, data_dirs: Sequence[Path] | None = None) -> bool:
        """Rebuild and swap in a new index if the data changed and is valid; True when swapped.

        ``data_dirs`` replaces the layers read (a landscape imported since start-up, say).
        """
        if data_dirs is not None:
            self.data_dirs = tuple(data_dirs)
        fp, problems = self._ensure_index(self.home, self.data_dirs)
        self.problems = tuple(problems)
        if fp == self.fingerprint:
            return False
        self._load(fp)
        return True

    def _searcher(self):  # type: ignore[no-untyped-def]
        """A Whoosh searcher for this thread, reopened after an index swap."""
        local = self._local
        if getattr(local, "generation", None) != self._generation:
            old = getattr(local, "searcher", None)
            if old is not None:
                old.close()
            with self._swap_lock:  # the searcher and the scored postings of one index
                ix, local.text, local.generation = self._ix, self._text, self._generation
            local.searcher = ix.searcher(weighting=BM25F())
        return local.searcher

    # ----------------------------------------------------------------- catalogue

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    def entries(self) -> Mapping[str, Entry]:
        return self._catalog.entries

    def categories(self) -> list[tuple[Category, int]]:
        """Every category with its number of entries, in display order; empty categories last."""
        counts = {cid: len(ids) for cid, ids in self._catalog.by_category.items()}
        listed = [(c, counts.get(c.id, 0)) for c in self._catalog.categories.values()]
        return [x for x in listed if x[1]] + [x for x in listed if not x[1]]

    def find(self, name: str) -> Entry | None:
        """The entry called ``name`` (name, alias or compact spelling), or a close spelling of it."""
        key = compact(fold(name))
        ids = self._catalog.names.get(key) or self._catalog.close_names(key, n=1)
        return self._catalog.entries[ids[0]] if ids else None

    # ----------------------------------------------------------------- answers

    def search(self, question: str, *, limit: int = 5, offset: int = 0) -> Answer:
        """Answer ``question`` (any language, any text); see ``index.answer.Understood``.

        Answers are cached per index generation: a "More" click, or the same question from another
        user, is served without searching again.
        """
        question = question[:MAX_QUESTION_CHARS]
        key = (self._generation, question, limit, offset)
        with self._cache_lock:
            cached = self._answers.get(key)
            if cached is not None:
                self._answers.move_to_end(key)
                return cached
        answer = self._search(question, limit=limit, offset=offset)
        with self._cache_lock:
            self._answers[key] = answer
            if len(self._answers) > ANSWER_CACHE_SIZE:
                self._answers.popitem(last=False)
        return answer

    def _search(self, question: str, *, limit: int, offset: int) -> Answer:
        """The pipeline: read the question → gather candidates → score → present."""
        lang = detect_lang(question)
        searcher = self._searcher()
        reading = self._read(question)
        if self._off_topic(reading):
            return self._answer(question, lang, "nothing", [], limit, offset, None, self._suggest(reading))
        found = gather.gather(searcher, self._catalog, reading, self._local.text)
        ranked = rank.score(searcher, self._catalog, reading, found)
        if not ranked:
            # Nothing points at any entry, or the words matched only entries that say nothing the question
            # asks (最近有什么好听的歌).
            return self._answer(question, lang, "nothing", [], limit, offset, None, self._suggest(reading))
        understood, category, ranked = self._present(reading, ranked)
        partial = understood == "search" and ranked[0].coverage < rank.floor_for(reading.content)
        judged = understood in ("search", "category") or self._only_organisations(reading)
        if judged and not self._in_domain(reading, partial=partial):
            return self._answer(question, lang, "nothing", [], limit, offset, None, self._suggest(reading))
        return self._answer(question, lang, understood, ranked, limit, offset, category, (), partial=partial)

    def warm_up(self) -> None:
        """Load what the first answers load lazily, so no user waits for it: OpenCC's converters (folding,
        telling Traditional from Simplified, answering in Taiwan's wording) take about 90 ms to open."""
        self._search(WARM_UP_QUESTION, limit=1, offset=0)

    def show(self, name: str, *, lang: Lang | None = None) -> Answer:
        """One project's card; ``nothing`` with suggestions when no such project exists."""
        lang = lang or detect_lang(name)
        entry = self.find(name)
        if entry is None:
            reading = Reading(text=fold(name), unknown_words=[fold(name)])
            return self._answer(name, lang, "nothing", [], 1, 0, None, self._suggest(reading))
        return self._answer(name, lang, "project", [rank.Scored(entry.id, 1.0, frozenset())], 1, 0, None, ())

    def compare(self, names: Sequence[str], *, lang: Lang | None = None) -> Answer:
        """The named projects side by side, in the order given (unknown names are suggested)."""
        joined = " vs ".join(names)
        lang = lang or detect_lang(joined)
        found: list[rank.Scored] = []
        unknown: list[str] = []
        for name in names:
            entry = self.find(name)
            if entry is None:
                unknown.append(fold(name))
            elif all(s.entry_id != entry.id for s in found):
                found.append(rank.Scored(entry.id, 1.0, frozenset()))
        suggestions = self._suggest(Reading(text=joined, unknown_words=unknown)) if unknown else ()
        understood: Understood = "comparison" if found else "nothing"
        return self._answer(joined, lang, understood, found, max(len(found), 1), 0, None, suggestions)

    def category_answer(self, category_id: str, *, lang: Lang, limit: int = 5, offset: int = 0) -> Answer:
        """A category's entries, best first (for the digest's spotlight and "list" drill-downs)."""
        category = self._catalog.categories[category_id]
        ranked = rank.category_order(self._catalog, category_id)
        name = localize(category.name.get(lang), lang)
        return self._answer(name, lang, "category", ranked, limit, offset, category, ())

    def near_categories(self, question: str, *, limit: int = 8) -> list[tuple[Category, int]]:
        """Up to ``limit`` categories with entries that are nearest ``question``, with their entry counts.

        For a question that found nothing: the categories worth offering instead (``index.nearby``).
        """
        reading = self._read(question)
        counts = {cid: len(ids) for cid, ids in self._catalog.by_category.items()}
        ids = nearby.near_categories(reading, self._catalog, populated=counts, limit=limit)
        return [(self._catalog.categories[cid], counts[cid]) for cid in ids]

    def in_domain(self, question: str) -> bool:
        """Whether ``question`` is about the ecosystem at all (not weather, emoji or a ``%00`` probe)."""
        return self._in_domain(self._read(question))

    def _read(self, question: str) -> Reading:
        text = _CJK_SPACE.sub("", fold(question[:MAX_QUESTION_CHARS]))
        searcher = self._searcher()
        return read_question(
            text,
            self._catalog,
            known_term=lambda t: gather.document_frequency(searcher, t) > 0,
            common_term=lambda t: gather.idf(searcher, t) < GENERIC_NAME,
        )

    # ----------------------------------------------------------------- internals

    def _present(
        self, reading: Reading, ranked: list[rank.Scored]
    ) -> tuple[Understood, Category | None, list[rank.Scored]]:
        """Step 4: say how the question was read, from the evidence that won."""
        catalog = self._catalog
        named = reading.named
        exact = [e for e in named if e not in reading.typo_named]
        # Names alone make a comparison of like with like: "Scaleway Kubernetes" asks for a provider's
        # Kubernetes, not how a company compares with a project.
        bare = (
            not reading.content
            and not reading.categories
            and len(exact) == len(named)
            and _joined(reading)
            and len({catalog.is_organisation(e) for e in named}) == 1
        )
        offers = _vendors_offers(catalog, reading, ranked)
        if len(offers) >= 2 and reading.compare_cue:
            # Two clouds set against each other for a need ("阿里云和腾讯云的 k8s 哪个好", "ovh vs scaleway
            # kubernetes"): their offers for it are compared, not the companies, nor Kubernetes.
            return "comparison", None, [rank.Scored(e, 1.0, frozenset()) for e in offers]
        top = ranked[0].entry_id
        # Two names set against each other ("Calico vs Cilium") compare them, however long the question.
        # "calico or flannel for a small on-prem cluster? boss wants it decided…": an "or" between names all of one
        # kind compares them however long the rest ("is CI Jenkins or GitHub Actions, are the dashboards in Datadog or
        # Prometheus…" lists the setting of something else).
        leads = (
            top in named
            or len(_besides_cues(reading)) < LONG_SENTENCE
            or reading.versus
            or (reading.weak_compare_cue and len({catalog.entries[e].category for e in named}) == 1)
        )
        if len(named) >= 2 and leads and (_asks_to_compare(catalog, reading) or bare):
            # Without "vs" or "区别", only names spelled right and nothing else make a comparison: two
            # guessed spellings in a row are more likely one thing misspelled than two things compared,
            # and "用 prometheus 监控 k8s" asks about monitoring. Nor is a long sentence one when the
            # evidence points elsewhere: "a middleware over RocketMQ, Kafka or Pulsar that hides their
            # 差异" asks for that middleware.
            return "comparison", None, _compared(catalog, named, reading)
        if top in named and not reading.content:
            return "project", None, ranked
        populated = [c for c in reading.categories if catalog.by_category.get(c)]
        members = {e for c in populated for e in catalog.by_category.get(c, [])}
        if populated and top in members:
            return "category", catalog.categories[populated[0]], ranked
        if top in named:
            return "project", None, ranked
        return "search", None, ranked

    def _off_topic(self, reading: Reading) -> bool:
        """Mostly words the ecosystem does not use ("pizza near the office"): not a question for us.

        Judged on what the question says besides the projects and categories it names: each word of
        the ecosystem's vocabulary (``Catalog.domain_terms``) counts for it, a named project, category
        or maturity twice; it is off-topic when the words outside outnumber those twice over. A name that is an
        everyday word said in its everyday sense (``index.homonyms``) names nothing.
        """
        if everyday_sense(reading, self._catalog):
            return True
        domain = self._catalog.domain_terms
        words = words_said(reading)
        off = sum(1 for g in words if not domain.intersection(g))
        said = len(reading.named) + bool(reading.categories) + bool(reading.maturity or reading.mentions_cncf)
        on = len(words) - off + 2 * said  # a name or a category says more than any one word
        return off > 2 * on or (on == 0 and off > 0)

    def _in_domain(self, reading: Reading, *, partial: bool = False) -> bool:
        """Whether a question that names no project is about the ecosystem: it speaks the ecosystem's own
        words, and they outweigh its everyday ones. A question naming a project or a maturity is, unless the name
        is an everyday word said in its everyday sense ("Are calico cats always female?").

        When no entry says much of it (``partial``), it must also say one word that is clearly the ecosystem's
        (``NEED_WORD``): "SQL 里 LEFT JOIN 和 INNER JOIN 有什么区别" or "is Windows 10 still getting updates"
        speak of computing in words the descriptions say too (join, update), and nothing here answers them."""
        if everyday_sense(reading, self._catalog):
            return False
        catalog = self._catalog
        exact = [e for e in reading.named if e not in reading.typo_named and not catalog.is_organisation(e)]
        if exact or reading.maturity or reading.mentions_cncf:
            return True
        # Words, not single characters (式, 写 are said by every kind of text).
        groups = words_said(reading)
        # A word the ecosystem says only before another ("reverse" → proxy) is everybody's without it.
        said = {t for g in groups for t in g}
        bound = self._catalog.bound_terms
        words = [tuple(t for t in g if t not in bound or bound[t] in said) for g in groups]
        if partial and not any(leaning(g, catalog.specific) >= NEED_WORD for g in groups):
            return False
        spoken = self._speaks_curated(reading, words) or self._pinpoints(words)
        return spoken and self._leans_to_ecosystem(reading, words)

    def _only_organisations(self, reading: Reading) -> bool:
        """Whether the only projects named are organisations' cards (Microsoft, Oracle, a CNCF member): everybody
        names those ("did Microsoft shut Skype down?"), so the question's words must still speak the ecosystem's
        language (``_in_domain``), as a question naming nothing must."""
        return bool(reading.named) and all(self._catalog.is_organisation(e) for e in reading.named)

    def _speaks_curated(self, reading: Reading, words: Sequence[tuple[str, ...]]) -> bool:
        """Whether the question says a name, a category, or enough words of the curated descriptions
        (``Catalog.core_terms``): "SELECT * FROM users" matches some imported blurb word for word, and
        is still not about containers."""
        core = self._catalog.core_terms
        spoken = sum(1 for g in words if core.intersection(g))
        return (
            bool(reading.named or reading.categories) or spoken >= SPOKEN_WORDS or spoken * 2 > len(words) > 0
        )

    def _pinpoints(self, words: Sequence[tuple[str, ...]]) -> bool:
        """Whether a few words, each more the ecosystem's than everyday language's, are said together by a few
        entries only: a project asked for by its owner's and its own words ("flant/dapp" → werf, "搜狗 workflow"),
        which the landscape's blurbs say and the curated descriptions need not. "ok", "收到" or "k-means
        clustering" lean to everyday language."""
        if not 0 < len(words) <= PINPOINT_WORDS:
            return False
        specific = self._catalog.specific
        if any(max((specific.get(t, 0.0) for t in g), default=0.0) <= 0 for g in words):
            return False
        saying = 0
        for terms in self._catalog.entry_terms.values():
            if all(terms.intersection(g) for g in words):
                saying += 1
                if saying > PINPOINT_ENTRIES:
                    return False
        return saying > 0

    def _leans_to_ecosystem(self, reading: Reading, words: Sequence[tuple[str, ...]]) -> bool:
        """Whether the question's words, its category words included, are more the ecosystem's than
        everyday language's (``index.specificity``): "my home Wi-Fi mesh keeps dropping" says a category
        word, and "I hurt my back lifting a couch" a misspelled name (PouchContainer), in passing. A guessed
        name or a named category weighs as one ecosystem word."""
        category = [g for g in reading.category_groups if not fragment(g)]
        named = IN_DOMAIN_EVIDENCE * (bool(reading.named) + bool(reading.categories))
        found = evidence([*words, *category], self._catalog.specific)
        return named + found >= IN_DOMAIN_EVIDENCE

    def _suggest(self, reading: Reading) -> tuple[str, ...]:
        names: list[str] = []
        for word in sorted(reading.unknown_words, key=len, reverse=True)[:3]:
            for entry_id in self._catalog.close_names(word, cutoff=SUGGEST_CUTOFF, n=3):
                name = self._catalog.entries[entry_id].name
                if name not in names:
                    names.append(name)
        return tuple(names[:5])

    def _answer(
        self,
        question: str,
        lang: Lang,
        understood: Understood,
        ranked: Sequence[rank.Scored],
        limit: int,
        offset: int,
        category: Category | None,
        suggestions: tuple[str, ...],
        *,
        partial: bool = False,
    ) -> Answer:
        limit = max(1, min(limit, 50))
        offset = max(0, offset)
        hits = tuple(self._hit(s, lang) for s in ranked[offset : offset + limit])
        return Answer(
            question=question,
            lang=lang,
            understood=understood if ranked else "nothing",
            hits=hits,
            total=len(ranked),
            offset=offset,
            category=category,
            category_name=localize(category.name.get(lang), lang) if category else "",
            suggestions=suggestions,
            partial=partial and bool(ranked),
        )

    def _hit(self, scored: rank.Scored, lang: Lang) -> Hit:
        entry = self._catalog.entries[scored.entry_id]
        category = self._catalog.categories.get(entry.category)
        text = entry.description.get(lang)
        description, spans = highlight(text, scored.terms, lang, self._catalog.words.get(text))
        return Hit(
            entry=entry,
            score=round(scored.score, 4),
            name=localize(entry.name, lang),
            description=description,
            highlights=spans,
            category_name=localize(category.name.get(lang), lang) if category else entry.category,
            status_note=localize(entry.status_note.get(lang), lang),
        )


_JOINERS = re.compile(r"\b(?:and|or|with)\b|[\s,，、;；/&+|和与跟及或]")


def _joined(reading: Reading) -> bool:
    """Only names and words that join them ("etcd 和 consul", "etcd, consul"): "阿里云上的 k8s" relates two
    names (k8s on Alibaba Cloud), it does not compare them."""
    rest = reading.text
    for said in reading.name_said.values():
        rest = rest.replace(said, " ", 1)
    return not _JOINERS.sub("", rest)


LONG_SENTENCE = 3
"""Words besides the names from which a comparison cue may be a word of a description ("持续比较集群状态")."""


def _besides_cues(reading: Reading) -> list[tuple[str, ...]]:
    """The question's words but its comparison cues ("compare", 区别): how long a sentence is, they say how to
    answer, not what about ("my manager asked me to compare kong and traefik" says two words besides)."""
    return [g for g in reading.content if not COMPARE_TERMS.intersection(g)]


def _asks_to_compare(catalog: Catalog, reading: Reading) -> bool:
    """A comparison cue, unless it is only "or" (还是) in a sentence that says more, or any cue in a long
    one, between projects of different kinds: "calico or flannel for a small cluster" compares, "local
    development against a remote Kubernetes or OpenShift cluster" describes a tool."""
    if not reading.compare_cue:
        return False
    said = _besides_cues(reading)
    if not said or (not reading.weak_compare_cue and len(said) < LONG_SENTENCE):
        return True
    categories = [catalog.entries[e].category for e in reading.named]
    return len(set(categories)) < len(categories)


def _vendors_offers(catalog: Catalog, reading: Reading, ranked: list[rank.Scored]) -> list[str]:
    """Each vendor the question says (``Catalog.vendor_said``), in the order said, by its best-ranked offer, when it
    says a need besides them."""
    vendors = [catalog.vendor_said(g) for g in reading.all_terms]
    said = list(dict.fromkeys(v for v in vendors if v is not None))
    # The rest is the need ("kubernetes" in "ovh vs scaleway kubernetes"); "Scaleway vs DigitalOcean" says none and
    # compares the companies.
    need = [g for g, v in zip(reading.all_terms, vendors, strict=True) if v is None]
    if len(said) < 2 or not need:
        return []
    # The offer that says most of the need (OVH's managed Kubernetes, not its registry), the better ranked among
    # equals.
    best: dict[int, tuple[int, str]] = {}
    for scored in ranked:
        own = catalog.entry_terms.get(scored.entry_id, frozenset())
        says = sum(1 for g in need if own.intersection(g))
        for vendor in catalog.offered_by.get(scored.entry_id, frozenset()):
            if vendor not in best or says > best[vendor][0]:
                best[vendor] = (says, scored.entry_id)
    offers = [best[v][1] for v in said if v in best]
    return list(dict.fromkeys(offers))


def _whose(catalog: Catalog, reading: Reading, entry_id: str) -> bool:
    """Whether a named entry is a company's card, or was named only by a vendor's words ("huawei cloud" names
    Huawei's storage card): whose the things compared are, not one of them."""
    groups = reading.name_groups.get(entry_id, [])
    return catalog.is_organisation(entry_id) or (
        bool(groups) and all(catalog.vendor_said(g) is not None for g in groups)
    )


def _compared(catalog: Catalog, named: list[str], reading: Reading) -> list[rank.Scored]:
    """The named projects, in the order asked; those of one kind first ("k8s 用 calico 还是 flannel"
    compares two network plugins, Kubernetes is the context). A company's card named beside two of its
    services or projects is whose they are (``_whose``): "huawei cloud CCE vs CCI" compares CCE and CCI."""
    projects = [e for e in named if not _whose(catalog, reading, e)]
    if len(projects) >= 2:
        named = projects
    categories = [catalog.entries[e].category for e in named]
    shared = [e for e, c in zip(named, categories, strict=True) if categories.count(c) >= 2]
    ordered = shared + [e for e in named if e not in shared]
    return [rank.Scored(e, 1.0, frozenset()) for e in ordered]
