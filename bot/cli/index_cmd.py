"""``ecosys index build|info``: build the search index now, or say what is being served."""

from __future__ import annotations

import argparse
import time

from bot.config import load_settings
from index import knowledge, store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index",
        help="build or inspect the search index",
        description="Build the search index from the data directories, or show what is being served.",
        epilog="Examples:\n  ecosys index build\n  ecosys index info",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    build = sub.add_parser(
        "build",
        help="(re)build the index from the data",
        description="Build the index (reused when the data is unchanged). Example: ecosys index build",
    )
    build.set_defaults(func=run_build)
    info = sub.add_parser(
        "info",
        help="show the index being served",
        description="Show the served index. Example: ecosys index info",
    )
    info.set_defaults(func=run_info)


def run_build(args: argparse.Namespace) -> int:
    settings = load_settings()
    started = time.perf_counter()
    kb = knowledge.load(settings.data_dirs)
    loaded = time.perf_counter()
    fp = store.build(settings.home, kb)
    built = time.perf_counter()
    print(f"index {fp}: {len(kb.entries)} entries in {len(kb.categories)} categories")
    print(f"  data loaded in {loaded - started:.2f} s, index ready in {built - loaded:.2f} s")
    print(f"  at {store.index_root(settings.home) / fp}")
    for note in kb.merge_notes[:20]:
        print(f"  merged: {note}")
    if len(kb.merge_notes) > 20:
        print(f"  … and {len(kb.merge_notes) - 20} more merges")
    return 0


def run_info(args: argparse.Namespace) -> int:
    settings = load_settings()
    current = store.current_fingerprint(settings.home)
    print(f"state directory: {settings.home}")
    print("data directories: " + ", ".join(str(d) for d in settings.data_dirs))
    if current is None:
        print("index: none yet (run `ecosys index build`, or just `ecosys ask`)")
        return 0
    wanted = knowledge.fingerprint(settings.data_dirs)
    from index.engine import Engine

    engine = Engine(home=settings.home, data_dirs=settings.data_dirs, fingerprint=current)
    counts = engine.categories()
    print(f"index: {current} ({'up to date' if current == wanted else 'stale: the data changed since'})")
    print(f"  {len(engine.entries())} entries, {sum(1 for _c, n in counts if n)} categories with entries")
    return 0
