"""Search benchmark: prints figures, asserts nothing (targets are in the README).

Measures, on this machine, in one run:
- index build time (load + validate the YAML, build the Whoosh index) into a fresh state directory;
- cold ``ecosys ask`` (a new process until the answer is printed) with the index already built, and its
  peak RSS;
- median and p99 search latency over every relevance question, ours and the SQLite FTS5 baseline's.

Usage:
    .venv/bin/python tests/benchmarks/bench_search.py
    .venv/bin/python tests/benchmarks/bench_search.py --landscape data/snapshots/cncf-landscape.yml
    .venv/bin/python tests/benchmarks/bench_search.py --questions tests/relevance/blind

``--questions FILE`` (a YAML file in the relevance format, or a directory of them) times only searches:
each distinct question once, first time asked (no answer cache), with the data as served by default
(curated + the landscape snapshot), beside FTS5 over the same entries, jieba tokenization included.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR  # noqa: E402
from index import knowledge, store  # noqa: E402
from index.engine import Engine  # noqa: E402
from tests.support.fts5_baseline import Fts5Baseline  # noqa: E402
from tests.support.relevance import CURATED_SETS, LANDSCAPE_SETS, load_questions  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed_process(args: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall time, peak RSS (MB) and stdout of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = child.stdout.read() if child.stdout else b""
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{args} failed: {child.stderr.read().decode() if child.stderr else status}")
    return elapsed, usage.ru_maxrss // 1024, out.decode()


def read_questions(path: Path) -> list[str]:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    found: list[str] = []
    for file in files:
        for item in yaml.safe_load(file.read_text(encoding="utf-8"))["questions"]:
            if str(item["q"]) not in found:
                found.append(str(item["q"]))
    return found


def question_latency(path: Path) -> None:
    """First-time search latency over the questions in ``path``, ours beside FTS5."""
    home = Path(tempfile.mkdtemp(prefix="ecosys-bench-"))
    engine = Engine.open(home=home, data_dirs=[REPO_DATA_DIR, LANDSCAPE_SNAPSHOT])
    names = {c.id: f"{c.name.zh} {c.name.en} {' '.join(c.terms)}" for c, _n in engine.categories()}
    baseline = Fts5Baseline(engine.entries().values(), names)
    questions = read_questions(path)
    engine.search("warm up 服务发现")  # the first search pays jieba's and Whoosh's lazy loading
    baseline.search("warm up 服务发现")
    ours, theirs = [], []
    for question in questions:
        t0 = time.perf_counter()
        engine.search(question)  # distinct questions: never served from the answer cache
        t1 = time.perf_counter()
        baseline.search(question)
        t2 = time.perf_counter()
        ours.append((t1 - t0) * 1000)
        theirs.append((t2 - t1) * 1000)
    print(f"{len(questions)} questions from {path}, {len(engine.entries())} entries, first time asked")
    for label, values in (("ecosys", ours), ("FTS5", theirs)):
        print(
            f"  {label:<8} {statistics.median(values):7.3f} ms median, {percentile(values, 99):7.2f} ms p99, "
            f"{max(values):7.2f} ms max"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--landscape", type=Path, help="import this landscape.yml first (at-scale figures)")
    parser.add_argument("--runs", type=int, default=7, help="cold ask runs (median reported)")
    parser.add_argument("--questions", type=Path, help="time first-time searches of these questions only")
    args = parser.parse_args()
    if args.questions:
        question_latency(args.questions)
        return

    home = Path(tempfile.mkdtemp(prefix="ecosys-bench-"))
    env = {**os.environ, "ECOSYS_HOME": str(home)}
    data_dirs = [REPO_DATA_DIR]
    sets = list(CURATED_SETS)
    if args.landscape:
        from index.landscape import import_landscape

        started = time.perf_counter()
        kb = knowledge.load([REPO_DATA_DIR])
        import_landscape(args.landscape, out_dir=home / "landscape", categories=kb.categories)
        print(f"landscape import      {time.perf_counter() - started:7.2f} s")
        data_dirs.append(home / "landscape")
        sets += list(LANDSCAPE_SETS)

    started = time.perf_counter()
    kb = knowledge.load(data_dirs)
    loaded = time.perf_counter()
    store.build(home, kb)
    built = time.perf_counter()
    print(f"entries               {len(kb.entries):7d}")
    print(f"data load + validate  {loaded - started:7.2f} s")
    print(f"index build           {built - loaded:7.2f} s   (total {built - started:.2f} s)")

    ecosys = str(Path(sys.executable).with_name("ecosys"))
    timings, peaks = [], []
    for _ in range(args.runs):
        elapsed, peak, out = timed_process([ecosys, "ask", "服务发现"], env)
        assert "etcd" in out, out
        timings.append(elapsed)
        peaks.append(peak)
    print(
        f"cold `ecosys ask`     {statistics.median(timings):7.3f} s median, {min(timings):.3f} s best ({args.runs} runs)"
    )
    print(f"peak RSS (ask)        {max(peaks):7d} MB")

    engine = Engine.open(home=home, data_dirs=data_dirs)
    questions = [q.q for q in load_questions(sets)]
    names = {c.id: f"{c.name.zh} {c.name.en} {' '.join(c.terms)}" for c, _n in engine.categories()}
    baseline = Fts5Baseline(engine.entries().values(), names)
    # Round 1: each question for the first time (no cached answer). Rounds 2-3: the same questions again,
    # as a "More" click or a second asker would (the engine's answer cache). FTS5 has no cache: all rounds.
    first, again, theirs = [], [], []
    for round_number in range(3):
        for question in questions:
            t0 = time.perf_counter()
            engine.search(question)
            t1 = time.perf_counter()
            baseline.search(question)
            t2 = time.perf_counter()
            (first if round_number == 0 else again).append((t1 - t0) * 1000)
            theirs.append((t2 - t1) * 1000)
    ours = first + again
    print(
        f"search latency ours   {statistics.median(ours):7.3f} ms median, {percentile(ours, 99):.2f} ms p99 "
        f"({len(ours)} searches, 3 rounds)"
    )
    print(
        f"  first time asked    {statistics.median(first):7.3f} ms median, {percentile(first, 99):.2f} ms p99"
    )
    print(f"  asked again         {statistics.median(again):7.3f} ms median (answer cache)")
    print(
        f"search latency FTS5   {statistics.median(theirs):7.3f} ms median, {percentile(theirs, 99):.2f} ms p99"
    )
    import resource

    print(f"peak RSS (this bench) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024:7d} MB")


if __name__ == "__main__":
    main()
