"""Shared fixtures: an isolated state directory per test session, the repo's data, a built engine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def state_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ECOSYS_HOME for the session: the curated index is built once and shared by tests."""
    return tmp_path_factory.mktemp("ecosys-home")


@pytest.fixture(scope="session")
def built_home(state_home: Path) -> Path:
    """``state_home`` with the index of the curated data and of the default data built: the template that
    ``tests.support.homes.seed`` copies into a test's fresh state directory."""
    from tests.support.homes import build_shipped

    return build_shipped(state_home)


@pytest.fixture(scope="session")
def engine(state_home: Path):  # type: ignore[no-untyped-def]
    """The real engine over the repo's curated data."""
    from bot.config import REPO_DATA_DIR
    from index.engine import Engine

    return Engine.open(home=state_home, data_dirs=[REPO_DATA_DIR])


@pytest.fixture(autouse=True)
def _no_ambient_ecosys_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's own ECOSYS_* or Slack settings."""
    for name in list(os.environ):
        if name.startswith(("ECOSYS_", "SLACK_")) or name in ("DATABASE_URL", "PORT"):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def landscape_engine(tmp_path_factory: pytest.TempPathFactory, built_home: Path):  # type: ignore[no-untyped-def]
    """The real engine as served by default: the curated data plus the shipped CNCF landscape snapshot."""
    from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR
    from index.engine import Engine
    from tests.support.homes import seed

    home = seed(tmp_path_factory.mktemp("ecosys-landscape-home"), built_home)
    return Engine.open(home=home, data_dirs=[REPO_DATA_DIR, LANDSCAPE_SNAPSHOT])
