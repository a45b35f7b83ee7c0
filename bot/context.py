"""What every surface needs at run time, built once per process: settings, the engine, the database.

The engine is opened lazily and at most once (under a lock), so a Slack request can be acknowledged
before a cold index is loaded or built.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine as Database

    from index.engine import Engine


@dataclass
class AppContext:
    """Shared, thread-safe handles to the engine and the database for one process."""

    settings: Settings
    _engine: Engine | None = field(default=None, init=False, repr=False)
    _db: Database | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def engine(self) -> Engine:
        """The search engine, opened (and the index built if needed) on first use."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    from index.engine import Engine

                    self._engine = Engine.open(home=self.settings.home, data_dirs=self.settings.data_dirs)
        return self._engine

    @property
    def db(self) -> Database:
        """The SQLAlchemy engine, with the schema created on first use."""
        if self._db is None:
            with self._lock:
                if self._db is None:
                    from bot.storage.db import open_database

                    self.settings.home.mkdir(parents=True, exist_ok=True)
                    self._db = open_database(self.settings.database_url)
        return self._db
