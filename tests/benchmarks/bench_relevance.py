"""Relevance benchmark: every relevance set's recall@5 and MRR beside the FTS5/BM25 baseline, in one run.

The test suite asserts bars set by set (``tests/index/test_relevance.py``); this script prints them all at once,
so a change to the engine is judged on every set before it is kept. It asserts nothing.

Development sets may print their misses (``--misses DIR``, one file per set): they are read for general causes.
Held-out sets print figures only, never their questions: whoever changes the engine must not see them.

Usage:
    .venv/bin/python tests/benchmarks/bench_relevance.py                    # every set, overall figures
    .venv/bin/python tests/benchmarks/bench_relevance.py --kinds blind probe   # per kind, two sets
    .venv/bin/python tests/benchmarks/bench_relevance.py --dev --misses /tmp/misses
    .venv/bin/python tests/benchmarks/bench_relevance.py --try index.rank.UNSAID_PART=0.3 --dev

``--try MODULE.NAME=VALUE`` sets a module constant before the engine opens (a Python literal), to weigh a
parameter on the development sets; a constant read while the index is built needs a fresh ``--home``.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bot.config import LANDSCAPE_SNAPSHOT, REPO_DATA_DIR  # noqa: E402
from index.engine import Engine  # noqa: E402
from tests.support.fts5_baseline import Fts5Baseline  # noqa: E402
from tests.support.relevance import (  # noqa: E402
    CURATED_SETS,
    LANDSCAPE_SETS,
    RELEVANCE_DIR,
    K,
    Question,
    by_kind,
    evaluate,
    kind_table,
    load_blind,
    load_questions,
)

DEVELOPMENT = (
    "blind",
    "probe",
    "en-dev",
    "zh-dev",
    "chatter-dev",
    "headings",
    "vendor",
    "taiwan",
    "status",
    "homonyms",
    "alternatives",
    "second-blind",
    "gate",
)
"""Sets whose misses are read for general causes."""
HELD_OUT = (
    "unseen",
    "fresh",
    "en-held",
    "zh-held",
    "stranger",
    "chatter-held",
    "closing",
    "final",
    "gate-held",
    "sealed",
    "sealed-3",
    "sealed-4",
)
"""Sets scored for figures only: their questions are never printed."""
CURATED = ("curated", "curated+landscape")
"""The hand-written sets of ``tests/relevance/*.yaml``: curated-only engine, and the default data."""


def apply_tries(tries: list[str]) -> None:
    for item in tries:
        target, _, literal = item.partition("=")
        module_name, _, attribute = target.rpartition(".")
        module = importlib.import_module(module_name)
        if not hasattr(module, attribute):
            raise SystemExit(f"{module_name} has no {attribute}")
        setattr(module, attribute, ast.literal_eval(literal))


def ranker(engine: Engine) -> Callable[[str], list[str]]:
    return lambda q: [h.entry.id for h in engine.search(q, limit=K * 4).hits]


def baseline(engine: Engine) -> Fts5Baseline:
    names = {c.id: f"{c.name.zh} {c.name.en} {' '.join(c.terms)}" for c, _n in engine.categories()}
    return Fts5Baseline(engine.entries().values(), names)


def questions_of(name: str, engine: Engine) -> tuple[list[Question], list[str]]:
    """The set's questions, and the expected names that resolve to no entry (each counts as a miss)."""
    if name == "curated":
        return load_questions(CURATED_SETS), []
    if name == "curated+landscape":
        return load_questions(CURATED_SETS + LANDSCAPE_SETS), []
    return load_blind(engine.entries(), LANDSCAPE_SNAPSHOT, RELEVANCE_DIR / name)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sets", nargs="*", help="set names (default: every set)")
    parser.add_argument("--dev", action="store_true", help="the development and curated sets only")
    parser.add_argument("--kinds", action="store_true", help="per-kind tables beside FTS5")
    parser.add_argument("--misses", type=Path, help="write development sets' misses to DIR/SET.txt")
    parser.add_argument("--home", type=Path, default=Path(tempfile.gettempdir()) / "ecosys-bench-relevance")
    parser.add_argument("--try", dest="tries", action="append", default=[], metavar="MODULE.NAME=VALUE")
    args = parser.parse_args()

    apply_tries(args.tries)
    names = args.sets or [*CURATED, *DEVELOPMENT, *([] if args.dev else HELD_OUT)]
    unknown = [n for n in names if n not in (*CURATED, *DEVELOPMENT, *HELD_OUT)]
    if unknown:
        raise SystemExit(f"unknown sets: {', '.join(unknown)}")

    started = time.perf_counter()
    default = Engine.open(home=args.home, data_dirs=[REPO_DATA_DIR, LANDSCAPE_SNAPSHOT])
    curated = Engine.open(home=args.home, data_dirs=[REPO_DATA_DIR]) if "curated" in names else None
    print(f"engines open in {time.perf_counter() - started:.1f} s (home {args.home})")
    if args.misses:
        args.misses.mkdir(parents=True, exist_ok=True)

    # One FTS5 table per engine, not one per set: building it tokenizes every entry.
    baselines = {id(e): baseline(e) for e in (default, curated) if e is not None}
    print(f"{'set':<18}{'n':>5}  {'ecosys R@5 / MRR':>18}  {'off':>7}  {'fts5 R@5 / MRR':>16}  {'off':>7}")
    for name in names:
        engine = curated if name == "curated" and curated is not None else default
        questions, unresolved = questions_of(name, engine)
        ours = evaluate("ecosys", questions, ranker(engine))
        bm25_search = baselines[id(engine)].search
        bm25 = evaluate("fts5-bm25", questions, bm25_search)
        print(
            f"{name:<18}{len(questions):>5}  {ours.recall:>8.3f} / {ours.mrr:.3f}  "
            f"{ours.out_of_scope_ok:>3}/{ours.out_of_scope_total:<3}  "
            f"{bm25.recall:>6.3f} / {bm25.mrr:.3f}  {bm25.out_of_scope_ok:>3}/{bm25.out_of_scope_total:<3}"
        )
        if unresolved:
            print(f"{'':<18}{len(unresolved)} expected names are in no entry")
        if args.kinds:
            rankers = {"ecosys": ranker(engine), "fts5-bm25": bm25_search}
            print(kind_table(questions, by_kind(questions, rankers)))
        if args.misses and name not in HELD_OUT:
            (args.misses / f"{name}.txt").write_text("\n".join(ours.misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
