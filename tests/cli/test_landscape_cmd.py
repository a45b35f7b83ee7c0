"""``ecosys data import-landscape`` and the drift report, driven the way a maintainer runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli.landscape_cmd import print_drift
from bot.cli.main import build_parser, main
from bot.config import LANDSCAPE_SNAPSHOT, load_settings
from index.model import Cncf, Entry

ECOSYS = str(Path(sys.executable).with_name("ecosys"))
REAL_LANDSCAPE = LANDSCAPE_SNAPSHOT  # the dated CNCF landscape file the repository ships

SMALL = """\
landscape:
  - name: Runtime
    subcategories:
      - name: Container Runtime
        items:
          - name: containerd
            homepage_url: https://containerd.io/
            project: graduated
          - name: youki
            homepage_url: https://github.com/youki-dev/youki
  - name: Orchestration & Management
    subcategories:
      - name: Service Mesh
        items:
          - name: Istio
            homepage_url: https://istio.io/
"""


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    path = tmp_path / "landscape.yml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["data", "import-landscape", "--help"])
    out = capsys.readouterr().out
    assert "Example: ecosys data import-landscape" in out and "--out DIR" in out


def test_import_into_the_default_directory_is_then_read_beside_data(
    home: Path, small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import-landscape", str(small)]) == 0
    out = capsys.readouterr().out
    assert f"Imported 3 landscape items as 3 entries in 2 files into {home / 'landscape'}." in out
    assert re.search(
        r"\d+ added, \d+ changed, [1-9]\d* removed\.", out
    )  # counted against the shipped snapshot
    assert "ECOSYS_DATA_DIRS" not in out
    assert load_settings().data_dirs[-1] == home / "landscape"

    assert main(["data", "import-landscape", str(small)]) == 0
    assert "0 added, 0 changed, 0 removed." in capsys.readouterr().out


def test_import_with_out_says_how_to_use_it(
    home: Path, small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import-landscape", str(small), "--out", str(tmp_path / "elsewhere")]) == 0
    assert f"add {tmp_path / 'elsewhere'} to ECOSYS_DATA_DIRS" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "elsewhere").glob("*.yaml")) == [
        "container-engine.yaml",
        "service-mesh.yaml",
    ]


def test_a_malformed_file_is_one_line_with_the_fix_and_writes_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        SMALL.replace("homepage_url: https://istio.io/", "repo_url: https://github.com/istio/istio")
    )
    assert main(["data", "import-landscape", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        'ecosys: Orchestration & Management / Service Mesh / item 1 ("Istio"): homepage_url missing '
        "(nothing was written)\n"
    )
    assert not (home / "landscape").exists()


def test_print_drift(tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agreeing = Entry(
        id="containerd",
        name="containerd",
        category="c",
        homepage="https://containerd.io",
        cncf=Cncf("graduated"),
    )
    assert print_drift([agreeing], small) == 0
    assert capsys.readouterr().out == f"curated entries agree with {small} (1 checked)\n"

    stale = Entry(
        id="istio", name="Istio", category="m", homepage="https://istio.io/", cncf=Cncf("incubating"),
        file="data/entries/cncf/incubating.yaml", line=12,
    )  # fmt: skip
    assert print_drift([agreeing, stale], small) == 1
    assert capsys.readouterr().out.splitlines() == [
        "data/entries/cncf/incubating.yaml:12: istio: cncf.maturity is 'incubating', the landscape says 'none'",
        f"1 curated fact(s) differ from {small}: update the entries above.",
    ]


def test_real_processes_import_then_check_a_modified_landscape(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOSYS_", "SLACK_"))}
    env["ECOSYS_HOME"] = str(tmp_path / "home")

    def ecosys(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([ECOSYS, *args], env=env, capture_output=True, text=True, timeout=120)

    imported = ecosys("data", "import-landscape", str(REAL_LANDSCAPE))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2413 landscape items" in imported.stdout

    document = yaml.load(REAL_LANDSCAPE.read_bytes(), Loader=yaml.CSafeLoader)
    for category in document["landscape"]:
        for subcategory in category["subcategories"]:
            for item in subcategory.get("items") or ():
                if item["name"] == "Linkerd":
                    item["project"] = "archived"
    modified = tmp_path / "modified.yml"
    modified.write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8")

    checked = ecosys("data", "check", "--landscape", str(modified))
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "linkerd: cncf.maturity is 'graduated', the landscape says 'archived'" in checked.stdout
    assert ecosys("data", "check", "--landscape", str(REAL_LANDSCAPE)).returncode == 0
