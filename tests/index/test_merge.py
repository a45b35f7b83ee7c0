"""Merging layers: a curated entry wins, and an imported copy of the same project enriches it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.merge import ProjectIndex, enrich, merge_layers, name_key, url_key
from index.model import Cncf, Entry, Text

GRADUATED = Cncf(maturity="graduated", accepted=2016, graduated=2018)


def curated(entry_id: str, name: str, **fields: object) -> Entry:
    fields.setdefault("homepage", f"https://{entry_id}.example.org/")
    return Entry(id=entry_id, name=name, category="monitoring", file="data/x.yaml", line=3, **fields)  # type: ignore[arg-type]


def imported(entry_id: str, name: str, **fields: object) -> Entry:
    fields.setdefault("category", "monitoring")
    fields.setdefault("homepage", f"https://imported-{entry_id}.example.com/")
    return Entry(id=entry_id, name=name, source="landscape", file="landscape/m.yaml", line=9, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.Prometheus.io/", "http://prometheus.io"),
        ("https://github.com/etcd-io/etcd.git", "https://github.com/etcd-io/etcd/"),
        ("github.com/etcd-io/etcd", "https://GitHub.com/etcd-io/etcd"),
        ("https://example.org/docs/?utm=x", "https://example.org/docs"),
    ],
)
def test_url_key_ignores_scheme_case_www_slash_and_git(a: str, b: str) -> None:
    assert url_key(a) == url_key(b) != ""


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Argo CD", "argo-cd", True),
        ("ArgoCD", "Argo CD", True),
        ("CRI-O", "cri-o", True),
        ("Ｋｕｂｅｒｎｅｔｅｓ", "kubernetes", True),
        ("etcd", "etcd-io", False),
        ("Flux", "Fluxion", False),
    ],
)
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


def test_same_name_enriches_the_curated_entry_instead_of_adding_one() -> None:
    etcd = curated("etcd", "etcd", related=("database",))
    item = imported(
        "etcd", "ETCD", repo="https://github.com/etcd-io/etcd", cncf=GRADUATED, category="kv-store"
    )
    merged, notes = merge_layers([[etcd], [item]])
    assert [e.id for e in merged] == ["etcd"]
    assert merged[0].repo == "https://github.com/etcd-io/etcd"
    assert merged[0].cncf == GRADUATED
    assert merged[0].related == ("database", "kv-store")
    assert merged[0].source == "curated" and merged[0].file == "data/x.yaml"
    assert notes == ["landscape/m.yaml:9: 'ETCD' is 'etcd' (same name): repo, cncf, related +kv-store"]


def test_curated_facts_are_never_overwritten() -> None:
    ours = curated(
        "opa",
        "Open Policy Agent",
        repo="https://github.com/open-policy-agent/opa",
        cncf=GRADUATED,
        description=Text(zh="策略引擎", en="Policy engine"),
    )
    theirs = imported(
        "open-policy-agent-opa",
        "Open Policy Agent (OPA)",
        aliases=("OPA", "Open Policy Agent"),
        repo="https://github.com/someone/fork",
        cncf=Cncf(maturity="sandbox"),
        description=Text(en="Something else"),
    )
    merged, notes = merge_layers([[ours], [theirs]])
    # The landscape's own line is kept beside ours, to be searched: it overwrites nothing.
    assert merged == [replace(ours, other_descriptions=("Something else",))]
    assert notes[0].endswith("(same alias): other_descriptions")


@pytest.mark.parametrize("theirs", ["Policy engine for the stack", "Policy engine  for the stack\n"])
def test_a_description_said_twice_is_kept_once(theirs: str) -> None:
    """A copy that differs only in spaces (a YAML line against the landscape's folded text) is the same."""
    ours = curated("opa", "Open Policy Agent", description=Text(en="Policy engine for the stack"))
    same = imported("opa-2", "Open Policy Agent", description=Text(en=theirs))
    merged, notes = merge_layers([[ours], [same]])
    assert merged == [ours]
    assert notes[0].endswith("nothing new")


@pytest.mark.parametrize(
    ("landscape", "status"),
    [
        (Cncf(maturity="incubating", accepted=2021, incubating=2026), "active"),
        (Cncf("archived", archived=2026), "archived"),
    ],
)
def test_a_later_cncf_stage_in_the_landscape_is_taken(landscape: Cncf, status: str) -> None:
    """The landscape is refreshed weekly: a move the editors have not made yet is served (and drift reports it)."""
    ours = curated("akri", "Akri", cncf=Cncf(maturity="sandbox", accepted=2021), status="active")
    theirs = imported("akri", "Akri", cncf=landscape, status="archived" if status == "archived" else "active")
    (merged,), _notes = merge_layers([[ours], [theirs]])
    assert merged.cncf == landscape and merged.status == status and merged.source == "curated"


@pytest.mark.parametrize(
    ("later", "reason"),
    [
        (imported("x", "Prom", aliases=("Prometheus",)), "alias"),
        (imported("x", "Prometheus Server", homepage="http://www.prometheus.io"), "homepage"),
        (imported("x", "prom", repo="https://github.com/prometheus/prometheus.git"), "repo"),
    ],
)
def test_alias_homepage_and_repo_identify_the_same_project(later: Entry, reason: str) -> None:
    prometheus = curated(
        "prometheus",
        "Prometheus",
        homepage="https://prometheus.io/",
        repo="https://github.com/prometheus/prometheus",
    )
    assert ProjectIndex([prometheus]).match(later) == (0, reason)
    merged, _ = merge_layers([[prometheus], [later]])
    assert [e.id for e in merged] == ["prometheus"]


def test_a_curated_alias_matches_an_imported_name() -> None:
    zk = curated("zookeeper", "ZooKeeper", aliases=("Apache ZooKeeper",))
    merged, notes = merge_layers([[zk], [imported("apache-zookeeper", "Apache Zookeeper")]])
    assert [e.id for e in merged] == ["zookeeper"]
    assert "(same alias)" in notes[0]


def test_a_homepage_shared_within_the_later_layer_identifies_nothing() -> None:
    """One vendor page lists four tools: none of them is the curated one on that page."""
    goldilocks = curated("goldilocks", "Goldilocks", homepage="https://fairwinds.com/open-source-software")
    pluto = imported("pluto", "Pluto", homepage="https://www.fairwinds.com/open-source-software/")
    rbac = imported("rbac-manager", "RBAC Manager", homepage="https://fairwinds.com/open-source-software")
    merged, notes = merge_layers([[goldilocks], [pluto, rbac]])
    assert [e.id for e in merged] == ["goldilocks", "pluto", "rbac-manager"]
    assert notes == []


def test_an_ambiguous_match_adds_the_entry() -> None:
    a = curated("a", "Alpha", aliases=("Gamma",))
    b = curated("b", "Beta", aliases=("Gamma",))
    merged, _ = merge_layers([[a, b], [imported("gamma", "Gamma")]])
    assert [e.id for e in merged] == ["a", "b", "gamma"]


def test_earlier_entries_come_first_and_each_layer_keeps_its_order() -> None:
    layer0 = [curated("b", "Bravo"), curated("a", "Alpha")]
    layer1 = [imported("z", "Zulu"), imported("alpha", "alpha"), imported("y", "Yankee")]
    layer2 = [imported("x", "X-ray"), imported("zulu", "ZULU", repo="https://github.com/z/z")]
    merged, notes = merge_layers([layer0, layer1, layer2])
    assert [e.id for e in merged] == ["b", "a", "z", "y", "x"]
    assert merged[2].repo == "https://github.com/z/z"  # a later layer enriches an earlier imported entry
    assert len(notes) == 2


def test_a_different_project_reusing_an_id_is_renamed() -> None:
    ours = curated("flux", "Flux", homepage="https://fluxcd.io/")
    other = imported("flux", "FLUX Photo Editor", homepage="https://flux.example.com/")
    merged, notes = merge_layers([[ours], [other]])
    assert [e.id for e in merged] == ["flux", "flux-landscape"]
    assert merged[1].name == "FLUX Photo Editor"
    assert "renamed to 'flux-landscape'" in notes[0]


def test_enrich_fills_an_empty_description_and_homepage_and_skips_known_categories() -> None:
    bare = Entry(id="k", name="K", category="monitoring", related=("logging",))
    rich = imported(
        "k", "K", description=Text(en="Does K."), category="logging", related=("monitoring", "tracing")
    )
    result, filled = enrich(bare, rich)
    assert result.description == Text(en="Does K.")
    assert result.homepage == rich.homepage
    assert result.related == ("logging", "tracing")
    assert filled == ["homepage", "description", "related +tracing"]


def test_no_layers_and_single_layer() -> None:
    assert merge_layers([]) == ([], [])
    entries = [curated("a", "A"), curated("b", "B")]
    assert merge_layers([entries]) == (entries, [])
