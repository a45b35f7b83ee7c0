"""Coverage: how many projects a third-party cloud-native list names does ecosys know by name (issue 11).

The list (tests/fixtures/awesome-cloud-native.yaml, CC0, source and commit in the file) was written outside
this project. A project is known when asking for it by the list's name puts that project first: an entry with
that name or alias, or with the list's link as its homepage or repository. Run with ``-s`` for the figure.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from index.merge import name_key, url_key

LIST = Path(__file__).resolve().parent.parent / "fixtures" / "awesome-cloud-native.yaml"
FLOOR = 0.60
"""The share known today, less a margin: coverage must not fall back (README has the latest figure)."""


def _known(engine, name: str, url: str) -> bool:  # type: ignore[no-untyped-def]
    hits = engine.search(name, limit=1).hits
    if not hits:
        return False
    entry = hits[0].entry
    names = {name_key(entry.name), *(name_key(a) for a in entry.aliases)}
    return name_key(name) in names or url_key(url) in {url_key(entry.homepage), url_key(entry.repo)}


def test_share_of_a_third_party_list_known_by_name(landscape_engine) -> None:  # type: ignore[no-untyped-def]
    projects = yaml.safe_load(LIST.read_text(encoding="utf-8"))["projects"]
    known, dead, missing = 0, 0, []
    for project in projects:
        if _known(landscape_engine, project["name"], project["url"]):
            known += 1
            entry = landscape_engine.search(project["name"], limit=1).hits[0].entry
            dead += not entry.is_active
        else:
            missing.append(project["name"])
    share = known / len(projects)
    alive_share = (known - dead) / (len(projects) - dead)
    print(
        f"\nknown by name: {known}/{len(projects)} = {share:.3f} "
        f"(excluding {dead} known to be archived or discontinued: {alive_share:.3f})"
    )
    print("not known: " + ", ".join(missing[:80]) + (" …" if len(missing) > 80 else ""))
    assert share >= FLOOR
