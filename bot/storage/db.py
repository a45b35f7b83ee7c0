"""Opening the database: the engine factory, and the schema brought to the latest Alembic revision.

``open_database`` upgrades the schema before returning, so a fresh SQLite file, a fresh PostgreSQL database
and a database written by an older ecosys all end up the same. Processes starting together (gunicorn
workers, the clock) take turns: a file lock beside the SQLite file, an advisory lock on PostgreSQL.
"""

from __future__ import annotations

import fcntl
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"
"""The revision matching the schema ecosys created before it used Alembic (``metadata.create_all``)."""

_PG_LOCK_KEY = 0x6563_6F73  # "ecos": one advisory lock for every ecosys migration on a PostgreSQL server


def normalise_url(url: str) -> str:
    """Accept the ``postgres://`` and ``postgresql://`` URLs hosting platforms hand out, use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL loses nothing when a process dies (only a power cut can cost the last commits),
    # and a commit no longer waits for fsync: the insert made before each acknowledgement stays cheap.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str, **options: object) -> Engine:
    """An engine for ``url`` (no schema work): SQLite in WAL mode so several processes share it."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **options)  # type: ignore[arg-type]
        event.listen(engine, "connect", _sqlite_pragmas)
        _WRITE_LOCKS[engine] = threading.Lock()
        return engine
    return create_engine(url, pool_pre_ping=True, **options)  # type: ignore[arg-type]


_WRITE_LOCKS: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()


@contextmanager
def writing(db: Engine) -> Iterator[Connection]:
    """``db.begin()`` for a short write. On SQLite the threads of one process take turns first: SQLite
    allows one writer, and a thread that finds the database locked sleeps in SQLite's busy handler for
    1, 2, 5, 10… ms, which a burst of writers turns into tens of milliseconds per acknowledgement."""
    lock = _WRITE_LOCKS.get(db)
    with lock if lock is not None else nullcontext(), db.begin() as conn:
        yield conn


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for our revisions, bound to ``connection`` (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextmanager
def _migration_engine(url: str) -> Iterator[Engine]:
    """A one-connection engine whose transactions really include DDL on SQLite too (pysqlite's own
    transaction handling would commit before each CREATE/ALTER), so a failed upgrade leaves no half."""
    engine = make_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _no_implicit_transactions(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _exclusive(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with open(f"{database}.migrate-lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_LOCK_KEY})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_LOCK_KEY})


def upgrade(url: str) -> None:
    """Bring the database at ``url`` to the latest revision; a pre-Alembic database is adopted first."""
    with _migration_engine(url) as engine, _exclusive(engine), engine.begin() as conn:
        tables = set(inspect(conn).get_table_names())
        config = alembic_config(conn)
        if "query_log" in tables and "alembic_version" not in tables:
            command.stamp(config, BASELINE)  # created by create_all before migrations existed
        command.upgrade(config, "head")


def open_database(url: str) -> Engine:
    """An engine for ``url`` with the schema at the latest revision."""
    engine = make_engine(url)
    if current_revision(engine) != head_revision():
        upgrade(url)
    return engine
