"""Start-up: a cold index does not delay acknowledgements; bad settings stop the process with one line."""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.e2e import processes
from tests.e2e.slack_requests import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, post_signed, slash_command, unique


def test_ack_comes_first_on_a_cold_index(slack, tmp_path):
    """A fresh ECOSYS_HOME has no index: the ack must not wait for it, the answer follows later."""
    log = tmp_path / "web.log"
    port = processes.free_port()
    proc = processes.start("web", processes.web_env(slack, tmp_path / "home", port), log)
    url = f"http://127.0.0.1:{port}"
    try:
        processes.wait_healthy(url, proc, log)
        hook = unique("cold-")
        reply = post_signed(
            f"{url}/slack/events", slash_command("服务发现", response_url=slack.hook_url(hook))
        )
        acked_at = time.monotonic()
        assert reply.status == 200 and reply.seconds < 3
        (answer,) = slack.wait_for(lambda c: c.method == f"hook:{hook}", timeout=60)
        assert answer.at > acked_at - 0.001  # the answer was sent after the acknowledgement, not before
        assert "etcd" in answer.body["text"]
    finally:
        processes.stop(proc)


def _run_to_exit(process: str, env: dict[str, str], log) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    proc = processes.start(process, env, log)
    try:
        code = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        processes.stop(proc)
        raise AssertionError(f"{process} did not stop on a bad setting:\n{log.read_text()}") from None
    return code, [line for line in log.read_text().splitlines() if line.strip()]


BAD_WEB_SETTINGS = {
    "SLACK_SIGNING_SECRET is not set": {"SLACK_SIGNING_SECRET": None},
    "SLACK_SIGNING_SECRET is not 32 hexadecimal": {"SLACK_SIGNING_SECRET": "not-the-secret-" + "9" * 20},
    "SLACK_BOT_TOKEN is not set": {"SLACK_BOT_TOKEN": None},
    "SLACK_BOT_TOKEN does not start with xoxb-": {"SLACK_BOT_TOKEN": "xoxp-user-token-secret-value"},
    "PORT=": {"PORT": "eighty"},
    "SLACK_API_URL=": {"SLACK_API_URL": "ftp://example"},
}


@pytest.mark.parametrize("expected", BAD_WEB_SETTINGS)
def test_web_stops_with_one_line_naming_the_setting(slack, tmp_path, expected):
    overrides = BAD_WEB_SETTINGS[expected]
    env = processes.web_env(slack, tmp_path / "home", processes.free_port())
    for name, value in overrides.items():
        env.pop(name, None) if value is None else env.__setitem__(name, value)
    code, lines = _run_to_exit("web", env, tmp_path / "web.log")
    assert code != 0
    assert len(lines) == 1, lines
    assert lines[0].startswith("ecosys: ") and expected in lines[0]
    for value in overrides.values():
        if value and value != "eighty" and not value.startswith("ftp"):
            assert value not in lines[0]  # a malformed secret is described, never echoed
    assert SIGNING_SECRET not in lines[0] and BOT_TOKEN not in lines[0]


def test_web_stops_when_slack_refuses_the_token(slack, tmp_path):
    token = "xoxb-revoked-" + unique("")
    slack.fail(
        "auth.test",
        payload={"ok": False, "error": "token_revoked"},
        when=lambda c: c.headers.get("authorization") == f"Bearer {token}",
    )
    env = processes.web_env(slack, tmp_path / "home", processes.free_port(), SLACK_BOT_TOKEN=token)
    code, lines = _run_to_exit("web", env, tmp_path / "web.log")
    assert code != 0 and len(lines) == 1, lines
    assert "SLACK_BOT_TOKEN was refused by Slack (token_revoked)" in lines[0] and token not in lines[0]


@pytest.mark.parametrize(
    ("app_token", "expected"),
    [(None, "SLACK_APP_TOKEN is not set"), ("xoxb-wrong-kind", "SLACK_APP_TOKEN does not start with xapp-")],
)
def test_socket_worker_stops_with_one_line_naming_the_setting(slack, tmp_path, app_token, expected):
    settings = {"SLACK_API_URL": slack.api_url, "SLACK_BOT_TOKEN": BOT_TOKEN, "ECOSYS_HOME": str(tmp_path)}
    if app_token:
        settings["SLACK_APP_TOKEN"] = app_token
    code, lines = _run_to_exit("worker", processes.process_env(**settings), tmp_path / "worker.log")
    assert code == 2 and len(lines) == 1, lines
    assert expected in lines[0] and APP_TOKEN not in lines[0]
