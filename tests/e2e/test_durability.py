"""No acknowledged question is lost: a burst of ``/ecosys`` with the ``web`` process stopped (SIGTERM) or one of
its workers killed (SIGKILL) half-way, on SQLite and on PostgreSQL.

Counted from the asker's side (the stand-in's response_url hooks): every question that got its 200 gets an
answer, and the asker sees exactly one — one post, or, when a killed worker's answer had to be sent again,
posts that each replace the acknowledgement in place (``replace_original``).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.storage.db import make_engine
from bot.storage.schema import answer_jobs
from tests.e2e import processes
from tests.e2e.slack_requests import post_signed, slash_command, unique
from tests.e2e.slack_standin import SlackStandIn
from tests.storage.databases import empty_postgres, url_for
from tests.support.homes import seed
from tests.support.questions import varied_questions

BURST = 240
CONCURRENCY = 12
LEASE_SECONDS = 3
ANSWERED_WITHIN = 90.0


@pytest.fixture(params=("sqlite", "postgresql"))
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    url = url_for(request.param, tmp_path)
    if request.param == "postgresql":
        empty_postgres(url)
    yield url
    if request.param == "postgresql":
        empty_postgres(url)


class Web:
    """The Procfile's ``web`` process on a fresh port, restartable on the same database."""

    def __init__(self, slack: SlackStandIn, home: Path, database_url: str) -> None:
        self.slack, self.home, self.database_url = slack, home, database_url
        self.log = home / "web.log"
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> None:
        port = processes.free_port()
        env = processes.web_env(
            self.slack,
            self.home,
            port,
            DATABASE_URL=self.database_url,
            ECOSYS_ANSWER_LEASE_SECONDS=str(LEASE_SECONDS),
        )
        self.proc = processes.start("web", env, self.log)
        self.url = f"http://127.0.0.1:{port}"
        processes.wait_healthy(self.url, self.proc, self.log)

    def workers(self) -> list[int]:
        assert self.proc is not None
        return [
            int(p) for p in Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        ]

    def stop(self) -> None:
        if self.proc is not None:
            processes.stop(self.proc, timeout=40)


@pytest.fixture()
def web(slack: SlackStandIn, tmp_path: Path, database_url: str, built_home: Path) -> Iterator[Web]:
    process = Web(slack, tmp_path / "home", database_url)
    process.home.mkdir()
    seed(process.home, built_home)
    process.start()
    warm = unique("warm-")  # the index is built and loaded before the burst
    post_signed(f"{process.url}/slack/events", slash_command("etcd", response_url=slack.hook_url(warm)))
    slack.wait_for(lambda c: c.method == f"hook:{warm}", timeout=60)
    yield process
    process.stop()


def _burst(web: Web, slack: SlackStandIn, tag: str, interrupt) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """Send the burst, calling ``interrupt()`` once half of it is acknowledged; returns (acked, all) hooks."""
    questions = varied_questions(BURST)
    hooks = [f"{tag}-{n}" for n in range(BURST)]
    acked: set[str] = set()
    lock = threading.Lock()
    half = threading.Event()
    url = f"{web.url}/slack/events"

    def ask(n: int) -> None:
        try:
            reply = post_signed(url, slash_command(questions[n], response_url=slack.hook_url(hooks[n])))
        except (OSError, http.client.HTTPException):
            # refused, reset, or cut off mid-response by the kill: not acknowledged, Slack would say it failed
            return
        if reply.status == 200:
            with lock:
                acked.add(hooks[n])
                if len(acked) >= BURST // 2:
                    half.set()

    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        futures = [pool.submit(ask, n) for n in range(BURST)]
        assert half.wait(60), "half the burst was never acknowledged"
        interrupt()
        for future in futures:
            future.result()
    return acked, set(hooks)


def _held_by(db: Engine, pid: int) -> list[str]:
    """The response_urls of the jobs worker ``pid`` holds right now."""
    with db.connect() as conn:
        rows = conn.execute(
            select(answer_jobs.c.payload).where(answer_jobs.c.lease_owner.like(f"%:{pid}:%"))
        ).all()
    return [json.loads(row.payload)["response_url"] for row in rows]


def _answers(slack: SlackStandIn, hook: str) -> list[dict]:
    return [c.body for c in slack.find(lambda c: c.method == f"hook:{hook}")]


def _assert_each_acknowledged_question_answered_once(slack: SlackStandIn, acked: set[str]) -> int:
    deadline = time.monotonic() + ANSWERED_WITHIN
    while time.monotonic() < deadline and any(not _answers(slack, h) for h in acked):
        time.sleep(0.2)
    missing = sorted(h for h in acked if not _answers(slack, h))
    assert not missing, f"{len(missing)} of {len(acked)} acknowledged questions never answered: {missing[:5]}"
    time.sleep(LEASE_SECONDS + 1)  # a late duplicate would arrive now
    resent = 0
    for hook in acked:
        answers = _answers(slack, hook)
        assert all(a.get("replace_original") is True for a in answers), hook  # each replaces the ack
        resent += len(answers) - 1
    return resent


def test_sigterm_mid_burst_loses_no_acknowledged_question(web: Web, slack: SlackStandIn) -> None:
    def graceful_stop() -> None:
        assert web.proc is not None
        os.killpg(web.proc.pid, signal.SIGTERM)

    acked, _ = _burst(web, slack, unique("term"), graceful_stop)
    assert web.proc is not None and web.proc.wait(timeout=40) == 0
    log = web.log.read_text(errors="replace")
    web.start()  # the platform starts the process again: it answers what was waiting
    resent = _assert_each_acknowledged_question_answered_once(slack, acked)
    assert resent == 0, "a graceful stop finishes or hands back its answers: none is sent twice"
    assert "Traceback" not in log, log[-3000:]


def test_sigkill_of_one_worker_mid_burst_loses_no_acknowledged_question(
    web: Web, slack: SlackStandIn
) -> None:
    held: list[str] = []
    db = make_engine(web.database_url)

    def kill_one_worker() -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # kill a worker while it holds answers, the case that lost them
            for victim in web.workers():
                held[:] = _held_by(db, victim)
                if held:
                    os.kill(victim, signal.SIGKILL)  # an out-of-memory kill: no handler, no cleanup
                    return
            time.sleep(0.005)
        raise AssertionError("no worker was ever holding an answer")

    acked, _ = _burst(web, slack, unique("kill"), kill_one_worker)
    db.dispose()
    assert held and len(acked) >= BURST // 2
    resent = _assert_each_acknowledged_question_answered_once(slack, acked)
    for response_url in held:  # the killed worker's jobs were taken over after their lease
        assert _answers(slack, response_url.rsplit("/", 1)[1])
    # The asker sees one answer either way; a resend only happens when the kill landed mid-delivery.
    assert resent <= 2 * 2, f"{resent} answers sent twice: more than the killed worker could have held"
