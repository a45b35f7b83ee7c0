"""Coverage: how many projects a third-party cloud-native list names does ecosys know by name (issue 11).

The list (tests/fixtures/awesome-cloud-native.yaml, CC0, source and commit in the file) was written outside
this project. A project is known when asking for it by the list's name puts that project first: an entry with
that name or alias, or with the list's link as its homepage or repository. A project is alive when the list's
own GitHub check says ``active`` (not archived, pushed within two years). Run with ``-s`` for the figures.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from index.merge import name_key, url_key

LIST = Path(__file__).resolve().parent.parent / "fixtures" / "awesome-cloud-native.yaml"
ALIVE_FLOOR = 0.88
"""Of the projects still alive, the share known today less a margin: coverage must not fall back."""


def _known(engine, name: str, url: str) -> bool:  # type: ignore[no-untyped-def]
    hits = engine.search(name, limit=1).hits
    if not hits:
        return False
    entry = hits[0].entry
    names = {name_key(entry.name), *(name_key(a) for a in entry.aliases)}
    return name_key(name) in names or url_key(url) in {url_key(entry.homepage), url_key(entry.repo)}


def test_share_of_a_third_party_list_known_by_name(landscape_engine) -> None:  # type: ignore[no-untyped-def]
    """Of the list's projects that are still alive (the list's own GitHub check), ecosys knows most by name."""
    projects = yaml.safe_load(LIST.read_text(encoding="utf-8"))["projects"]
    known = [p for p in projects if _known(landscape_engine, p["name"], p["url"])]
    alive = [p for p in projects if p["status"] == "active"]
    alive_known = [p for p in known if p["status"] == "active"]
    share, alive_share = len(known) / len(projects), len(alive_known) / len(alive)
    print(
        f"\nknown by name: {len(known)}/{len(projects)} = {share:.3f}; alive: {len(alive_known)}/{len(alive)} = {alive_share:.3f}"
    )
    missing = [p["name"] for p in alive if p not in alive_known]
    print("alive, not known: " + ", ".join(missing))
    assert alive_share >= ALIVE_FLOOR
