"""Running the Procfile's processes exactly as written, the way a platform (or honcho) runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.e2e.slack_requests import BOT_TOKEN, SIGNING_SECRET
from tests.e2e.slack_standin import SlackStandIn

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def procfile_command(process: str) -> str:
    """The command of ``process`` (``web``, ``worker``…) in the repo's Procfile."""
    for line in (REPO / "Procfile").read_text().splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() == process:
            return command.strip()
    raise LookupError(f"no {process!r} line in the Procfile")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_env(**settings: str) -> dict[str, str]:
    """A clean environment: PATH with the venv first, the given settings, nothing from the developer."""
    env = {"PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}", "LANG": "C.UTF-8"}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(settings)
    return env


def web_env(slack: SlackStandIn, home: Path, port: int, **overrides: str | None) -> dict[str, str]:
    """The settings an operator gives the ``web`` process, pointed at the stand-in Slack."""
    settings: dict[str, str | None] = {
        "PORT": str(port),
        "SLACK_API_URL": slack.api_url,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "ECOSYS_HOME": str(home),
        "WEB_CONCURRENCY": "2",
        **overrides,
    }
    return process_env(**{k: v for k, v in settings.items() if v is not None})


def start(process: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start ``process`` from the Procfile under ``sh -c`` (so ``$PORT`` expands), in its own group."""
    out = log.open("ab")
    return subprocess.Popen(
        ["sh", "-c", f"exec {procfile_command(process)}"],
        cwd=REPO,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(proc: subprocess.Popen, *, timeout: float = 15) -> None:
    """SIGTERM the process group we started (gunicorn master and its workers), then SIGKILL if needed."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=timeout)


def wait_healthy(base_url: str, proc: subprocess.Popen, log: Path, *, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"process exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"no /healthz within {timeout}s:\n{log.read_text(errors='replace')}")
