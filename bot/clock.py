"""The clock process (``ecosys clock``): the one place digests are sent from.

It runs APScheduler 3 with three jobs: a tick every minute that sends whatever digest is due
(``bot.digest.runner.run_due``), a daily purge of the query log past its retention, and an hourly look at
whether the landscape refresh of the current period (a week by default) is still to do. The tick asks the
database what is due instead of keeping a timer per subscription, so the clock holds no state: two clock
processes, a restart or a missed tick cannot send a digest twice or skip one (the run claims see to that).
Web workers never run it; the single-process modes (Socket Mode, local development) may, in a background
thread, when ``ECOSYS_RUN_SCHEDULER`` is on.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine as Database

from bot.context import AppContext, worker_name
from bot.digest.deliver import Delivery
from bot.digest.runner import ClientFor, run_due
from bot.landscape_refresh import RefreshResult, refresh_landscape
from bot.storage import digest_runs, feedback, query_log
from bot.storage.events import purge_events
from bot.storage.schema import DEPLOYMENT

if TYPE_CHECKING:
    from index.engine import Engine

log = logging.getLogger(__name__)

TICK_SECONDS = 60
LANDSCAPE_REFRESH_JOB = "~landscape-refresh"
"""The claim key of the landscape refresh (in the digest runs table; no Slack channel id starts with ~)."""
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def utc_now() -> datetime:
    return datetime.now(UTC)


class Clock:
    """The jobs of the clock process, with time injected (tests pass a fixed ``now``)."""

    def __init__(
        self,
        *,
        db: Database,
        engine: Callable[[], Engine],
        client_for: ClientFor,
        now: Callable[[], datetime] = utc_now,
        worker: str | None = None,
        keep_days: int = query_log.DEFAULT_KEEP_DAYS,
        refresh: Callable[[], RefreshResult] | None = None,
        refresh_days: int = 0,
    ) -> None:
        self.refresh = refresh
        self.refresh_days = refresh_days if refresh is not None else 0
        self.db = db
        self.engine = engine
        self.client_for = client_for
        self.now = now
        self.worker = worker or worker_name()
        self.keep_days = keep_days

    @classmethod
    def from_context(cls, ctx: AppContext) -> Clock:
        from bot.slack.installations import ClientSource

        return cls(
            db=ctx.db,
            engine=lambda: ctx.engine,
            client_for=ClientSource(ctx.settings, ctx.db),
            keep_days=ctx.settings.query_log_days,
            refresh=lambda: refresh_landscape(ctx.settings),
            refresh_days=ctx.settings.landscape_refresh_days,
        )

    def tick(self) -> list[Delivery]:
        """Send every digest due now."""
        return run_due(self.db, self.engine, self.client_for, now=self.now(), worker=self.worker)

    def purge(self) -> int:
        """Drop questions older than the retention limit, and Slack event ids too old to be retried."""
        removed = query_log.purge(self.db, keep_days=self.keep_days, now=self.now())
        if removed:
            log.info("query log: %d questions older than %d days deleted", removed, self.keep_days)
        votes = feedback.purge(self.db, keep_days=self.keep_days, now=self.now())
        if votes:
            log.info("feedback: %d votes older than %d days deleted", votes, self.keep_days)
        forgotten = purge_events(self.db, now=self.now())
        if forgotten:
            log.info("event store: %d handled event ids forgotten", forgotten)
        return removed

    def refresh_landscape(self) -> RefreshResult | None:
        """Refresh the landscape once per period: the first clock to claim the period does it, others skip.

        The running web and worker processes pick the new import up through their index watcher.
        """
        if self.refresh is None or self.refresh_days <= 0:
            return None
        now = self.now()
        period = landscape_period(now, self.refresh_days)
        claim = digest_runs.claim(
            self.db, DEPLOYMENT, LANDSCAPE_REFRESH_JOB, period, now=now, worker=self.worker
        )
        if claim is None:
            return None
        result = self.refresh()
        if result.outcome == "failed":
            digest_runs.mark_ended(self.db, claim.id, state="failed", error=result.message)
            log.warning("%s", result.message)
        else:
            digest_runs.mark_sent(self.db, claim.id, ts="", now=now)
            log.info("landscape refresh (%s): %s", period, result.message)
        return result


def landscape_period(now: datetime, days: int) -> str:
    """The refresh period ``now`` falls in: consecutive blocks of ``days`` days counted from 1970-01-01 UTC."""
    block = (now.astimezone(UTC).date().toordinal() - EPOCH_ORDINAL) // days
    return f"landscape/{days}d/{block}"


def add_jobs(scheduler: BaseScheduler, clock: Clock, *, tick_seconds: int = TICK_SECONDS) -> None:
    """The tick (first run at once) and the daily purge; a late or overlapping tick is merged, not queued."""
    scheduler.add_job(
        clock.tick,
        IntervalTrigger(seconds=tick_seconds, timezone=UTC),
        id="digest-tick",
        next_run_time=utc_now(),
        coalesce=True,
        max_instances=1,
        misfire_grace_time=tick_seconds,
    )
    scheduler.add_job(
        clock.purge,
        CronTrigger(hour=3, minute=17, timezone=UTC),
        id="query-log-purge",
        next_run_time=utc_now(),
        coalesce=True,
        max_instances=1,
    )
    if clock.refresh_days > 0:
        scheduler.add_job(
            clock.refresh_landscape,
            IntervalTrigger(hours=1, timezone=UTC),
            id="landscape-refresh",
            next_run_time=utc_now(),
            coalesce=True,
            max_instances=1,
        )


def run_forever(clock: Clock) -> None:
    """Run the clock in this process until SIGTERM/SIGINT (the Procfile's ``clock`` process)."""
    scheduler = BlockingScheduler(timezone=UTC)
    add_jobs(scheduler, clock)

    def stop(signum: int, _frame: object) -> None:
        log.info("clock: signal %d, stopping", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    log.info("clock %s started: digests every %ds", clock.worker, TICK_SECONDS)
    scheduler.start()


def start_in_process(ctx: AppContext) -> BackgroundScheduler | None:
    """Start the clock in a background thread when ``settings.run_scheduler`` is on (single-process modes).

    Returns the scheduler (call ``shutdown()`` on exit), or None when this process must not run it.
    """
    if not ctx.settings.run_scheduler:
        return None
    scheduler = BackgroundScheduler(timezone=UTC, daemon=True)
    add_jobs(scheduler, Clock.from_context(ctx))
    scheduler.start()
    log.info("digest scheduler running in this process (ECOSYS_RUN_SCHEDULER=1)")
    return scheduler
