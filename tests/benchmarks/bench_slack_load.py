"""Load benchmark: 1,000 signed ``/ecosys`` commands at concurrency 20 against the Procfile's ``web`` process.

Run: ``.venv/bin/python tests/benchmarks/bench_slack_load.py [--requests 1000] [--concurrency 20]``

Starts a stand-in Slack and the real ``web`` process (as the Procfile says, on a loopback port), warms it,
then fires the commands: by default 1,000 *different* questions (``tests/support/questions.py``), so every
answer is a real search rather than a cache hit. Prints the ack latency (time to the HTTP response Slack waits 3 s for) p50/p99/max,
errors, how long the answers took to arrive through response_url, and the server's peak RSS (gunicorn
master plus workers, sampled every 20 ms). Target: p99 ack under 50 ms, zero errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.e2e import processes
from tests.e2e.slack_requests import sign, slash_command
from tests.e2e.slack_standin import SlackStandIn
from tests.support.questions import varied_questions

WARM_UP_QUESTIONS = ("服务发现", "service discovery", "etcd", "容器编排", "image registry", "zookeper")


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """(RSS of ``root`` and all its descendants, processes counted), in kB, from /proc."""
    total, count, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        count += 1
        todo.extend(int(c) for c in children)
    return total, count


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.processes, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            rss, count = _tree_rss_kb(self.pid)
            if rss > self.peak:
                self.peak, self.processes = rss, count
            self.done.wait(0.02)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _serve_standin(ready: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    slack = SlackStandIn().start()
    ready.put(slack.base)
    stop.wait()
    slack.stop()


class RemoteStandIn:
    """The stand-in Slack in its own process, so recording 1,000 answers does not slow the load generator."""

    def __init__(self) -> None:
        self._ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        self._stop = multiprocessing.Event()
        self._proc = multiprocessing.Process(
            target=_serve_standin, args=(self._ready, self._stop), daemon=True
        )
        self._proc.start()
        self.base = self._ready.get(timeout=30)
        self.api_url = f"{self.base}/api/"

    def hook_url(self, name: str) -> str:
        return f"{self.base}/hooks/{name}"

    def stats(self, prefix: str) -> tuple[int, float]:
        host, port = self.base.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("GET", f"/_stats?prefix={prefix}")
        data = json.loads(conn.getresponse().read())
        conn.close()
        return int(data["count"]), float(data["last_at"])

    def wait_for(self, prefix: str, count: int, timeout: float) -> tuple[int, float]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found, last = self.stats(prefix)
            if found >= count:
                return found, last
            time.sleep(0.05)
        raise AssertionError(f"only {self.stats(prefix)[0]} of {count} answers within {timeout}s")

    def stop(self) -> None:
        self._stop.set()
        self._proc.join(timeout=10)


def run(
    requests: int, concurrency: int, workers: int, questions: tuple[str, ...] = (), database_url: str = ""
) -> int:
    varied = not questions
    questions = questions or tuple(varied_questions(requests))
    slack = RemoteStandIn()
    home = Path(tempfile.mkdtemp(prefix="ecosys-bench-"))
    port = processes.free_port()
    log = home / "web.log"
    proc = processes.start(
        "web",
        processes.web_env(
            slack, home / "home", port, WEB_CONCURRENCY=str(workers), DATABASE_URL=database_url or None
        ),
        log,
    )
    local = threading.local()

    def send(n: int) -> tuple[float, int, str]:
        hook = f"bench-{'w' if n < 0 else 'm'}{n}"
        asked = WARM_UP_QUESTIONS if n < 0 and varied else questions
        body = slash_command(asked[n % len(asked)], response_url=slack.hook_url(hook))
        headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
        if getattr(local, "conn", None) is None:
            # Opened before the clock starts: Slack's HTTP clients keep their connections alive, so an ack
            # is a request on an open connection, not a TCP handshake (20 of them in the same millisecond).
            local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            local.conn.connect()
        start = time.perf_counter()
        try:
            local.conn.request("POST", "/slack/events", body=body, headers=headers)
            response = local.conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            local.conn.close()
            local.conn = None
            status = 0
        return time.perf_counter() - start, status, hook

    try:
        processes.wait_healthy(f"http://127.0.0.1:{port}", proc, log)
        with ThreadPoolExecutor(max_workers=concurrency) as pool:  # warm-up: engine open in every worker
            list(pool.map(send, range(-100, 0)))
        answers_expected = any(q not in ("help", "帮助", "") for q in questions)
        if answers_expected:
            slack.wait_for("hook:bench-w", count=100, timeout=120)

        sampler = RssSampler(proc.pid)
        sampler.start()
        sent_at = time.monotonic()
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            results = list(pool.map(send, range(requests)))
        elapsed = time.perf_counter() - began
        answered, last_at = (0, sent_at)
        if answers_expected:
            answered, last_at = slack.wait_for("hook:bench-m", count=requests, timeout=300)
        answers_done = last_at - sent_at
        sampler.done.set()
        sampler.join()
    finally:
        processes.stop(proc)
        slack.stop()

    latencies = [r[0] * 1000 for r in results]
    errors = sum(1 for r in results if r[1] != 200)
    print(f"web process: gunicorn gthread, {workers} workers x 8 threads (Procfile line), loopback port")
    kind = f"{len(set(questions))} different questions" if varied else f"questions {list(questions)}"
    print(f"requests: {requests} signed slash commands ({kind}), concurrency {concurrency}, {elapsed:.2f} s "
          f"({requests / elapsed:.0f} req/s)")  # fmt: skip
    print(f"ack latency ms: p50 {statistics.median(latencies):.1f}  p99 {percentile(latencies, 0.99):.1f}  "
          f"max {max(latencies):.1f}")  # fmt: skip
    print(f"errors: {errors}")
    steady = latencies[2 * concurrency :]
    print(f"ack latency ms after the first {2 * concurrency} requests: p50 {statistics.median(steady):.1f}  "
          f"p99 {percentile(steady, 0.99):.1f}  max {max(steady):.1f}")  # fmt: skip
    slow = sorted(range(len(latencies)), key=lambda i: -latencies[i])[:10]
    print("slowest acks (request number: ms):", ", ".join(f"{i}: {latencies[i]:.0f}" for i in slow))
    print(f"answers delivered via response_url: {answered} of {requests}, all within {answers_done:.2f} s")
    print(f"server peak RSS: {sampler.peak / 1024:.1f} MiB across {sampler.processes} processes")
    return 0 if errors == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY for the web process")
    parser.add_argument(
        "--database-url", default="", help="DATABASE_URL of the web process (default: SQLite)"
    )
    parser.add_argument(
        "--question",
        action="append",
        help="ask this instead of the mixed set (repeatable); 'help' is answered in the ack",
    )
    args = parser.parse_args()
    return run(args.requests, args.concurrency, args.workers, tuple(args.question or ()), args.database_url)


if __name__ == "__main__":
    sys.exit(main())
