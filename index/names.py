"""What an entry answers to: its name, aliases, abbreviations, repository name and distinctive words.

Built once with the catalog. Each spelling is a *key* (``compact(fold(text))``) with a strength:

- ``FULL`` — the name or an alias, as written ("Apache Thrift", "k8s");
- ``SPELLED`` — the name without its bracket ("Azure Kubernetes Service"), the bracket itself when it is
  an abbreviation or a former name ("AKS", "formerly NetScaler ADC" → "NetScaler ADC"), the
  repository name ("ingress-nginx");
- ``WORD`` — a distinctive word of a multi-word name ("Thrift" in "Apache Thrift", "Loki" in
  "Grafana Loki"): a word no other name uses and descriptions do not use as a plain word; and a vendor's
  service's name without the vendor ("Lambda" in "AWS Lambda": ``without_vendor``).

When several entries answer to one key (EKS: Amazon's and EasyStack's), the better known comes first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.model import Entry
from index.normalize import fold

FULL = 1.0
SPELLED = 0.9
WORD = 0.75
TYPO_SIMILARITY = 0.8
"""How alike (1 − edits / length, a swapped pair of letters one edit) a word must be to a name to be
read as that name misspelled: one typo in five letters, two in ten (kubesphre, promethues). A swapped
pair of letters alone is a typo at any length (etdc → etcd); "cook" is not "rook"."""
SWAPPED = 0.75
"""The similarity of a four-letter word with two letters swapped (one edit in four)."""
MIN_TYPO_LENGTH = 4
"""Shorter words are too easily one letter away from some name."""

_CJK = re.compile(r"[\u3400-\u9fff]")
_BRACKET = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
_FORMERLY = re.compile(r"^(formerly|previously|was|ex|aka)\s+")
_NAME_WORD = re.compile(r"[0-9a-z][0-9a-z+#]*")
GENERIC_BRACKETS = frozenset({"member", "end user", "supporter", "contributor", "beta", "preview"})


def compact(text: str) -> str:
    """A spelling-insensitive key: ``CRI-O``, ``cri o`` and ``crio`` all give ``crio``."""
    return re.sub(r"[\s\-_./()·]+", "", text)


@dataclass(frozen=True)
class Spelling:
    """One way to write an entry's name, with how surely it names that entry."""

    key: str
    entry_id: str
    strength: float


def _repo_name(url: str) -> str:
    parts = [p for p in url.rstrip("/").split("/") if p]
    return parts[-1].removesuffix(".git") if len(parts) >= 2 and "github" in url else ""


def _repo_path(url: str) -> str:
    """``owner/name`` of a GitHub or GitLab repository URL, as people paste it ("FairwindsOps/goldilocks")."""
    parts = [p for p in url.split("://", 1)[-1].rstrip("/").split("/") if p]
    if len(parts) != 3 or parts[0].removeprefix("www.") not in ("github.com", "gitlab.com"):
        return ""
    return f"{parts[1]}/{parts[2].removesuffix('.git')}"


def spellings(
    entry: Entry, everyday: Callable[[str], bool] = lambda _w: False
) -> Iterable[tuple[str, float]]:
    """The texts ``entry`` answers to (folded), with their strengths; distinctive words come later.

    A repository named with an everyday word (``opcr-io/policy``) does not make that word a name.
    """
    for raw in (entry.name, *entry.aliases):
        folded = fold(raw)
        yield folded, FULL
        bracket = _BRACKET.match(folded)
        if bracket:
            outside, inside = bracket.group(1), _FORMERLY.sub("", bracket.group(2))
            yield outside, SPELLED
            if inside and inside not in GENERIC_BRACKETS:
                yield inside, SPELLED
    repo = fold(_repo_name(entry.repo))
    if len(compact(repo)) >= 3 and not everyday(compact(repo)):
        yield repo, SPELLED
    owner, _, name = fold(_repo_path(entry.repo)).partition("/")
    # Not kubernetes/kubernetes: "kubernetes kubernetes" in a sentence would become a name.
    if name and compact(owner) != compact(name):
        yield f"{owner}/{name}", FULL


_NOT_INITIALLED = frozenset({"of", "for", "and", "the", "a", "an", "to", "on", "in", "with"})


def initialism(name: str) -> str:
    """The initials of a name of three or more words: Open Application Model → oam. Empty for shorter
    names, or names with digits or Chinese (their initials abbreviate nothing)."""
    if _CJK.search(name) or re.search(r"\d|[(（]", name):
        return ""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _NOT_INITIALLED]
    if not all(w[0].isalpha() for w in words):
        return ""
    if len(words) < 3:
        return ""
    return "".join(w[0] for w in words).lower()


def abbreviation(entry: Entry) -> str:
    """The abbreviation people use for ``entry``: its name's initials when its own texts write them (Open
    Policy Agent says "OPA", Open Cluster Management "OCM"). Initials no text writes abbreviate nothing
    anybody says, and would take a word from elsewhere: "C++ STL" is not Sidero Talos Linux, nor "KMS"
    kubectl-mcp-server."""
    initials = initialism(entry.name)
    if not initials:
        return ""
    texts = fold(" ".join((entry.description.en, entry.description.zh, *entry.other_descriptions)))
    return initials if re.search(rf"(?<![a-z0-9]){re.escape(initials)}(?![a-z0-9])", texts) else ""


def name_words(text: str) -> list[str]:
    return _NAME_WORD.findall(text)


MENTIONED_ELSEWHERE = 8
"""A word of a name that this many entries' descriptions mention is a technology, a language or a format that the
name is about (C++ in 28, JSON in 18, GPU in 19), no short name for it; "thrift" (5) and "hdfs" (6) still are."""


def mentioned_words(entries: Iterable[Entry]) -> Counter[str]:
    """How many entries' English descriptions mention each word, in any case ("API", "C++", "gpu")."""
    mentioned: Counter[str] = Counter()
    for entry in entries:
        texts = fold(" ".join((entry.description.en, *entry.other_descriptions)))
        mentioned.update(set(_NAME_WORD.findall(texts)))
    return mentioned


def distinctive_words(
    entries: Mapping[str, Entry], everyday: Callable[[str], bool]
) -> dict[str, list[tuple[str, float]]]:
    """word → entries of multi-word names that only they use ("thrift" → Apache Thrift).

    A word counts when it is at least three letters, appears in one entry's names only, and is not an
    everyday word of the descriptions (``everyday``): "Containers" in "Kata Containers" is not
    distinctive, "Kata" is. Only open-source projects (with a repository) answer to a word of their
    name: people shorten "Apache Thrift" to "thrift", not "Capital One" to "capital". Nor is it a word that
    many descriptions mention (``MENTIONED_ELSEWHERE``): "C++", "JSON", "IoT" and "GPU" are things of their own,
    not Sogou C++ Workflow, kyverno-json, Azure IoT Edge or the NVIDIA GPU Operator.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries.values():
        for text, _strength in spellings(entry):
            for word in name_words(text):
                owners[word].add(entry.id)
    mentioned = mentioned_words(entries.values())
    found: dict[str, list[tuple[str, float]]] = {}
    for entry in entries.values():
        if not entry.repo:
            continue
        for text in (fold(entry.name),):  # an alias is a key of its own ("Capital One Hygieia")
            words = name_words(text)
            if len(words) < 2 or _CJK.search(text):
                continue
            for word in words:
                if (
                    len(word) >= 3
                    and not word.isdigit()
                    and len(owners[word]) == 1
                    and not everyday(word)
                    and mentioned[word] < MENTIONED_ELSEWHERE
                ):
                    found.setdefault(word, [(entry.id, WORD)])
    return found


VENDOR_TRAILERS = frozenset({"cloud", "web", "services"})
"""Words that follow a vendor's name in its services' names ("Alibaba Cloud ECI", "Amazon Web Services …")."""


def without_vendor(
    entries: Mapping[str, Entry], vendors: Iterable[Iterable[str]], common: Callable[[str], bool]
) -> dict[str, list[tuple[str, float]]]:
    """key → the one entry whose name or alias, less the vendor it begins with, is that key: "AWS Lambda" answers
    to "lambda", as "AWS Fargate" does to "Fargate". People drop the vendor when they say its services' names.

    Not when what is left is everyday words (``common``: "Tencent Cloud Log Service" → "log service", "Azure
    Functions" → "functions"), nor a key two entries leave (Azure's and Google's "container registry"), nor what the
    descriptions say mostly of something else (``_said_of_something_else``). How many descriptions mention what is
    left does not matter otherwise: they mention Lambda because it is well known."""
    heads = {fold(w) for group in vendors for w in group if fold(w).isascii()}
    owners: dict[str, set[str]] = defaultdict(set)
    said: dict[str, str] = {}
    for entry in entries.values():
        for text in (entry.name, *entry.aliases):
            words = name_words(fold(text))
            if _CJK.search(text) or len(words) < 2 or words[0] not in heads:
                continue
            rest = words[1:]
            while rest and rest[0] in VENDOR_TRAILERS:
                rest = rest[1:]
            key = "".join(rest)
            if len(key) >= 3 and not key.isdigit() and not all(common(w) for w in rest):
                owners[key].add(entry.id)
                said[key] = " ".join(rest)
    unique = {key: ids for key, ids in owners.items() if len(ids) == 1}
    elsewhere = _said_of_something_else({said[k] for k in unique}, entries, heads)
    return {key: [(next(iter(ids)), WORD)] for key, ids in unique.items() if said[key] not in elsewhere}


def _said_of_something_else(phrases: set[str], entries: Mapping[str, Entry], heads: set[str]) -> set[str]:
    """The ``phrases`` the descriptions say more often without a vendor before them than with one: "Hive" alone is
    Apache Hive, not NetEase Hive; "Lambda" is mostly said "AWS Lambda", and alone it means that."""
    if not phrases:
        return set()
    texts = "\n".join(fold(" ".join((e.description.en, *e.other_descriptions))) for e in entries.values())
    pattern = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    alone: Counter[str] = Counter()
    with_vendor: Counter[str] = Counter()
    for match in re.finditer(rf"(?<![0-9a-z])(?:{pattern})(?![0-9a-z])", texts):
        before = _NAME_WORD.findall(texts[max(0, match.start() - 30) : match.start()])
        while before and before[-1] in VENDOR_TRAILERS:
            before.pop()
        (with_vendor if before and before[-1] in heads else alone)[match.group()] += 1
    return {p for p in phrases if alone[p] > with_vendor[p]}


_PLAIN_WORD = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?![\w/-])")
"""A word written in lower case on its own, not part of a path, a name or a file."""


def everyday_words(entries: Iterable[Entry]) -> Counter[str]:
    """How many entries write each word in lower case, as a plain word ("scale", "vector"), in any of their
    English texts.

    Descriptions capitalise the products they mention ("a Kafka operator"), so a name written in
    lower case in several of them is an everyday word that happens to be a product name.
    """
    counts: Counter[str] = Counter()
    for entry in entries:
        # Its card, the landscape's line and its own words.
        texts = (entry.description.en, *entry.other_descriptions)
        counts.update({word for text in texts for word in _PLAIN_WORD.findall(text)})
    return counts


def closest(word: str, keys: list[str]) -> str | None:
    """The name key ``word`` is a misspelling of (``TYPO_SIMILARITY``), or None."""
    if len(word) < MIN_TYPO_LENGTH or not keys:
        return None
    match = process.extractOne(word, keys, scorer=OSA.normalized_similarity, score_cutoff=SWAPPED)
    if match is None:
        return None
    key = match[0]
    return key if match[1] >= TYPO_SIMILARITY or sorted(key) == sorted(word) else None


def closest_many(word: str, keys: list[str], *, cutoff: float, n: int) -> list[str]:
    """Up to ``n`` name keys alike to ``word`` (for "did you mean"), best first."""
    if len(word) < MIN_TYPO_LENGTH:
        return []
    found = process.extract(
        word, keys, scorer=OSA.normalized_similarity, score_cutoff=min(cutoff, SWAPPED), limit=n
    )
    return [key for key, score, _i in found if score >= cutoff or sorted(key) == sorted(word)]
