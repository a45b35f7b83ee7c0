"""Answers are worked on after the acknowledgement, from the durable queue (``bot.storage.jobs``).

A listener calls ``submit``: one insert, then it acknowledges. Each process that serves Slack runs a few
answer threads (``ECOSYS_ANSWER_THREADS``) that claim the oldest waiting job — its own or another process's,
or one whose holder died — answer it and delete it. The threads run at a lower OS priority than the request
threads, so on a busy machine the acknowledgements get the CPU first and answers fill the gaps.

``stop`` (SIGTERM) stops claiming, gives held answers until the grace period to finish, and hands back any
that did not, so another process answers them at once instead of after the lease.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.context import AppContext
from bot.storage import jobs
from bot.storage.schema import Workspace

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25
"""How often an idle answer thread looks for work queued by other processes or left by dead ones."""

ANSWER_NICENESS = 10
"""Added to the answer threads' nice value: the request threads (acknowledgements) come first."""

QUIET_SECONDS = 0.05
"""An answer starts only after this long without a request in progress (``acknowledging``)."""

YIELD_LIMIT = 2.0
"""Longest an answer thread holds back for requests before it answers anyway: a burst is acknowledged
first, and a sustained load still gets its answers."""

MAX_ATTEMPTS = 3
"""Claims of one job before it is given up (each one ended with its process dying)."""


class QueueUnavailable(Exception):
    """Raised by ``submit`` when the question could not be stored: it must not be acknowledged as taken."""


@dataclass
class AnswerJob:
    """One claimed job, as a handler sees it."""

    job: jobs.Job
    client: WebClient
    ctx: AppContext
    """The process's ``AppContext`` (engine, database, settings)."""
    _mark: Callable[[], bool] = field(repr=False)

    @property
    def payload(self) -> dict[str, Any]:
        return self.job.payload

    @property
    def workspace(self) -> Workspace:
        return self.job.workspace

    @property
    def redelivery(self) -> bool:
        """A previous holder may have delivered this answer already: deliver idempotently."""
        return self.job.redelivery

    def before_delivery(self) -> None:
        """Call right before sending the answer, so a take-over knows it may have arrived."""
        self._mark()


Handler = Callable[[AnswerJob], None]


class AnswerQueue:
    """Submit questions from listeners; answer them in background threads (``start`` / ``stop``)."""

    def __init__(
        self,
        ctx: AppContext,
        client_for: Callable[[Workspace], WebClient],
        *,
        worker: str,
        threads: int = 2,
        lease: timedelta = jobs.LEASE,
    ) -> None:
        self._ctx = ctx
        self._client_for = client_for
        self.worker = worker
        self._threads_wanted = threads
        self._lease = lease
        self._handlers: dict[str, Handler] = {}
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._held: dict[int, int] = {}  # thread ident -> job id
        self._lock = threading.Lock()
        self._acking = 0
        self._last_request = 0.0
        self._quiet = threading.Condition()

    def _db(self) -> Engine:
        return self._ctx.db

    def handle(self, kind: str, handler: Handler) -> None:
        """Answer jobs of ``kind`` with ``handler`` (each surface registers its own)."""
        self._handlers[kind] = handler

    def submit(self, kind: str, workspace: Workspace, payload: dict[str, Any]) -> int:
        """Store the job (before the ack) and wake an answer thread; ``QueueUnavailable`` if it cannot."""
        if kind not in self._handlers:
            raise ValueError(f"no handler for {kind!r} jobs")
        try:
            job_id = jobs.enqueue(self._db(), workspace, kind, payload)
        except SQLAlchemyError as exc:
            log.error("could not queue a %s question", kind, exc_info=True)
            raise QueueUnavailable(str(exc)) from exc
        self._wake.set()
        return job_id

    @contextmanager
    def acknowledging(self) -> Iterator[None]:
        """Wrap each incoming request: while any is in progress, answer threads do not start a new job.

        Python threads share one interpreter lock, and an answer's search would make every request thread
        wait for it; holding answers back during a burst keeps the acknowledgements quick.
        """
        with self._quiet:
            self._acking += 1
        try:
            yield
        finally:
            with self._quiet:
                self._acking -= 1
                self._last_request = time.monotonic()

    def _wait_for_quiet(self) -> None:
        deadline = time.monotonic() + YIELD_LIMIT
        with self._quiet:
            while not self._stopping.is_set():
                now = time.monotonic()
                if (not self._acking and now - self._last_request >= QUIET_SECONDS) or now >= deadline:
                    return
                self._quiet.wait(QUIET_SECONDS)

    # ------------------------------------------------------------------ answering

    def start(self) -> None:
        """Start the answer threads (once per process, after any fork)."""
        if self._threads:
            return
        for n in range(self._threads_wanted):
            thread = threading.Thread(target=self._loop, name=f"ecosys-answer-{n}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop_claiming(self) -> None:
        """Take no new job (SIGTERM); the ones held are still answered. Safe in a signal handler."""
        self._stopping.set()
        self._wake.set()

    def stop(self, *, grace: float) -> None:
        """Stop claiming; wait up to ``grace`` seconds for held answers; hand back what is still held."""
        self.stop_claiming()
        deadline = time.monotonic() + grace
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            unfinished = list(self._held.values())
        for job_id in unfinished:
            try:
                jobs.release(self._db(), job_id, worker=self.worker)
                log.warning("answer job %d handed back unfinished at shutdown", job_id)
            except SQLAlchemyError:
                log.error("could not hand back job %d: answered after its lease", job_id, exc_info=True)

    def run_once(self) -> bool:
        """Claim and answer one job in this thread; False when there was none."""
        self._wait_for_quiet()
        job = jobs.claim_next(self._db(), worker=self.worker, lease=self._lease)
        if job is None:
            return False
        self._answer(job)
        return True

    def _loop(self) -> None:
        # Linux: nice applies per thread; elsewhere the answers simply share the CPU evenly.
        with suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), ANSWER_NICENESS)
        polls = 0
        while not self._stopping.is_set():
            try:
                if self.run_once():
                    continue
                polls += 1
                if polls % 240 == 1:  # about once a minute when idle
                    jobs.drop_expired(self._db())
            except SQLAlchemyError:
                log.error("answer queue: database unavailable, retrying", exc_info=True)
                self._stopping.wait(1.0)
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()

    def _answer(self, job: jobs.Job) -> None:
        me = threading.get_ident()
        with self._lock:
            self._held[me] = job.id
        try:
            handler = self._handlers.get(job.kind)
            if handler is None:
                log.error("answer job %d has unknown kind %r: dropped", job.id, job.kind)
            elif job.attempts > MAX_ATTEMPTS:
                log.error("answer job %d (%s) given up after %d attempts", job.id, job.kind, job.attempts - 1)
            else:
                if job.redelivery:
                    log.info("answer job %d taken over after its holder died while delivering", job.id)
                client = self._client_for(job.workspace)
                mark = lambda: jobs.mark_delivering(self._db(), job.id, worker=self.worker)  # noqa: E731
                handler(AnswerJob(job, client, self._ctx, mark))
        except Exception:  # one job's failure must not stop the thread; its traceback goes to the log
            log.exception("answer job %d (%s) failed", job.id, job.kind)
        finally:
            with self._lock:
                self._held.pop(me, None)
        jobs.finish(self._db(), job.id, worker=self.worker)
