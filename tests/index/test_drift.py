"""Freshness: curated facts that a landscape file contradicts (``ecosys data check --landscape``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR
from index import knowledge
from index.drift import Drift, check_drift, compare
from index.errors import LandscapeError
from index.model import Cncf, Entry

REAL_LANDSCAPE = LANDSCAPE_SNAPSHOT  # the dated CNCF landscape file the repository ships

LANDSCAPE = """\
landscape:
  - name: Observability and Analysis
    subcategories:
      - name: Observability
        items:
          - name: Prometheus
            homepage_url: https://prometheus.io/
            repo_url: https://github.com/prometheus/prometheus
            project: graduated
            extra: {accepted: '2016-05-09', graduated: '2018-08-09'}
          - name: Fluentd
            homepage_url: https://www.fluentd.org/
            repo_url: https://github.com/fluent/fluentd
            project: archived
          - name: Jaeger
            homepage_url: https://jaeger.example.net/
            repo_url: https://github.com/jaegertracing/jaeger-v2
            project: graduated
          - name: cAdvisor
            homepage_url: https://github.com/google/cadvisor/
"""


def curated(entry_id: str, name: str, homepage: str, repo: str = "", maturity: str | None = None) -> Entry:
    cncf = Cncf(maturity=maturity) if maturity else None
    return Entry(
        id=entry_id,
        name=name,
        category="monitoring",
        homepage=homepage,
        repo=repo,
        cncf=cncf,
        file="d.yaml",
        line=7,
    )


PROMETHEUS = curated(
    "prometheus",
    "Prometheus",
    "https://prometheus.io",
    "https://github.com/prometheus/prometheus.git",
    "graduated",
)


@pytest.fixture()
def landscape(tmp_path: Path) -> Path:
    path = tmp_path / "landscape.yml"
    path.write_text(LANDSCAPE, encoding="utf-8")
    return path


def test_agreeing_entries_report_nothing(landscape: Path) -> None:
    """Scheme, www., trailing slash and .git differences are not drift."""
    cadvisor = curated("cadvisor", "cAdvisor", "https://github.com/google/cadvisor")
    assert check_drift([PROMETHEUS, cadvisor], landscape) == []


def test_maturity_archive_homepage_and_repo_changes(landscape: Path) -> None:
    fluentd = curated(
        "fluentd", "Fluentd", "https://www.fluentd.org/", "https://github.com/fluent/fluentd", "graduated"
    )
    jaeger = curated(
        "jaeger",
        "Jaeger",
        "https://www.jaegertracing.io/",
        "https://github.com/jaegertracing/jaeger",
        "graduated",
    )
    drifts = check_drift([fluentd, jaeger], landscape)
    assert [(d.entry_id, d.field, d.curated, d.landscape) for d in drifts] == [
        ("fluentd", "cncf.maturity", "graduated", "archived"),
        ("jaeger", "homepage", "https://www.jaegertracing.io/", "https://jaeger.example.net/"),
        (
            "jaeger",
            "repo",
            "https://github.com/jaegertracing/jaeger",
            "https://github.com/jaegertracing/jaeger-v2",
        ),
    ]
    assert drifts[0].item == 'Observability and Analysis / Observability / item 2 ("Fluentd")'
    assert str(drifts[0]) == "d.yaml:7: fluentd: cncf.maturity is 'graduated', the landscape says 'archived'"


def test_a_new_cncf_project_and_a_vanished_one(landscape: Path) -> None:
    cadvisor = curated("cadvisor", "cAdvisor", "https://github.com/google/cadvisor", maturity="sandbox")
    gone = curated("rkt", "rkt", "https://github.com/rkt/rkt", maturity="archived")
    not_cncf = curated("sysdig", "Sysdig", "https://sysdig.com/")
    drifts = check_drift([cadvisor, gone, not_cncf], landscape)
    assert [(d.entry_id, d.field, d.curated, d.landscape) for d in drifts] == [
        ("cadvisor", "cncf.maturity", "sandbox", "none"),
        ("rkt", "landscape", "archived", ""),
    ]
    assert str(drifts[1]) == "d.yaml:7: rkt: not in the landscape (curated CNCF archived)"


def test_links_of_entries_not_curated_as_cncf_projects_are_theirs() -> None:
    """A survey entry about one product page (Datadog's Docker docs) keeps its own homepage."""
    ours = curated("datadog-docker", "Datadog", "https://docs.datadoghq.com/containers/docker/")
    theirs = curated("datadog", "Datadog", "https://www.datadoghq.com/")
    assert compare(ours, theirs) == []
    theirs_cncf = Entry(
        id="d", name="Datadog", category="m", homepage="https://x/", cncf=Cncf(maturity="sandbox")
    )
    assert [d.field for d in compare(ours, theirs_cncf)] == ["cncf.maturity"]


def test_a_broken_landscape_file_is_a_landscape_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text("landscape: nope\n", encoding="utf-8")
    with pytest.raises(LandscapeError, match="no `landscape:` list"):
        check_drift([PROMETHEUS], tmp_path / "bad.yml")


# --- the repo's curated entries against the real file and a modified copy ----------------------------


@pytest.fixture(scope="module")
def curated_entries() -> list[Entry]:
    entries = [e for e in knowledge.load([REPO_DATA_DIR]).entries.values() if e.source == "curated"]
    if sum(1 for e in entries if e.cncf and e.cncf.maturity in ("graduated", "incubating")) < 30:
        pytest.skip("the curated CNCF entries (data/entries/cncf/) are not written yet")
    return entries


def test_the_real_landscape_agrees_with_the_curated_entries(curated_entries: list[Entry]) -> None:
    drifts = check_drift(curated_entries, REAL_LANDSCAPE)
    assert drifts == [], "\n".join(map(str, drifts))


def test_a_modified_landscape_shows_each_change(curated_entries: list[Entry], tmp_path: Path) -> None:
    document = yaml.load(REAL_LANDSCAPE.read_bytes(), Loader=yaml.CSafeLoader)
    changes = {
        "Prometheus": {"project": "incubating"},
        "Flux": {"project": "archived"},
        "Envoy": {"homepage_url": "https://envoy.example.org/"},
        "Falco": {"repo_url": "https://github.com/falco-moved/falco"},
    }
    for category in document["landscape"]:
        for subcategory in category["subcategories"]:
            for item in subcategory.get("items") or ():
                item.update(changes.get(item["name"], {}))
    modified = tmp_path / "landscape.yml"
    modified.write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8")

    drifts = check_drift(curated_entries, modified)
    found = {(d.entry_id, d.field, d.landscape) for d in drifts}
    assert found == {
        ("prometheus", "cncf.maturity", "incubating"),
        ("flux", "cncf.maturity", "archived"),
        ("envoy", "homepage", "https://envoy.example.org/"),
        ("falco", "repo", "https://github.com/falco-moved/falco"),
    }
    for drift in drifts:
        assert isinstance(drift, Drift) and drift.file.endswith(".yaml") and drift.line > 0
