"""Importing the CNCF landscape: the real file, malformed ones, idempotency, updates and atomicity."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR
from index import knowledge
from index.errors import LandscapeError
from index.kb_yaml import render_entries, scalar
from index.landscape import (
    MARKER,
    ImportReport,
    aliases_for,
    import_landscape,
    parse_landscape,
    read_categories,
    slugify,
)
from index.model import Category, Cncf, Entry, Text

REAL_LANDSCAPE = LANDSCAPE_SNAPSHOT  # the dated CNCF landscape file the repository ships

SMALL_CATEGORIES = [
    Category(
        id="container-engine", name=Text(en="Container runtime"), landscape=("Runtime/Container Runtime",)
    ),
    Category(id="networking", name=Text(en="Networking"), landscape=("Runtime/Cloud Native Network",)),
    Category(
        id="service-mesh",
        name=Text(en="Service mesh"),
        landscape=("Orchestration & Management/Service Mesh",),
    ),
]

SMALL = """\
landscape:
  - category:
    name: Runtime
    subcategories:
      - subcategory:
        name: Container Runtime
        items:
          - item:
            name: containerd
            homepage_url: https://containerd.io/
            repo_url: https://github.com/containerd/containerd
            project: graduated
            description: An industry-standard container runtime.
            extra:
              accepted: '2017-03-29'
              incubating: '2017-03-29'
              graduated: '2019-02-28'
          - item:
            name: rkt
            homepage_url: https://github.com/rkt/rkt
            project: archived
            extra:
              accepted: '2017-03-29'
              archived: '2019-08-16'
      - subcategory:
        name: Cloud Native Network
        items:
          - item:
            name: Container Network Interface (CNI)
            homepage_url: https://www.cni.dev/
            repo_url: https://github.com/containernetworking/cni
            second_path: ['Orchestration & Management / Service Mesh']
  - category:
    name: Orchestration & Management
    subcategories:
      - subcategory:
        name: Service Mesh
        items:
          - item:
            name: Linkerd
            homepage_url: https://linkerd.io/
            project: graduated
          - item:
            name: linkerd
            homepage_url: https://linkerd.io/
            repo_url: https://github.com/linkerd/linkerd2
"""


def write(tmp_path: Path, text: str, name: str = "landscape.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# --- the real landscape -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, Path]:
    out = tmp_path_factory.mktemp("import") / "landscape"
    report = import_landscape(REAL_LANDSCAPE, out_dir=out, categories=read_categories([REPO_DATA_DIR]))
    return report, out


@pytest.fixture(scope="module")
def real_entries(real_import: tuple[ImportReport, Path]) -> dict[str, dict]:
    entries = {}
    for file in real_import[1].glob("*.yaml"):
        for entry in yaml.safe_load(file.read_text(encoding="utf-8"))["entries"]:
            entries[entry["id"]] = entry
    return entries


def test_the_real_file_imports_every_item(real_import: tuple[ImportReport, Path]) -> None:
    report, out = real_import
    assert report.items == 2413
    # Items listed twice (Istio and "Istio (Wasm)", k0rdent in two subcategories) are one entry each.
    assert 2300 < report.entries < report.items
    assert report.files == len(list(out.glob("*.yaml")))
    assert len(report.added) == report.entries and not report.changed and not report.removed
    assert (out / MARKER).is_file()


def test_the_import_is_valid_knowledge_base_data(real_import: tuple[ImportReport, Path]) -> None:
    """The lead's loader reads it beside data/ with no problem at all."""
    assert knowledge.check([REPO_DATA_DIR, real_import[1]]) == []


def test_real_entries_carry_the_landscape_facts(real_entries: dict[str, dict]) -> None:
    istio = real_entries["istio"]
    assert istio["category"] == "service-mesh"
    assert "wasm-embedded-functions" in istio["related"]
    assert istio["cncf"] == {"maturity": "graduated", "accepted": 2022, "incubating": 2022, "graduated": 2023}
    assert istio["status"] == "active"
    assert "Istio (Wasm)" not in {e["name"] for e in real_entries.values()}

    devstream = real_entries["devstream"]
    assert devstream["status"] == "archived" and devstream["status_year"] == 2025
    assert devstream["status_note"] == {"zh": "2025 年被 CNCF 归档", "en": "Archived by the CNCF in 2025"}

    opa = real_entries["open-policy-agent-opa"]
    assert opa["aliases"][:2] == ["OPA", "Open Policy Agent"]
    assert real_entries["aws-app-mesh"]["description"] == {
        "en": real_entries["aws-app-mesh"]["description"]["en"]
    }
    assert "description" not in real_entries["consul"]  # no description in the landscape: none invented
    assert real_entries["consul"]["status"] == "unknown"
    assert {"c", "c-plus-plus"} <= real_entries.keys()
    k0rdent = real_entries["k0rdent"]
    assert (
        k0rdent["category"] == "orchestration" and "certified-kubernetes-distribution" in k0rdent["related"]
    )
    assert "kubernetes" not in real_entries["red-hat-openshift"].get("aliases", [])  # a fork's repo name


def test_reimporting_the_same_file_is_byte_identical(
    real_import: tuple[ImportReport, Path], tmp_path: Path
) -> None:
    first = tmp_path / "a"
    categories = read_categories([REPO_DATA_DIR])
    import_landscape(REAL_LANDSCAPE, out_dir=first, categories=categories)
    before = snapshot(first)
    report = import_landscape(REAL_LANDSCAPE, out_dir=first, categories=categories)
    assert snapshot(first) == before == snapshot(real_import[1])
    assert (report.added, report.changed, report.removed) == ((), (), ())


# --- a small landscape ---------------------------------------------------------------------------------


def test_small_landscape_entries(tmp_path: Path) -> None:
    report = import_landscape(write(tmp_path, SMALL), out_dir=tmp_path / "out", categories=SMALL_CATEGORIES)
    assert (report.items, report.entries, report.files) == (5, 4, 3)
    text = (tmp_path / "out" / "container-engine.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1:3] == ["source: landscape", "entries:"]
    engine = yaml.safe_load(text)["entries"]
    assert [e["id"] for e in engine] == ["containerd", "rkt"]
    assert engine[0]["cncf"] == {
        "maturity": "graduated",
        "accepted": 2017,
        "incubating": 2017,
        "graduated": 2019,
    }
    assert engine[1]["status"] == "archived" and engine[1]["status_year"] == 2019
    mesh = yaml.safe_load((tmp_path / "out" / "service-mesh.yaml").read_text(encoding="utf-8"))["entries"]
    # "Linkerd" twice: one entry, the repo from the second copy, the maturity from the first.
    assert mesh == [
        {
            "id": "linkerd",
            "name": "Linkerd",
            "category": "service-mesh",
            "homepage": "https://linkerd.io/",
            "repo": "https://github.com/linkerd/linkerd2",
            "aliases": ["linkerd2"],
            "tags": ["service mesh", "orchestration & management"],
            "status": "active",
            "cncf": {"maturity": "graduated"},
        }
    ]
    cni = yaml.safe_load((tmp_path / "out" / "networking.yaml").read_text(encoding="utf-8"))["entries"][0]
    assert cni["related"] == ["service-mesh"] and cni["aliases"] == ["CNI", "Container Network Interface"]


def test_reimport_reports_added_changed_and_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import_landscape(write(tmp_path, SMALL), out_dir=out, categories=SMALL_CATEGORIES)
    newer = SMALL.replace("An industry-standard container runtime.", "A container runtime.")
    newer = newer.replace("name: rkt", "name: youki")
    newer = newer.replace(
        "project: graduated\n          - item:\n            name: linkerd", "project: graduated"
    )
    report = import_landscape(write(tmp_path, newer, "newer.yml"), out_dir=out, categories=SMALL_CATEGORIES)
    assert report.added == ("youki",)
    assert report.removed == ("rkt",)
    assert report.changed == ("containerd",)
    assert "1 added, 1 changed, 1 removed." in report.summary()
    ids = {
        e["id"] for f in out.glob("*.yaml") for e in yaml.safe_load(f.read_text(encoding="utf-8"))["entries"]
    }
    assert ids == {"containerd", "youki", "container-network-interface-cni", "linkerd"}


def test_a_failing_import_leaves_the_previous_one_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import_landscape(write(tmp_path, SMALL), out_dir=out, categories=SMALL_CATEGORIES)
    before = snapshot(out)
    broken = SMALL.replace("homepage_url: https://linkerd.io/\n            repo_url", "repo_url")
    with pytest.raises(LandscapeError, match=r'Service Mesh / item 2 \("linkerd"\): homepage_url missing'):
        import_landscape(write(tmp_path, broken, "broken.yml"), out_dir=out, categories=SMALL_CATEGORIES)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yml", "landscape.yml", "out"]


def test_a_failure_while_writing_leaves_no_half_written_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    import_landscape(write(tmp_path, SMALL), out_dir=out, categories=SMALL_CATEGORIES)
    before = snapshot(out)
    calls = []

    def fail_on_second_file(self: Path, text: str, encoding: str = "utf-8") -> int:
        calls.append(self)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return original(self, text, encoding=encoding)

    original = Path.write_text
    monkeypatch.setattr(Path, "write_text", fail_on_second_file)
    with pytest.raises(OSError, match="No space"):
        import_landscape(tmp_path / "landscape.yml", out_dir=out, categories=SMALL_CATEGORIES)
    monkeypatch.undo()
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["landscape.yml", "out"]


def test_a_directory_the_importer_did_not_write_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(LandscapeError, match="did not write"):
        import_landscape(write(tmp_path, SMALL), out_dir=out, categories=SMALL_CATEGORIES)
    assert snapshot(out) == {"notes.txt": b"keep me"}


def test_an_unclaimed_subcategory_is_named_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(LandscapeError) as caught:
        import_landscape(write(tmp_path, SMALL), out_dir=tmp_path / "out", categories=SMALL_CATEGORIES[:2])
    assert "1 landscape subcategories have no category: Orchestration & Management / Service Mesh" in str(
        caught.value
    )
    assert "data/categories/" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_an_unclaimed_second_path_is_a_warning(tmp_path: Path) -> None:
    text = SMALL.replace("['Orchestration & Management / Service Mesh']", "['Serverless / Gone']")
    report = import_landscape(write(tmp_path, text), out_dir=tmp_path / "out", categories=SMALL_CATEGORIES)
    assert len(report.warnings) == 1 and "'Serverless / Gone'" in report.warnings[0]


BAD_FILES = [
    ("", "is empty"),
    ("# only a comment\n", "is empty"),
    ("landscape: [\n", "is not valid YAML at line"),
    ("- a\n- b\n", "no `landscape:` list"),
    ("landscape: {}\n", "no `landscape:` list"),
    ("landscape:\n  - subcategories: []\n", "category 1: name missing"),
    ("landscape:\n  - name: Runtime\n", "Runtime: subcategories missing"),
    (
        "landscape:\n  - name: Runtime\n    subcategories: 3\n",
        "Runtime: subcategories must be a list, got int",
    ),
    ("landscape:\n  - name: R\n    subcategories:\n      - items: []\n", "R / subcategory 1: name missing"),
    (
        "landscape:\n  - name: R\n    subcategories:\n      - name: S\n        items: {a: 1}\n",
        "R / S: items must be a list, got dict",
    ),
    (
        "landscape:\n  - name: R\n    subcategories:\n      - name: S\n        items: [just text]\n",
        "R / S / item 1: expected a mapping",
    ),
]

ITEM = "landscape:\n  - name: R\n    subcategories:\n      - name: S\n        items:\n          - {item}\n"
BAD_ITEMS = [
    ("{homepage_url: 'https://x.io'}", r"R / S / item 1: name missing"),
    ("{name: 42, homepage_url: 'https://x.io'}", r"item 1: name must be non-empty text, got int"),
    ("{name: foo}", r'item 1 \("foo"\): homepage_url missing'),
    ("{name: foo, homepage_url: [a]}", r'\("foo"\): homepage_url must be non-empty text, got list'),
    ("{name: foo, homepage_url: 'ftp://x'}", r"homepage_url 'ftp://x' is not an http\(s\) URL"),
    ("{name: foo, homepage_url: 'https://x', repo_url: 7}", r"repo_url must be non-empty text, got int"),
    ("{name: foo, homepage_url: 'https://x', project: famous}", r"project 'famous' is not one of graduated"),
    ("{name: foo, homepage_url: 'https://x', description: [a]}", r"description must be text, got list"),
    ("{name: foo, homepage_url: 'https://x', extra: [a]}", r"extra must be a mapping, got list"),
    ("{name: foo, homepage_url: 'https://x', second_path: R}", r"second_path must be a list, got str"),
    ("{name: foo, homepage_url: 'https://x', second_path: [RS]}", r"second_path 'RS' is not `Category / Sub"),
    (
        "{name: foo, homepage_url: 'https://x', project: sandbox, extra: {accepted: soon}}",
        r"extra.accepted 'soon' is not a date",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_malformed_files_are_refused_with_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "landscape.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LandscapeError, match=message.replace("(", r"\(").replace("[", r"\[")):
        import_landscape(path, out_dir=tmp_path / "out", categories=SMALL_CATEGORIES)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("item", "message"), BAD_ITEMS)
def test_malformed_items_are_named(item: str, message: str) -> None:
    with pytest.raises(LandscapeError, match=message):
        parse_landscape(ITEM.format(item=item))


def test_a_missing_or_binary_file(tmp_path: Path) -> None:
    with pytest.raises(LandscapeError, match="does not exist"):
        import_landscape(tmp_path / "nope.yml", out_dir=tmp_path / "out", categories=SMALL_CATEGORIES)
    (tmp_path / "bin.yml").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    with pytest.raises(LandscapeError, match="not valid YAML"):
        import_landscape(tmp_path / "bin.yml", out_dir=tmp_path / "out", categories=SMALL_CATEGORIES)


def test_items_may_be_null_and_dates_unquoted() -> None:
    text = ITEM.format(
        item="{name: foo, homepage_url: 'https://x', project: sandbox, extra: {accepted: 2021-09-14}}"
    )
    text += "      - name: Empty\n        items:\n"
    [item] = parse_landscape(text)
    assert item.years == {"accepted": 2021}


# --- names, ids and YAML ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Open Policy Agent (OPA)", "open-policy-agent-opa"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("Ænix (member)", "aenix-member"),
        ("Elastisys Welkin® based on Kubespray", "elastisys-welkin-based-on-kubespray"),
        ("cert-manager", "cert-manager"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("name", "repo", "aliases"),
    [
        ("Open Policy Agent (OPA)", "https://github.com/open-policy-agent/opa", ("OPA", "Open Policy Agent")),
        ("Citrix ADC (formerly NetScaler ADC)", "", ("NetScaler ADC", "Citrix ADC")),
        ("Huawei (member)", "", ()),
        ("Argo", "https://github.com/argoproj/argo-cd", ("argo-cd",)),
        ("Flux", "https://github.com/fluxcd/flux2", ("flux2",)),
        ("Apache YuniKorn", "https://github.com/apache/yunikorn-core", ()),
        ("Some SDK", "https://github.com/x/sdk-python", ()),
        ("LlamaIndex", "https://github.com/run-llama/llama_index", ()),
    ],
)
def test_aliases_for(name: str, repo: str, aliases: tuple[str, ...]) -> None:
    assert aliases_for(name, repo) == aliases


def test_colliding_slugs_are_disambiguated_deterministically(tmp_path: Path) -> None:
    items = "\n".join(
        f"          - {{name: '{n}', homepage_url: 'https://{i}.example/'}}"
        for i, n in enumerate(["Foo IO", "Foo.io"])
    )
    text = (
        "landscape:\n  - name: Runtime\n    subcategories:\n      - name: Container Runtime\n        items:\n"
        + items
    )
    import_landscape(write(tmp_path, text), out_dir=tmp_path / "out", categories=SMALL_CATEGORIES)
    entries = yaml.safe_load((tmp_path / "out" / "container-engine.yaml").read_text(encoding="utf-8"))[
        "entries"
    ]
    assert [(e["id"], e["name"]) for e in entries] == [("foo-io", "Foo IO"), ("foo-io-2", "Foo.io")]


TRICKY = [
    *("yes", "No", "null", "~", "100", "1.5", "2018-01-01", "a: b", "a #b", "#a", "- a", "[a]", "{a}"),
    *("x,y", "'q'", '"q"', "ends:", " lead", "trail ", "tab\there", "line\nbreak", "nel\x85", "ls\u2028x"),
    *("bom\ufeffx", "bell\x07", "del\x7f", "中文：服务发现", "emoji 🚀", "back\\slash", "@me", "`tick`"),
    *("!tag", "&anchor", "*alias", "%pct", "ok"),
]


@pytest.mark.parametrize("value", TRICKY)
def test_scalars_read_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"k: {scalar(value)}") == {"k": value}
    assert yaml.safe_load(f"k: [{scalar(value, flow=True)}, z]") == {"k": [value, "z"]}


def test_plain_strings_stay_unquoted() -> None:
    assert scalar("https://istio.io/") == "https://istio.io/"
    assert scalar("服务网格") == "服务网格"
    assert scalar("x,y") == "x,y" and scalar("x,y", flow=True) == '"x,y"'


def test_rendered_entries_read_back_field_for_field() -> None:
    entry = Entry(
        id="x",
        name="X: the tool",
        category="monitoring",
        related=("logging",),
        homepage="https://x.io/#top",
        repo="https://github.com/x/x",
        aliases=("yes", "X, Inc."),
        tags=("metrics",),
        description=Text(zh="监控", en="Monitors: things"),
        status="archived",
        status_note=Text(zh="归档", en="Archived"),
        status_year=2020,
        cncf=Cncf(maturity="archived", accepted=2018, archived=2020),
    )
    [raw] = yaml.safe_load(render_entries([entry], header="one\ntwo"))["entries"]
    assert raw == {
        "id": "x",
        "name": "X: the tool",
        "category": "monitoring",
        "related": ["logging"],
        "homepage": "https://x.io/#top",
        "repo": "https://github.com/x/x",
        "aliases": ["yes", "X, Inc."],
        "tags": ["metrics"],
        "description": {"zh": "监控", "en": "Monitors: things"},
        "status": "archived",
        "status_note": {"zh": "归档", "en": "Archived"},
        "status_year": 2020,
        "cncf": {"maturity": "archived", "accepted": 2018, "archived": 2020},
    }
