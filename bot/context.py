"""What every surface needs at run time, built once per process: settings, the engine, the database.

The engine is opened lazily and at most once (under a lock), so a Slack request can be acknowledged
before a cold index is loaded or built.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.config import Settings

INDEX_WATCH_SECONDS = 30.0
"""How often a running bot looks for changed data (an edited YAML file, a new landscape import)."""

log = logging.getLogger(__name__)


def worker_name() -> str:
    """Who holds a claim or a lease, for the logs: host, pid and a random tag (pids repeat across restarts)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


if TYPE_CHECKING:
    from sqlalchemy import Engine as Database

    from index.engine import Engine


@dataclass
class AppContext:
    """Shared, thread-safe handles to the engine and the database for one process."""

    settings: Settings
    _engine: Engine | None = field(default=None, init=False, repr=False)
    _db: Database | None = field(default=None, init=False, repr=False)
    # Two locks: a Slack request that needs the database (event de-duplication before the ack) must not
    # wait behind a cold index build holding the engine's lock.
    _engine_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _db_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def engine(self) -> Engine:
        """The search engine, opened (and the index built if needed) on first use."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    from index.engine import Engine

                    self._engine = Engine.open(home=self.settings.home, data_dirs=self.settings.data_dirs)
        return self._engine

    @property
    def db(self) -> Database:
        """The SQLAlchemy engine, with the schema created on first use."""
        if self._db is None:
            with self._db_lock:
                if self._db is None:
                    from bot.storage.db import open_database

                    self.settings.home.mkdir(parents=True, exist_ok=True)
                    self._db = open_database(self.settings.database_url)
        return self._db

    def warm_up(self) -> None:
        """Open the database, then the engine (building the index if needed) and what its first answers load:
        call from a background thread."""
        started = time.monotonic()
        self.db  # noqa: B018 (opened for its side effect)
        engine = self.engine
        engine.warm_up()
        log.info("warm: index %s ready in %.1f s", engine.fingerprint, time.monotonic() - started)

    def watch_index(
        self, *, every: float = INDEX_WATCH_SECONDS, stop: threading.Event | None = None
    ) -> threading.Thread:
        """Reload the index in the background whenever the data changes, keeping the last good one.

        A broken change is logged (file, line, field of each problem) and the current index keeps
        answering until the data is fixed; a good change is built aside and swapped in.
        """
        stop = stop or threading.Event()

        def watch() -> None:
            reported: tuple[object, ...] = ()
            while not stop.wait(every):
                if self._engine is None:
                    continue
                try:
                    if self._engine.reload_if_changed(data_dirs=self.settings.current_data_dirs()):
                        log.info("data changed: now serving index %s", self._engine.fingerprint)
                    problems = self._engine.problems
                    if problems and problems != reported:
                        log.warning(
                            "data has %d problem(s); still serving index %s:\n%s",
                            len(problems),
                            self._engine.fingerprint,
                            "\n".join(str(p) for p in problems),
                        )
                    reported = problems
                except Exception:  # the watcher must outlive any one failed rebuild
                    log.exception("could not reload the index; still serving the last good one")

        thread = threading.Thread(target=watch, name="ecosys-index-watch", daemon=True)
        thread.start()
        return thread
