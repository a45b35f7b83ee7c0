"""Freshness of the curated layer: which curated entries disagree with a (newer) CNCF landscape file.

Curated entries are matched to landscape items the way layers are merged (``index.merge``): by name,
alias, homepage or repository. A curated entry with CNCF facts that matches no item is reported too: the
project has left the landscape, or been renamed there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.landscape import landscape_entry, project_key, read_landscape
from index.merge import ProjectIndex, url_key
from index.model import Entry


@dataclass(frozen=True)
class Drift:
    """One curated fact the landscape file contradicts."""

    entry_id: str
    file: str
    line: int
    field: str
    """``cncf.maturity``, ``homepage``, ``repo`` or ``landscape`` (the project is not in the file)."""
    curated: str
    landscape: str
    item: str = ""
    """Where the landscape says so (``Runtime / Container Runtime / item 3 ("foo")``)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else (self.file or "?")
        if self.field == "landscape":
            return f"{where}: {self.entry_id}: not in the landscape (curated CNCF {self.curated})"
        return f"{where}: {self.entry_id}: {self.field} is {self.curated!r}, the landscape says {self.landscape!r}"


def check_drift(curated: Sequence[Entry], landscape_path: Path) -> list[Drift]:
    """Every disagreement between ``curated`` and the landscape at ``landscape_path``, in curated order.

    Raises ``LandscapeError`` when the file cannot be read or is malformed.
    """
    # One item per project: an item with a ``second_path`` is listed again under its other subcategory.
    items = list(
        {project_key(item.name): item for item in reversed(read_landscape(landscape_path))}.values()
    )[::-1]
    landscape = [landscape_entry(item) for item in items]
    index = ProjectIndex(landscape)
    drifts: list[Drift] = []
    for entry in curated:
        found = index.match(entry)
        if found is None:
            if entry.cncf is not None:
                drifts.append(_drift(entry, "landscape", entry.cncf.maturity, "", ""))
            continue
        position, _reason = found
        drifts.extend(compare(entry, landscape[position], where=items[position].where))
    return drifts


def compare(curated: Entry, item: Entry, *, where: str = "") -> list[Drift]:
    """The facts of ``curated`` that the landscape's ``item`` (the same project) contradicts.

    Maturity is compared for every entry; homepage and repository only for entries curated with CNCF facts.
    """
    drifts: list[Drift] = []
    ours = curated.cncf.maturity if curated.cncf else "none"
    theirs = item.cncf.maturity if item.cncf else "none"
    if ours != theirs:
        drifts.append(_drift(curated, "cncf.maturity", ours, theirs, where))
    if curated.cncf is None:
        # Not curated as a CNCF project (a survey entry about one product page): its links are deliberate.
        return drifts
    if item.homepage and url_key(curated.homepage) != url_key(item.homepage):
        drifts.append(_drift(curated, "homepage", curated.homepage, item.homepage, where))
    if curated.repo and item.repo and url_key(curated.repo) != url_key(item.repo):
        drifts.append(_drift(curated, "repo", curated.repo, item.repo, where))
    return drifts


def _drift(entry: Entry, field: str, curated: str, landscape: str, where: str) -> Drift:
    return Drift(entry.id, entry.file, entry.line, field, curated, landscape, where)
