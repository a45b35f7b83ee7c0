"""Keeping the landscape fresh, driven as an operator and the clock do: a landscape served over HTTP on
127.0.0.1 is imported by ``ecosys data import-landscape`` (no path), re-imported as "not modified", a broken
download keeps the last good data, and the clock's refresh puts the landscape's changes in the next digest."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine as Database

from bot.cli.main import main
from bot.clock import Clock
from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR, Settings, load_settings
from bot.digest.deliver import make_client
from bot.digest.schedule import Schedule
from bot.storage import subscriptions
from index.engine import Engine
from tests.digest.conftest import Ticker, run_ticks
from tests.digest.slack_stub import SlackStub
from tests.storage.databases import WS
from tests.support.homes import seed

SNAPSHOT = LANDSCAPE_SNAPSHOT.read_text(encoding="utf-8")


def _changed_landscape() -> str:
    """The snapshot a week later: Akri moves to incubating, Atlantis is archived, a new sandbox project."""
    text = SNAPSHOT
    akri = text.index("name: Akri\n")
    at = text.index("project: sandbox", akri)
    text = text[:at] + "project: incubating" + text[at + len("project: sandbox") :]
    atlantis = text.index("name: Atlantis\n")
    at = text.index("project: sandbox", atlantis)
    text = text[:at] + "project: archived" + text[at + len("project: sandbox") :]
    anchor = text.index("          - item:\n            name: Akri\n")
    new_item = (
        "          - item:\n"
        "            name: Quokka Edge Mesh\n"
        "            homepage_url: https://quokka.example.org/\n"
        "            project: sandbox\n"
        "            description: A test project that joined the CNCF this week\n"
    )
    return text[:anchor] + new_item + text[anchor:]


@dataclass
class Served:
    """What the local landscape server serves, and the conditional headers it was sent."""

    body: bytes = SNAPSHOT.encode()
    etag: str = '"v1"'
    status: int = 200
    seen: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture()
def served() -> Iterator[tuple[Served, str]]:
    state = Served()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.seen.append(dict(self.headers))
            if state.status != 200:
                self.send_error(state.status)
                return
            if self.headers.get("If-None-Match") == state.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", state.etag)
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/landscape.yml"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def operator_env(
    served: tuple[Served, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Served, Path]:
    state, url = served
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ECOSYS_LANDSCAPE_URL", url)
    return state, tmp_path / "home"


def test_the_shipped_snapshot_is_served_until_an_import_replaces_it(operator_env, capsys) -> None:  # type: ignore[no-untyped-def]
    state, home = operator_env
    assert load_settings().data_dirs[-1] == LANDSCAPE_SNAPSHOT

    assert main(["data", "import-landscape"]) == 0
    out = capsys.readouterr().out
    assert "Imported" in out and "0 added, 0 changed, 0 removed" in out  # the same file as the snapshot
    assert load_settings().data_dirs[-1] == home / "landscape"
    assert "If-None-Match" not in state.seen[0]

    assert main(["data", "import-landscape"]) == 0
    assert "not modified" in capsys.readouterr().out
    assert state.seen[-1]["If-None-Match"] == '"v1"'


@pytest.mark.parametrize(
    ("breakage", "said"),
    [
        ({"status": 500}, "answered HTTP 500"),
        ({"body": b"landscape: [this is: not, a landscape", "etag": '"v2"'}, "landscape"),
        ({"body": b"x" * 64, "etag": '"v3"'}, "landscape"),
    ],
)
def test_a_broken_download_keeps_the_last_good_import_and_says_why(
    operator_env, capsys, breakage, said
) -> None:  # type: ignore[no-untyped-def]
    state, home = operator_env
    assert main(["data", "import-landscape"]) == 0
    before = sorted((p.name, p.read_bytes()) for p in (home / "landscape").iterdir())
    capsys.readouterr()

    for key, value in breakage.items():
        setattr(state, key, value)
    assert main(["data", "import-landscape"]) == 1
    message = capsys.readouterr().out.strip()
    assert len(message.splitlines()) == 1
    assert message.startswith("landscape not refreshed, still serving the last good one:") and said in message
    assert sorted((p.name, p.read_bytes()) for p in (home / "landscape").iterdir()) == before


def test_an_unreachable_url_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ECOSYS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ECOSYS_LANDSCAPE_URL", "http://127.0.0.1:9/landscape.yml")
    assert main(["data", "import-landscape"]) == 1
    assert "could not be fetched" in capsys.readouterr().out
    assert not (tmp_path / "home" / "landscape").exists()


W10_SEND = datetime.fromisoformat("2024-03-04T01:30:00+00:00")  # Monday 09:30 in Asia/Shanghai


def test_the_clock_refreshes_once_per_week_and_the_digest_names_the_changes(
    db: Database, served: tuple[Served, str], tmp_path: Path, slack: SlackStub, built_home: Path
) -> None:
    state, url = served
    settings = Settings(
        home=seed(tmp_path / "home", built_home),
        data_dirs=(REPO_DATA_DIR, LANDSCAPE_SNAPSHOT),
        database_url="sqlite://",
        slack_bot_token="xoxb-test",
        slack_api_url=slack.url,
        landscape_url=url,
    )
    from bot.landscape_refresh import refresh_landscape

    engine = Engine.open(home=settings.home, data_dirs=settings.data_dirs)
    ticker = Ticker(W10_SEND - timedelta(days=1))
    clocks = [
        Clock(
            db=db,
            engine=lambda: engine,
            client_for=lambda _ws: make_client(settings),
            now=ticker,
            worker=f"clock-{n}",
            refresh=lambda: refresh_landscape(settings),
            refresh_days=7,
        )
        for n in (1, 2)
    ]
    subscriptions.subscribe(db, WS, "C1", Schedule(), lang="en", now=ticker.now)
    run_ticks(clocks[0], ticker, slack, start=W10_SEND, end=W10_SEND, every=timedelta(minutes=1))

    state.body, state.etag = _changed_landscape().encode(), '"v2"'
    ticker.now = W10_SEND + timedelta(days=2)
    results = [clock.refresh_landscape() for clock in clocks]
    assert results[0] is not None and results[0].outcome == "imported"
    assert results[1] is None, "a second clock must not refresh the same week again"
    assert len(state.seen) == 1
    assert engine.reload_if_changed(data_dirs=settings.current_data_dirs())

    week11 = W10_SEND + timedelta(weeks=1)
    run_ticks(clocks[1], ticker, slack, start=week11, end=week11, every=timedelta(minutes=1))
    _first, second = slack.state.posts()
    changes = "\n".join(block["text"]["text"] for block in second["blocks"] if block.get("type") == "section")
    assert "Quokka Edge Mesh (CNCF sandbox)" in changes
    assert "Akri:" in changes and "incubating" in changes.split("Akri:")[1].split("\n")[0]
    assert "Atlantis:" in changes and "archived" in changes.split("Atlantis:")[1].split("\n")[0]


def test_refresh_off_adds_no_job(db: Database, tmp_path: Path) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.clock import add_jobs

    clock = Clock(db=db, engine=lambda: None, client_for=None, refresh=lambda: None, refresh_days=0)  # type: ignore[arg-type]
    scheduler = BackgroundScheduler()
    add_jobs(scheduler, clock)
    assert "landscape-refresh" not in {job.id for job in scheduler.get_jobs()}
    assert clock.refresh_landscape() is None
