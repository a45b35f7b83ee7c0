"""The real ``web`` process from the Procfile, talking to a stand-in Slack on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e import processes
from tests.e2e.slack_standin import SlackStandIn
from tests.support.homes import seed


@pytest.fixture(scope="session")
def slack() -> Iterator[SlackStandIn]:
    standin = SlackStandIn().start()
    yield standin
    standin.stop()


@dataclass
class WebProcess:
    url: str
    home: Path
    log: Path
    proc: object

    @property
    def events_url(self) -> str:
        return f"{self.url}/slack/events"

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture(scope="session")
def web(
    slack: SlackStandIn, tmp_path_factory: pytest.TempPathFactory, built_home: Path
) -> Iterator[WebProcess]:
    """One ``web`` process (2 gunicorn workers) for the session, with its own ECOSYS_HOME (the shipped data's
    index already built: a cold start is ``test_startup``'s)."""
    home = seed(tmp_path_factory.mktemp("web-home"), built_home)
    log = home.parent / f"{home.name}.log"
    port = processes.free_port()
    proc = processes.start("web", processes.web_env(slack, home, port), log)
    url = f"http://127.0.0.1:{port}"
    try:
        processes.wait_healthy(url, proc, log)
        yield WebProcess(url, home, log, proc)
    finally:
        processes.stop(proc)
