"""Step 1 of the pipeline, reading a question: the projects, categories and maturity it names, and what
else it says, each as *evidence* for ranking (``index.rank``), never as a decision.

Works on folded text (``index.normalize.fold``) and the catalog only; Whoosh is not involved, so this
is cheap and testable on its own. User text is never query syntax: it only ever becomes words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from index import names as naming
from index.catalog import MAX_NAME_WORDS, Catalog, compact, words
from index.chatter import chatter_around_names
from index.normalize import fold as fold_name
from index.question_words import (
    ALTERNATIVE_CUES,
    COMPARE_CUES,
    CONTEXT_BEFORE,
    CONTEXT_MATURITIES,
    CUE_GAP,
    CUE_OBJECT_AFTER,
    CUE_OBJECT_BEFORE,
    EXPLAIN_ASKED,
    HOW_TO_AFTER,
    HOW_TO_BEFORE,
    IS_AFTER,
    LIKENESS_CUES,
    MATURITY_CONTEXT,
    MATURITY_WORDS,
    NAME_JOINERS,
    OF,
    OF_AFTER,
    OPEN_SOURCE,
    RELATION_AFTER,
    RELATION_IS,
    STAGE_WORDS,
    STATUS_ASKED,
    STATUS_WORDS,
    STILL_ASKED,
    THING_AFTER,
    TROUBLE_WORDS,
    VERSUS,
    WEAK_COMPARE_CUES,
    WHAT_BEFORE,
    WHAT_IS_AFTER,
    WHAT_IS_BEFORE,
    filler_terms,
    filler_words,
)
from index.reading import HANZI, Reading
from index.tokenizer import ASCII_WORD, STOP_WORDS, analyze, term_spans


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _free(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def _longer(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Free, or only holding shorter matches inside: the longest reading wins ("serverless on
    kubernetes" is a category term, not the name Kubernetes)."""
    return all(end <= s or start >= e or (start <= s and e <= end and e - s < end - start) for s, e in spans)


Named = tuple[int, str, float, str]
"""(position in the question, entry id, strength, the words that named it)."""
TYPO = 0.85
"""A misspelled name names its entry a little less surely than the right spelling."""


def _find_names(
    text: str, catalog: Catalog, spans: list[tuple[int, int]], *, compare: bool = False
) -> list[Named]:
    """Projects named by a spelling they answer to (``index.names``), longest first, Chinese glued
    or not ("harbor怎么部署"). A key several entries answer to names the surest and best known of them.

    A weak name (an everyday word such as Scale) counts only alone or in a comparison.
    """
    found: list[Named] = []
    tokens = [
        (m.group(0).strip("."), m.start(), m.end()) for m in re.finditer(r"[0-9a-z][0-9a-z.+#_/-]*", text)
    ]
    # compact() only drops characters, so a window's key is its words' keys joined.
    compacted = [compact(t[0]) for t in tokens]
    whole = compact(text)
    for size in range(MAX_NAME_WORDS, 0, -1):
        for i in range(len(tokens) - size + 1):
            start, end = tokens[i][1], tokens[i + size - 1][2]
            if not _free(spans, start, end) or (size > 1 and HANZI.search(text, start, end)):
                continue  # "harbor的替代品,自架registry" is two words, not the alias "Harbor Registry"
            key = "".join(compacted[i : i + size])
            ids = catalog.names.get(key)
            weak = key in STOP_WORDS or (key in catalog.weak_names and key != whole and not compare)
            if size == 1 and key in catalog.everyday_names and OF_AFTER.match(text, end):
                # "which kind of ingress", "a fleet of clusters": a name that is an everyday English word,
                # followed by "of", is that word, and no misspelling of a name either.
                spans.append((start, end))
                continue
            if compare and size > 1 and all(k in catalog.names for k in compacted[i : i + size]):
                continue  # "compare flannel calico" compares two names, not the one called "Flannel Calico"
            if ids and size > 1 and _written_as_term(tokens[i : i + size], ids[0], catalog):
                continue  # "container networking" is a category's term, not CNI's owner containernetworking
            if ids and not weak:
                spans.append((start, end))
                found.append((start, ids[0], catalog.strength.get((key, ids[0]), 1.0), text[start:end]))
    for token, start, end in tokens:
        if "/" in token and _free(spans, start, end):
            found += _slashed_names(token, start, catalog, spans)
    # Chinese names hold Chinese characters: a question without any names none of them.
    cjk_names = catalog.cjk_names if HANZI.search(text) else ()
    spaceless = text.replace(" ", "")
    for name, entry_id, key in cjk_names:
        if key in catalog.weak_names and key != whole and not compare:
            continue
        at = spaceless.find(name) if " " in name else text.find(name)
        if at >= 0 and _free(spans, at, at + len(name)):
            spans.append((at, at + len(name)))
            found.append((at, entry_id, naming.FULL, name))
    return found


def _common(groups: Sequence[tuple[str, ...]], common_term: Callable[[str], bool]) -> bool:
    """Whether a name said in ``groups`` is everybody's: as common as its most informative spelling said ("k8s" is
    as common as "kubernetes"; ``Reading.generic_named``)."""
    return all(any(common_term(t) for t in group) for group in groups)


def _said_commonly(said: str, catalog: Catalog, common_term: Callable[[str], bool]) -> bool:
    return _common(term_groups(said, catalog), common_term)


def _replaced(
    text: str,
    cues: Sequence[tuple[int, int]],
    named: Sequence[Named],
    reading: Reading,
    generic: Callable[[str], bool],
) -> list[str]:
    """The projects a question wants something instead of: the name right beside a cue of replacement, on the side
    the cue takes its project ("instead of Jenkins", "Kafka 以外", "把 Jenkins 换成…"; ``CUE_GAP``), or, with
    none beside one, the only name it says but everybody's setting ("jenkins 太重了，有没有别的选择", "we use
    litmus today, what other chaos tools run on k8s?"; not "在 Kubernetes 核心控制器之外").
    ``generic(entry_id)``: whether the name as said is as common as Kubernetes (``_common``)."""
    exact = [n for n in named if n[1] not in reading.typo_named] or list(named)
    beside = []
    for a, b in cues:
        cue = text[a:b]
        for at, entry_id, _s, said in exact:
            follows = at >= b and CUE_GAP.fullmatch(text, b, at) and not CUE_OBJECT_BEFORE.search(cue)
            precedes = at + len(said) <= a and CUE_GAP.fullmatch(text, at + len(said), a)
            if follows or (precedes and not CUE_OBJECT_AFTER.search(cue)):
                beside.append(entry_id)
    own = {n[1] for n in exact if not generic(n[1])}
    # A name asked what it is is what the question is about: "what's pulsar and why … instead of the queue we have".
    if not beside and len(own) == 1 and not reading.asked_what:
        beside = list(own)
    return [e for e in reading.named if e in beside]


def _written_as_term(window: list[tuple[str, int, int]], entry_id: str, catalog: Catalog) -> bool:
    """Whether words a name only compacts to are written as a category's term, which the name is not."""
    written = " ".join(t[0] for t in window)
    if written not in catalog.spaced_terms:
        return False
    entry = catalog.entries[entry_id]
    return all(fold_name(n) != written for n in (entry.name, *entry.aliases))


def _slashed_names(token: str, start: int, catalog: Catalog, spans: list[tuple[int, int]]) -> list[Named]:
    """Names in a word with slashes: "prometheus/grafana" lists two projects of a kind; otherwise
    "owner/name" is a repository as people paste it, and its last part names the project whatever the
    owner (an old one: windmilleng/tilt; google/ko), even when that part is an everyday word."""
    parts, at = [], start
    for part in token.split("/"):
        key = compact(part)
        if key in catalog.names and key not in STOP_WORDS:
            parts.append((at, at + len(part), catalog.names[key][0], key))
        at += len(part) + 1
    kinds = {catalog.entries[entry_id].category for _s, _e, entry_id, _k in parts}
    if len(parts) < 2 or len(kinds) > 1:
        last_start = start + len(token) - len(token.rsplit("/", 1)[-1])
        parts = [(start, end, entry_id, key) for s, end, entry_id, key in parts if s == last_start]
    for part_start, part_end, _entry_id, _key in parts:
        spans.append((part_start, part_end))
    return [(s, e_id, catalog.strength.get((key, e_id), 1.0), token) for s, _e, e_id, key in parts]


def _find_categories(
    text: str, catalog: Catalog, spans: list[tuple[int, int]], by_name: set[str]
) -> tuple[list[tuple[str, int]], dict[tuple[int, int], list[str]]]:
    """Categories named by their terms, the one whose terms cover most of the question first, and each
    matched term's span with the categories it names.

    A term may belong to several categories (容器云: international and Chinese clouds); each category
    scores the characters its matched terms cover, so 国内的容器云 favours the Chinese clouds.
    Categories named by (part of) their own name, not a narrower term, are added to ``by_name``: a term
    that holds the name and says more (分布式数据库, "distributed database") names a narrower need.
    """
    covered: dict[str, int] = {}
    claimed: dict[tuple[int, int], list[str]] = {}
    found = [(term, ids, text.find(term)) for term, ids in (catalog.cjk_terms if HANZI.search(text) else ())]
    # Of two terms of one length that overlap, the later is the head ("容器运行时安全" is runtime security, as
    # "container runtime security" is): a compound's last noun is what it is, those before it qualify it.
    for term, category_ids, at in sorted((f for f in found if f[2] >= 0), key=lambda f: (-len(f[0]), -f[2])):
        if not _longer(spans, at, at + len(term)) or not _free(claimed, at, at + len(term)):
            continue
        claimed[(at, at + len(term))] = category_ids
        for category_id in category_ids:
            covered[category_id] = covered.get(category_id, 0) + len(term)
            zh_name = catalog.name_keys[category_id][0]
            written = catalog.cjk_written.get(term, term)
            if written in zh_name:
                by_name.add(category_id)
    stems: list[tuple[str, int, int, int]] = []
    for number, match in enumerate(ASCII_WORD.finditer(text)):
        for stem in analyze(match.group(0)):  # stop words drop out, as they do from the terms
            stems.append((stem, match.start(), match.end(), number))
    sequence = [s[0] for s in stems]
    for size in range(4, 0, -1):
        for i in reversed(range(len(stems) - size + 1)):
            key = tuple(sequence[i : i + size])
            if "" in key or key not in catalog.ascii_terms:
                continue
            skipped = stems[i + size - 1][3] - stems[i][3] + 1 - size
            if skipped > catalog.ascii_gaps.get(key, 0):
                continue
            said = [text[start:end] for _s, start, end, _n in stems[i : i + size]]
            spellings = catalog.ascii_forms.get(key)
            if spellings and not any(_same_words(said, forms) for forms in spellings):
                continue
            start, end = stems[i][1], stems[i + size - 1][2]
            if not _longer(spans, start, end) or not _free(claimed, start, end):
                continue
            claimed[(start, end)] = catalog.ascii_terms[key]
            for category_id in catalog.ascii_terms[key]:
                covered[category_id] = covered.get(category_id, 0) + (end - start)
                en_name = catalog.name_keys[category_id][1]
                if set(key) <= en_name:
                    by_name.add(category_id)
    spans[:] = [(s, e) for s, e in spans if _free(claimed, s, e)] + list(claimed)
    return sorted(covered.items(), key=lambda kv: -kv[1]), claimed


INFLECTIONS = frozenset(
    {"", "e", "s", "es", "ed", "ing", "er", "ers", "or", "ors", "ion", "ions", "ation", "ations", "ment"}
    | {"ments", "ance", "ence", "ity", "ability", "y", "ies", "ize", "ized", "izes", "izing", "ization"}
    | {"ise", "ised", "ises", "ising", "isation"}
)
"""What may follow the part two spellings of one English word share: "scheduling" is "scheduler",
"monitor" is "monitoring"; "internal" is not "international", though the stemmer cuts both to "intern"."""


def _inflection(asked: str, word: str) -> bool:
    """Whether ``asked`` and ``word`` are one English word, inflected (``INFLECTIONS``)."""
    shared = 0
    while shared < min(len(asked), len(word)) and asked[shared] == word[shared]:
        shared += 1
    return asked[shared:] in INFLECTIONS and word[shared:] in INFLECTIONS


def _same_words(said: Sequence[str], forms: Sequence[tuple[str, bool]]) -> bool:
    """Whether the question's words are the category term's words, not only stemmed alike: "idle" is no
    IDL, "internal" no "international". An acronym is said as written (or plural)."""
    for asked, (term, acronym) in zip(said, forms, strict=True):
        if asked == term:
            continue
        if acronym:
            if asked not in (term + "s", term + "es"):
                return False
            continue
        if not _inflection(asked, term):
            return False
    return True


def _alike(word: str, name: str) -> bool:
    return naming.closest(compact(word), [compact(fold_name(name))]) is not None


def _find_misspelled_pairs(
    rest: str,
    catalog: Catalog,
    spans: list[tuple[int, int]],
    named: list[Named],
    reading: Reading,
    known_term: Callable[[str], bool],
) -> None:
    """Two-word names with a typo ("dokcer swarm"): matched as one compact spelling. Two words that are each
    known or plain English are those words ("how do I wash a…" is no WAMR), as a single word is."""
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[0-9a-z][0-9a-z.+#-]*", rest)]
    plain = catalog.plain_words
    for (first, start, _e1), (second, _s2, end) in itertools.pairwise(tokens):
        if all(w in plain or all(known_term(s) for s in analyze(w)) for w in (first, second)):
            continue
        close = catalog.close_names(first + second, n=1)
        if close and _free(spans, start, end):
            spans.append((start, end))
            named.append((start, close[0], TYPO, rest[start:end]))
            reading.typo_named.append(close[0])


def _said_as_context(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether the name at ``text[start:end]`` is the setting of the question, not its subject: after
    "基于", "on", "replace"… (not "look into", "read up on": ``WHAT_IS_BEFORE``), before "based", "原生",
    "上"…, or before a word the project is not: "PostgreSQL operator" and "Kubernetes 的渐进式交付控制器" ask
    for something else, "Traefik ingress" and "DaoCloud 的容器平台" about Traefik and DaoCloud (``own``: the
    index terms of what the entry is, ``Catalog.identity_terms``). Trouble said after it makes it the subject
    whatever follows it: "calico pods keep crashing", "jaeger 里的 trace 断断续续"."""
    after = text[end : end + 16]
    if WHAT_IS_BEFORE.search(text[max(0, start - 24) : start]):
        return False
    if CONTEXT_BEFORE.search(text[max(0, start - 16) : start]):
        return True
    if TROUBLE_WORDS.search(text, end):
        return False
    if RELATION_AFTER.match(after):
        return True
    following = THING_AFTER.match(after) or OF.match(after)
    if following is None:
        return False
    said = [t for t in analyze(following.group(0)) if t not in filler_terms()]
    return bool(said) and said[0] not in own


def _asked_what_it_is(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is asked what it is ("flannel 是啥", "what is Longhorn", "what
    Kubernetes is")."""
    before, after = text[max(0, start - 24) : start], text[end:]
    return bool(
        WHAT_IS_BEFORE.search(before)
        or WHAT_IS_AFTER.match(after)
        or (WHAT_BEFORE.search(before) and IS_AFTER.match(after))
    )


def _asked_how_to(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is asked how to do something with ("harbor 怎么部署", "how to
    upgrade istio")."""
    return bool(HOW_TO_AFTER.match(text[end:]) or HOW_TO_BEFORE.search(text[max(0, start - 40) : start]))


JOINED_BY = 4
"""How many characters besides spaces may stand between a weak cue and a name it joins ("etcd 还是用 consul")."""


def _joins_names(text: str, named: Sequence[Named]) -> bool:
    """Whether a weak comparison cue ("or", 还是, "between") stands between two named projects, or
    "between" just before one: "calico or flannel", "etcd 还是 consul", "between k3s and k0s"."""
    ends = [at + len(said) for at, _e, _s, said in named]
    starts = [at for at, _e, _s, _said in named]

    def near(gap: str) -> bool:
        return len(gap.strip()) <= JOINED_BY and not any(c in gap for c in ",，.。;；")

    for match in WEAK_COMPARE_CUES.finditer(text):
        after = any(at >= match.end() and near(text[match.end() : at]) for at in starts)
        before = any(end <= match.start() and near(text[end : match.start()]) for end in ends)
        if after and (before or match.group(0) == "between"):
            return True
    return False


def _after_a_name(text: str, start: int, named: Sequence[Named], between: re.Pattern[str]) -> bool:
    """Whether the name at ``start`` follows another name with only ``between`` between them: a joiner
    (``NAME_JOINERS``: "KubeEdge 和 OpenYurt 选哪个" asks about both, where "和 Prometheus 集成" makes Prometheus the
    setting) or a "vs" (``VERSUS``)."""
    return any(
        at + len(said) <= start and between.match(text[at + len(said) : start]) for at, _e, _s, said in named
    )


GENERIC_NAME = 1.5
"""The IDF below which a term is so common it names no one thing: a name said only in such terms (Kubernetes, said by
a fifth of all entries) is the setting of a longer question (``Reading.generic_named``)."""


def read_question(
    text: str, catalog: Catalog, *, known_term: Callable[[str], bool], common_term: Callable[[str], bool]
) -> Reading:
    """Read folded ``text``. ``known_term(term)`` says whether an index term occurs in any document,
    ``common_term(term)`` whether it is so common that it names no one thing (``Reading.generic_named``)."""
    reading = Reading(text=text)
    cues = {m.group(0) for m in COMPARE_CUES.finditer(text)}
    reading.compare_cue = bool(cues)
    reading.weak_compare_cue = bool(cues) and all(WEAK_COMPARE_CUES.fullmatch(c) for c in cues)
    spans: list[tuple[int, int]] = []
    # Asked whether a project still stands ("还在维护吗", "is jaeger still a thing?"), read once for both uses below.
    standing_asked = bool(STILL_ASKED.search(text) or STATUS_ASKED.search(text))

    for word, maturity in MATURITY_WORDS.items():
        # Every time it is said: "is istio graduated? which other graduated projects…" asks no word "graduated".
        said = [m.span() for m in re.finditer(re.escape(word), text)]
        if said and (maturity not in CONTEXT_MATURITIES or MATURITY_CONTEXT.search(text)):
            reading.maturity = maturity
            spans += said
    if reading.maturity:  # "孵化阶段", "graduated level": the stage is the maturity, not a word to match
        spans += [m.span() for m in STAGE_WORDS.finditer(text) if _free(spans, *m.span())]
    reading.asks_open_source = bool(OPEN_SOURCE.search(text))
    cncf = [m.span() for m in re.finditer("cncf", text)]
    if cncf:
        reading.mentions_cncf = True
        spans += cncf

    named = _find_names(text, catalog, spans, compare=reading.compare_cue)
    by_name: set[str] = set()
    found, claimed = _find_categories(text, catalog, spans, by_name)
    reading.category_terms = [text[start:end] for start, end in claimed]
    named = [n for n in named if _free(claimed, n[0], n[0] + len(n[3]))]
    reading.categories = [c for c, _n in found]
    reading.top_categories = [c for c, n in found if n == found[0][1]]
    reading.by_name = any(c in by_name for c in reading.top_categories)

    rest = _mask(text, spans)
    _find_misspelled_pairs(rest, catalog, spans, named, reading, known_term)
    rest = _mask(text, spans)
    for word in words(rest):
        stems = analyze(word)
        if len(word) < 4 or not stems or all(s in STOP_WORDS or s in filler_terms() for s in stems):
            continue
        at = rest.find(word)
        sharing = catalog.stem_names.get(stems[0], []) if len(stems) == 1 else []
        # "distributed" shares a stem with "Distribution" but is not a typo of it.
        by_stem = next((e for e in sharing if _alike(word, catalog.entries[e].name)), None)
        if by_stem:
            spans.append((at, at + len(word)))
            named.append((at, by_stem, TYPO, word))
            reading.typo_named.append(by_stem)
            continue
        if any(known_term(s) for s in stems) or word in catalog.plain_words:
            continue
        close = catalog.close_names(word, n=1)
        if close:
            spans.append((at, at + len(word)))
            named.append((at, close[0], TYPO, word))
            reading.typo_named.append(close[0])
        else:
            reading.unknown_words.append(word)

    for at, entry_id, strength, said in sorted(named):
        if entry_id not in reading.named:
            reading.named.append(entry_id)
            reading.name_strength[entry_id] = strength
            reading.name_said[entry_id] = said
            identity = catalog.identity_terms.get(entry_id, frozenset())
            if not _after_a_name(text, at, named, NAME_JOINERS) and _said_as_context(
                text, at, at + len(said), identity
            ):
                reading.context_named.append(entry_id)
            elif strength != TYPO and _asked_what_it_is(text, at, at + len(said)):
                reading.asked_what = True
            elif strength != TYPO and _asked_how_to(text, at, at + len(said)):
                reading.asked_how = True
            if _after_a_name(text, at, named, VERSUS):
                reading.versus = True

    exact = [e for e in reading.named if e not in reading.typo_named]
    # One project named by a name of its own (not one word of it: "devs" for Serverless Devs).
    if (
        len(exact) == 1
        and exact[0] not in reading.context_named
        and reading.name_strength[exact[0]] > naming.WORD
    ):
        reading.asked_if_alive = standing_asked
        if EXPLAIN_ASKED.search(text):
            reading.asked_what = True
        elif TROUBLE_WORDS.search(text, text.find(reading.name_said[exact[0]])):
            reading.asked_how = True
    if reading.weak_compare_cue and not _joins_names(text, named):
        # "plugins in Lua, Python or gRPC": an "or" that lists words, not projects, compares nothing.
        reading.compare_cue = reading.weak_compare_cue = False
    cues = [m.span() for m in ALTERNATIVE_CUES.finditer(text) if _free(spans, *m.span())]
    if (
        len(reading.named) >= 2
        and cues
        and all(RELATION_IS.search(text[max(0, a - 6) : a]) for a, _b in cues)
    ):
        # "Kubeflow 和 Volcano 是竞品吗", "are X and Y alternatives": how the names relate, a comparison.
        reading.compare_cue, reading.weak_compare_cue = True, False
        spans += cues
        cues = []
    if cues and reading.named:
        # The cue is how the question relates to the names, not a word to look for.
        reading.alternatives_of = _replaced(
            text,
            cues,
            named,
            reading,
            lambda e: _said_commonly(reading.name_said[e], catalog, common_term),
        )
        reading.only_alike = all(LIKENESS_CUES.fullmatch(text[a:b]) for a, b in cues)
        reading.still_asked = standing_asked
        spans += cues
    # How a named project stands, asked with or without a cue of replacement ("promtail is deprecated, what now?").
    reading.of_status = bool(reading.named and STATUS_WORDS.search(text))
    outside = _outside(text, spans)
    joined = _joined_terms(text, outside, catalog)
    reading.joined = frozenset(t for terms in joined.values() for t in terms)
    reading.content = _groups(
        [t for t, _w, _s, _e in outside],
        catalog,
        drop_filler=False,
        said=[w for _t, w, _s, _e in outside],
        joined=joined,
    )
    reading.word_of = _word_numbers(outside, reading.content)
    reading.written_ascii = {
        g for g in reading.content if any(w.isascii() and t in g for t, w, _s, _e in outside)
    }
    reading.all_terms = term_groups(text, catalog)
    names = " ".join(catalog.entries[e].name for e in reading.named)
    reading.name_terms = term_groups(fold_name(names), catalog)
    for entry_id in reading.named:
        said = term_groups(reading.name_said[entry_id], catalog) or reading.name_terms[:1]
        reading.name_groups[entry_id] = said
        if _common(said, common_term):
            reading.generic_named.append(entry_id)
    reading.category_groups = term_groups(" ".join(reading.category_terms), catalog)
    # A word of the best category's own name said beside its term ("clouds" in "clouds outside China")
    # is that category's word too, not something else to look for.
    named_by = {t for c in reading.top_categories for t in _name_terms(catalog, c)}
    heads = [g for g in reading.content if named_by.intersection(g)]
    reading.content = [g for g in reading.content if g not in heads]
    reading.category_groups += [g for g in heads if g not in reading.category_groups]
    reading.by_name = reading.by_name or bool(heads)
    qualifiers = [text[s:e] for (s, e), ids in claimed.items() if not set(ids) & set(reading.top_categories)]
    reading.qualifier_groups = term_groups(" ".join(qualifiers), catalog)
    if chatter_around_names(reading, catalog):
        reading.chatter, reading.content = reading.content, []
    return reading


@lru_cache(maxsize=256)
def _name_words(zh: str, en: frozenset[str]) -> frozenset[str]:
    return frozenset(analyze(zh)) | en


def _name_terms(catalog: Catalog, category_id: str) -> frozenset[str]:
    """The index terms of a category's names, Chinese and English."""
    zh, en = catalog.name_keys[category_id]
    return _name_words(zh, en) - filler_terms()


JOINED_WORDS = 3
"""At most this many English words written apart can be one word written together ("cluster role bindings")."""


def _joined_terms(
    text: str, outside: Sequence[tuple[str, str, int, int]], catalog: Catalog
) -> dict[int, tuple[str, ...]]:
    """Term number → the terms of the English words around it written together, where the descriptions write
    them so (``Catalog.joined_terms``): Kubernetes' kinds are one word there (RoleBindings, ServiceAccounts,
    ConfigMaps) and two to people ("role bindings and service accounts"). Each word of the run says the joined
    term too; it weighs nothing of its own (``gather.word_weight``)."""
    joined: dict[int, set[str]] = {}
    for first in range(len(outside)):
        for last in range(first + 1, min(first + JOINED_WORDS, len(outside))):
            run = outside[first : last + 1]
            if not all(w.isascii() and w.isalpha() and len(w) >= 3 for _t, w, _s, _e in run):
                break
            if any(text[a[3] : b[2]] not in (" ", "-") for a, b in itertools.pairwise(run)):
                break
            terms = analyze("".join(w for _t, w, _s, _e in run))
            if len(terms) == 1 and terms[0] in catalog.joined_terms:
                for i in range(first, last + 1):
                    joined.setdefault(i, set()).add(terms[0])
    return {i: tuple(sorted(terms)) for i, terms in joined.items()}


def _outside(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
    """The index terms, with the words as written and where, of the words of ``text`` that lie outside every span
    (names, categories, maturity) and are not filler (English filler as written, ``filler_words``).

    A word a span only cuts into stays whole when what lies outside the span is no word of its own, nor
    part of one: in 多集群管理 the category term 集群管理 leaves 多集群 (multi-cluster), not a lone 多; in
    容器网络方案 the term 容器网络 leaves the word 方案, and 网络方案 goes; in 阿里云函数计算 the term 函数计算
    leaves 阿里云, and 云函数 (cloud function), made of its last character, goes.
    """
    words = term_spans(text)
    free = [(start, end) for _t, start, end in words if all(end <= s or start >= e for s, e in spans)]
    kept = []
    for term, start, end in words:
        cut = [(s, e) for s, e in spans if s < end and start < e]
        if any(s <= start and end <= e for s, e in cut):
            continue
        outside = [(start, s) for s, _e in cut if s > start] + [(e, end) for _s, e in cut if e < end]
        if any(a <= part_start and part_end <= b for part_start, part_end in outside for a, b in free):
            continue
        word = text[start:end]
        if word in filler_words() if word.isascii() else term in filler_terms():
            continue
        kept.append((term, word, start, end))
    return kept


def _word_numbers(
    outside: Sequence[tuple[str, str, int, int]], groups: Sequence[tuple[str, ...]]
) -> dict[tuple[str, ...], int]:
    """Each group of ``groups`` → the number of the written word it was said in: terms whose spans overlap
    (几十个, 几十, 十个) were said as one word."""
    group_of = {}
    for group in groups:
        for term in group:
            group_of.setdefault(term, group)
    word_of: dict[tuple[str, ...], int] = {}
    number, reach = -1, -1
    for term, _word, start, end in sorted(outside, key=lambda o: (o[2], o[3])):
        if start >= reach:
            number += 1
        reach = max(reach, end)
        group = group_of.get(term)
        if group is not None:
            word_of.setdefault(group, number)
    return word_of


def term_groups(source: str, catalog: Catalog) -> list[tuple[str, ...]]:
    """The index terms of ``source`` as groups of interchangeable terms (a word and its synonyms)."""
    return _groups(analyze(source), catalog)


def _groups(
    terms: list[str],
    catalog: Catalog,
    *,
    drop_filler: bool = True,
    said: Sequence[str] = (),
    joined: Mapping[int, tuple[str, ...]] | None = None,
) -> list[tuple[str, ...]]:
    """With ``said`` (each term's word as written), an English word has its synonyms only when it is the
    word they were given for, or an inflection of it: "awful" is no AWS, "author" no authorization. ``joined``
    adds, by term number, the terms of the words written together (``_joined_terms``)."""
    result: list[tuple[str, ...]] = []
    for i, term in enumerate(terms):
        if drop_filler and term in filler_terms():
            continue
        group = catalog.synonyms.get(term, (term,))
        spellings = catalog.synonym_spellings.get(term, ())
        if said and spellings and said[i].isascii() and not any(_inflection(said[i], w) for w in spellings):
            group = (term,)
        if joined and i in joined:
            group = (*group, *(t for t in joined[i] if t not in group))
        if group not in result:
            result.append(group)
    return result
