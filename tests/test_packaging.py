"""The wheel is the whole product: built from this checkout, installed into a fresh virtualenv and run from
another directory, it answers from its own knowledge base (curated entries + the shipped landscape snapshot)."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_code_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("bot", "index")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    # Every directory of the knowledge base too: setuptools warns on each install of one it is not told of.
    data = {
        ".".join(("ecosys_data", *path.relative_to(REPO / "data").parts))
        for path in (REPO / "data").rglob("*")
        if path.is_dir()
    }
    assert "ecosys_data" in listed
    assert data - listed == set(), (
        "add these data directories to [tool.setuptools] packages in pyproject.toml"
    )


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_installed_wheel_answers_from_another_directory(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        wheels,
        REPO,
        cwd=REPO,
    )
    (wheel,) = wheels.glob("ecosys-*.whl")

    # A fresh virtualenv whose dependencies come from this one (no download), but not this checkout:
    # a .pth line adds the directory without running its .pth files, so the editable install is not seen.
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
    ).strip()
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(python, "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=tmp_path)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": "/usr/bin:/bin", "ECOSYS_HOME": str(tmp_path / "home"), "HOME": str(tmp_path)}
    where = _run(python, "-c", "import bot.config as c; print(c.REPO_DATA_DIR)", cwd=elsewhere, env=env)
    assert where.strip().startswith(site), "the installed package must read its own data, not the checkout's"

    discovery = _run(venv / "bin" / "ecosys", "ask", "服务发现", cwd=elsewhere, env=env)
    assert discovery.index("etcd") < discovery.index("Consul")
    kafka = _run(venv / "bin" / "ecosys", "ask", "Kafka", cwd=elsewhere, env=env)
    assert "https://kafka.apache.org" in kafka  # a landscape item: the snapshot ships in the wheel
