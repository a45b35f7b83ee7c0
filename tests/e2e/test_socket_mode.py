"""Socket Mode: the Procfile's ``worker`` connects out, acknowledges envelopes, answers, and reconnects."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest

from tests.e2e import processes
from tests.e2e.slack_requests import (
    APP_TOKEN,
    BOT_TOKEN,
    direct_message,
    event_callback,
    slash_command,
    unique,
)
from tests.e2e.slack_standin import visible_text
from tests.e2e.socket_standin import SocketStandIn


@pytest.fixture
def sockets(slack) -> Iterator[SocketStandIn]:  # type: ignore[no-untyped-def]
    standin = SocketStandIn().start()
    slack.ws_url = standin.url
    yield standin
    standin.stop()


def _envelope(kind: str, payload: dict, **extra: object) -> dict:
    return {
        "envelope_id": unique("env-"),
        "type": kind,
        "payload": payload,
        "retry_attempt": 0,
        "retry_reason": "",
        **extra,
    }


def test_socket_mode_answers_acks_and_reconnects(slack, sockets, tmp_path):
    env = processes.process_env(
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=slack.api_url,
        ECOSYS_HOME=str(tmp_path),
    )
    opened_before = len(slack.find(lambda c: c.method == "apps.connections.open"))
    log = tmp_path / "worker.log"
    proc = processes.start("worker", env, log)
    try:
        sockets.wait_for_connection(1)
        (opened,) = slack.find(lambda c: c.method == "apps.connections.open")[opened_before:]
        assert (
            opened.headers["authorization"] == f"Bearer {APP_TOKEN}"
        )  # the app-level token, via SLACK_API_URL

        channel = unique("D")
        dm = json.loads(
            event_callback(direct_message("service discovery", channel=channel, ts="1700000900.000001"))
        )
        envelope = _envelope("events_api", dm, accepts_response_payload=False)
        sent = time.monotonic()
        sockets.send(1, envelope)
        number, _ack, acked = sockets.wait_for_ack(envelope["envelope_id"])
        assert number == 1 and acked - sent < 3
        (reply,) = slack.wait_for(
            lambda c: c.method == "chat.postMessage" and c.body.get("channel") == channel, timeout=60
        )
        text = visible_text(reply.body)
        assert text.index("etcd") < text.index("Consul") < text.index("ZooKeeper")

        sockets.connections[0].close()  # the socket drops: the worker must ask for a new URL and reconnect
        sockets.wait_for_connection(2)
        assert len(slack.find(lambda c: c.method == "apps.connections.open")) - opened_before >= 2

        hook = unique("socket-")
        command = dict(parse_qsl(slash_command("服务发现", response_url=slack.hook_url(hook)).decode()))
        envelope = _envelope("slash_commands", command, accepts_response_payload=True)
        sockets.send(2, envelope)
        number, _ack, _ = sockets.wait_for_ack(envelope["envelope_id"])
        assert number == 2
        (answer,) = slack.wait_for(lambda c: c.method == f"hook:{hook}")
        assert answer.body["response_type"] == "ephemeral"
        assert answer.body["blocks"][0]["text"]["text"].startswith("服务发现（")
        assert proc.poll() is None
    finally:
        processes.stop(proc)
    assert proc.returncode == 0, log.read_text()  # SIGTERM closes the connection and exits cleanly
