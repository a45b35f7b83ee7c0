"""Distributed mode: installed into two workspaces through OAuth, each with its own questions and digests;
uninstalling one deletes its data and leaves the other answering. Against the real ``web`` process."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.storage.db import make_engine
from tests.e2e import processes
from tests.e2e.slack_requests import SIGNING_SECRET, event_callback, post_signed, slash_command, unique
from tests.e2e.slack_standin import OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, SlackStandIn
from tests.support.homes import seed

TEAM_A, TEAM_B = "T0000AAAA", "T0000BBBB"


def _env(slack: SlackStandIn, home: Path, port: int) -> dict[str, str]:
    return processes.web_env(
        slack,
        home,
        port,
        SLACK_BOT_TOKEN=None,
        SLACK_CLIENT_ID=OAUTH_CLIENT_ID,
        SLACK_CLIENT_SECRET=OAUTH_CLIENT_SECRET,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
    )


@pytest.fixture(scope="module")
def distributed(
    slack: SlackStandIn, tmp_path_factory: pytest.TempPathFactory, built_home: Path
) -> Iterator[tuple[str, dict]]:
    home = seed(tmp_path_factory.mktemp("oauth-home"), built_home)
    port = processes.free_port()
    env = _env(slack, home, port)
    log = home.parent / f"{home.name}.log"
    proc = processes.start("web", env, log)
    url = f"http://127.0.0.1:{port}"
    try:
        processes.wait_healthy(url, proc, log)
        yield url, env
    finally:
        processes.stop(proc)
    assert "xoxb-" not in log.read_text(errors="replace"), "a token reached the log"


def _get(url: str, cookie: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode(), response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), ""


def install(base: str, code: str) -> tuple[int, str]:
    """What a browser does: open the Add to Slack page, come back from Slack with a code and the state."""
    status, page, cookie = _get(f"{base}/slack/install")
    assert status == 200 and "slack.com/oauth/v2/authorize" in page
    state = re.search(r"state=([\w-]+)", page)
    assert state is not None and cookie
    status, page, _ = _get(f"{base}/slack/oauth_redirect?code={code}&state={state[1]}", cookie.split(";")[0])
    return status, page


def _db(home_env: dict) -> Engine:
    return make_engine(f"sqlite:///{home_env['ECOSYS_HOME']}/ecosys.db")


def _rows(db: Engine, table: str, team: str) -> int:
    with db.connect() as conn:
        return int(
            conn.execute(text(f"SELECT count(*) FROM {table} WHERE team_id = :t"), {"t": team}).scalar_one()
        )


def _ask(slack: SlackStandIn, base: str, team: str, question: str, channel: str) -> dict:
    hook = unique(f"{team}-")
    body = slash_command(question, response_url=slack.hook_url(hook), team_id=team, channel_id=channel)
    assert post_signed(f"{base}/slack/events", body).status == 200
    (call,) = slack.wait_for(lambda c: c.method == f"hook:{hook}", timeout=60)
    return call.body


def _digest(slack: SlackStandIn, env: dict, team: str, channel: str) -> tuple[str, str]:
    """``ecosys digest send`` for the team's channel; returns (the token it posted with, its Most asked part)."""
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "digest", "send", "--channel", channel, "--team", team, "--lang", "en"],
        env=env, cwd=processes.REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (post,) = slack.find(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel)
    return post.headers["authorization"], post.body["blocks"][1]["text"]["text"]


def test_two_workspaces_each_with_its_own_digest_then_one_uninstalls(
    distributed, slack: SlackStandIn
) -> None:
    base, env = distributed
    for team in (TEAM_A, TEAM_B):
        status, page = install(base, f"code-{team}")
        assert status == 200, page
    db = _db(env)
    assert _rows(db, "slack_bots", TEAM_A) == 1 and _rows(db, "slack_bots", TEAM_B) == 1

    for team, question, channel in ((TEAM_A, "etcd", "CAAAA01"), (TEAM_B, "harbor", "CBBBB01")):
        answer = _ask(slack, base, team, question, channel)
        assert answer["replace_original"] and answer["blocks"]
        subscribed = _ask(slack, base, team, "subscribe weekly monday 9:30 UTC en", channel)
        assert "Subscribed" in subscribed["text"] or "subscribed" in subscribed["text"], subscribed["text"]
    assert _rows(db, "subscriptions", TEAM_A) == 1 and _rows(db, "subscriptions", TEAM_B) == 1

    token_a, asked_a = _digest(slack, env, TEAM_A, "CAAAA01")
    token_b, asked_b = _digest(slack, env, TEAM_B, "CBBBB01")
    assert token_a == f"Bearer xoxb-{TEAM_A}-installed" and token_b == f"Bearer xoxb-{TEAM_B}-installed"
    assert "etcd" in asked_a and "Harbor" not in asked_a
    assert "Harbor" in asked_b and "etcd" not in asked_b

    uninstalled = event_callback({"type": "app_uninstalled", "event_ts": "1700000000.000100"}, team_id=TEAM_A)
    assert post_signed(f"{base}/slack/events", uninstalled).status == 200
    for table in ("slack_bots", "slack_installations", "subscriptions", "query_log", "digest_runs"):
        assert _rows(db, table, TEAM_A) == 0, table
    assert _rows(db, "subscriptions", TEAM_B) == 1 and _rows(db, "query_log", TEAM_B) >= 1
    again = _ask(slack, base, TEAM_B, "consul", "CBBBB01")  # the other workspace still gets answers
    assert "Consul" in str(again["blocks"])
    db.dispose()


def test_an_org_wide_enterprise_install_is_refused_with_what_to_do(distributed) -> None:
    base, env = distributed
    status, page = install(base, "code-org-grid-E0000GRID")
    assert status == 400 and "Install it into each workspace" in page
    db = _db(env)
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM slack_bots WHERE enterprise_id = 'E0000GRID'")
            ).scalar_one()
            == 0
        )
    db.dispose()


def test_install_page_and_redirect_refuse_a_forged_state(distributed) -> None:
    base, _ = distributed
    status, _page, _ = _get(f"{base}/slack/oauth_redirect?code=code-T0000EVIL&state=forged")
    assert status == 400
