"""Work done after the ack: a small thread pool per process, shared by every surface.

Bolt's lazy listeners would do the same, but deep-copy the whole request for each one (half the CPU time
of an acknowledgement in our measurements) and log a failure without its traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

log = logging.getLogger(__name__)


class Background:
    """Runs answers after the acknowledgement; a failure is logged with its traceback, never raised."""

    def __init__(self, threads: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ecosys-answer")

    def submit(self, work: Callable[..., Any], /, *args: Any) -> None:
        def run() -> None:
            try:
                work(*args)
            except Exception:  # the pool would keep the exception in a Future nobody reads
                log.exception("background work %s failed", getattr(work, "__name__", work))

        self._pool.submit(run)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
