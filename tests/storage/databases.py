"""The database fixture shared by storage and digest tests: every test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``ECOSYS_TEST_POSTGRES_URL`` (``.ci/postgres.sh`` starts one on loopback). Without it
the PostgreSQL cases are skipped locally, and fail under CI (``CI=true``) so they cannot silently vanish.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.storage.db import make_engine, open_database
from bot.storage.schema import Workspace

BACKENDS = ("sqlite", "postgresql")
WS = Workspace("T0000AAAA")
"""The workspace storage tests write in unless they are about several."""

# Read at import: the suite's autouse fixture clears ECOSYS_* from the environment of every test.
POSTGRES_URL = os.environ.get("ECOSYS_TEST_POSTGRES_URL", "")
IN_CI = os.environ.get("CI", "").lower() == "true"


def url_for(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'ecosys.db'}"
    url = POSTGRES_URL
    if not url:
        if IN_CI:
            pytest.fail("CI=true but ECOSYS_TEST_POSTGRES_URL is unset: source .ci/postgres.sh first")
        pytest.skip("ECOSYS_TEST_POSTGRES_URL is unset (source .ci/postgres.sh to run against PostgreSQL)")
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database; the PostgreSQL one is emptied again after the test."""
    url = url_for(request.param, tmp_path)
    if request.param == "postgresql":
        empty_postgres(url)
    yield url
    if request.param == "postgresql":
        empty_postgres(url)


def empty_postgres(url: str) -> None:
    """Drop everything in the test database's public schema (tables of any revision, alembic_version)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture()
def db(db_url: str) -> Iterator[Engine]:
    """An open database with the schema created."""
    engine = open_database(db_url)
    yield engine
    engine.dispose()
