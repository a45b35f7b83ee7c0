"""Merging knowledge-base layers: curated entries first, imported ones enrich them instead of duplicating.

Two entries are the same project when one of these, tried in order, points at exactly one earlier entry:
the same normalised name; a name that is the other's alias; the same homepage; the same repository.
A homepage or repository shared by several entries of one layer (a vendor page listing four tools, one
repository holding three plug-ins) says nothing about which project is meant, so such keys are not used.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from index.model import Cncf, Entry

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """A name as compared between layers: case, width, spaces and punctuation ignored (Argo CD = argo-cd)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", name).casefold())


def url_key(url: str) -> str:
    """A URL as compared between layers: scheme, ``www.``, case, trailing ``/`` and ``.git`` ignored."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else f"//{url}")
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/").removesuffix(".git").rstrip("/")
    return f"{host}{path}".lower()


@dataclass
class ProjectIndex:
    """Finds the entry among ``entries`` that is the same project as a given one."""

    entries: Sequence[Entry]
    _names: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _aliases: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _homepages: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _repos: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for position, entry in enumerate(self.entries):
            _add(self._names, name_key(entry.name), position)
            for alias in entry.aliases:
                _add(self._aliases, name_key(alias), position)
            _add(self._homepages, url_key(entry.homepage), position)
            _add(self._repos, url_key(entry.repo), position)

    def match(self, entry: Entry, *, skip_urls: frozenset[str] = frozenset()) -> tuple[int, str] | None:
        """The position of the one entry that is the same project, and why; None if none or ambiguous.

        ``skip_urls`` are homepage/repo keys not to match on (shared by several entries of ``entry``'s layer).
        """
        name = name_key(entry.name)
        alias_keys = {name_key(alias) for alias in entry.aliases} - {""}
        homepage, repo = url_key(entry.homepage), url_key(entry.repo)
        rules: list[tuple[str, set[int]]] = [
            ("name", set(self._names.get(name, ()))),
            ("alias", _union(self._aliases.get(name, ()), *(self._names.get(a, ()) for a in alias_keys))),
            ("homepage", set() if homepage in skip_urls else set(self._homepages.get(homepage, ()))),
            ("repo", set() if repo in skip_urls else set(self._repos.get(repo, ()))),
        ]
        for reason, positions in rules:
            if len(positions) == 1:
                return positions.pop(), reason
        return None


def merge_layers(layers: Sequence[Sequence[Entry]]) -> tuple[list[Entry], list[str]]:
    """Merge knowledge-base layers; earlier layers win (layer 0 is the repo's curated ``data/``).

    A later entry that is the same project as an earlier one is not added: it fills the earlier entry's
    empty homepage, repo, description and CNCF facts and adds its categories to ``related``. A later entry
    that is a different project but reuses an earlier id gets a suffixed id. Returns the merged entries
    (earlier entries first, each layer in its own order) and one human-readable note per merge or rename.
    """
    merged: list[Entry] = []
    notes: list[str] = []
    for layer in layers:
        index = ProjectIndex(list(merged))
        shared = _shared_urls(layer)
        taken = {entry.id for entry in merged}
        additions: list[Entry] = []
        for entry in layer:
            found = index.match(entry, skip_urls=shared) if merged else None
            if found is None:
                new_id = _free_id(entry, taken)
                if new_id != entry.id:
                    notes.append(
                        f"{_where(entry)}: {entry.name!r} is not {entry.id!r}; renamed to {new_id!r}"
                    )
                    entry = replace(entry, id=new_id)
                taken.add(entry.id)
                additions.append(entry)
                continue
            position, reason = found
            enriched, filled = enrich(merged[position], entry)
            merged[position] = enriched
            what = ", ".join(filled) if filled else "nothing new"
            notes.append(f"{_where(entry)}: {entry.name!r} is {enriched.id!r} (same {reason}): {what}")
        merged.extend(additions)
    return merged, notes


def enrich(earlier: Entry, later: Entry) -> tuple[Entry, list[str]]:
    """``earlier`` with the gaps ``later`` can fill, and the names of the fields it filled."""
    changes: dict[str, object] = {}
    if not earlier.homepage and later.homepage:
        changes["homepage"] = later.homepage
    if not earlier.repo and later.repo:
        changes["repo"] = later.repo
    if not earlier.has_description and later.has_description:
        changes["description"] = later.description
    elif earlier.has_description and later.has_description:
        more = unsaid(earlier, (later.description.en, later.description.zh, *later.other_descriptions))
        if more:
            changes["other_descriptions"] = (*earlier.other_descriptions, *more)
    if later.cncf is not None and (earlier.cncf is None or _moved_on(earlier.cncf, later.cncf)):
        # A refreshed landscape knows of a CNCF move before the editors do (``ecosys data check --landscape``
        # tells them): a later maturity is taken, and a move to archived archives the entry.
        changes["cncf"] = later.cncf
        if later.cncf.maturity == "archived" and earlier.is_active:
            changes.update(status="archived", status_note=later.status_note, status_year=later.status_year)
    known = {earlier.category, *earlier.related}
    extra = [c for c in _unique((later.category, *later.related)) if c and c not in known]
    if extra:
        changes["related"] = (*earlier.related, *extra)
    filled = [f"related +{', +'.join(extra)}" if key == "related" else key for key in changes]
    return (replace(earlier, **changes) if changes else earlier), filled


def unsaid(entry: Entry, texts: Iterable[str]) -> list[str]:
    """Those of ``texts`` that ``entry`` does not say already (a copy that differs only in spaces says
    nothing more), each once."""
    said = {_spaced(t) for t in (entry.description.zh, entry.description.en, *entry.other_descriptions)}
    more: list[str] = []
    for text in texts:
        if text and _spaced(text) not in said:
            said.add(_spaced(text))
            more.append(text)
    return more


def _spaced(text: str) -> str:
    """A description as compared between layers: a copy that differs only in spaces says nothing more."""
    return " ".join(text.split())


_STAGES = ("sandbox", "incubating", "graduated", "archived")
"""CNCF maturity in the order a project moves through it."""


def _moved_on(curated: Cncf, landscape: Cncf) -> bool:
    """True when the landscape puts the project at a later CNCF stage than the curated entry says."""
    return _STAGES.index(landscape.maturity) > _STAGES.index(curated.maturity)


def _add(table: dict[str, list[int]], key: str, position: int) -> None:
    if key:
        table.setdefault(key, []).append(position)


def _union(*groups: Iterable[int]) -> set[int]:
    return {position for group in groups for position in group}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _shared_urls(layer: Sequence[Entry]) -> frozenset[str]:
    counts = Counter(key for entry in layer for key in {url_key(entry.homepage), url_key(entry.repo)} if key)
    return frozenset(key for key, count in counts.items() if count > 1)


def _free_id(entry: Entry, taken: set[str]) -> str:
    if entry.id not in taken:
        return entry.id
    base = f"{entry.id}-{entry.source}" if entry.source else entry.id
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _where(entry: Entry) -> str:
    if entry.file:
        return f"{entry.file}:{entry.line}" if entry.line else entry.file
    return entry.source
