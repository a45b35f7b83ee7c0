"""One SQLAlchemy metadata for every table, and the engine factory.

Table modules (``events``, ``query_log``, ``subscriptions``…) declare their tables on ``metadata``;
``open_database`` creates the schema on start, so a fresh SQLite file or PostgreSQL database just works.
"""

from __future__ import annotations

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.exc import DBAPIError

metadata = MetaData()
SCHEMA_ATTEMPTS = 3


def normalise_url(url: str) -> str:
    """Accept the ``postgres://`` and ``postgresql://`` URLs hosting platforms hand out, use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def open_database(url: str) -> Engine:
    """An engine for ``url`` with every table created. SQLite gets WAL so several processes share it."""
    from bot.storage import tables  # noqa: F401  (registers every table on ``metadata``)

    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

    else:
        engine = create_engine(url, pool_pre_ping=True)
    for attempt in range(SCHEMA_ATTEMPTS):
        try:
            metadata.create_all(engine)
            break
        except DBAPIError:
            # Two processes starting together both see a table missing and both create it; the loser
            # fails with "already exists" and, looking again, finds every table there.
            if attempt == SCHEMA_ATTEMPTS - 1:
                raise
    return engine
