"""``ecosys data check|import-landscape``: guard the knowledge base, and grow it from the CNCF landscape."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.config import load_settings
from bot.landscape_refresh import served_landscape_file
from index import knowledge

SERVED = Path("-served-")
"""``--landscape`` given without a path."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "data",
        help="check the knowledge base or import the CNCF landscape",
        description="Check the knowledge-base YAML, or import the CNCF landscape beside it.",
        epilog="Examples:\n  ecosys data check\n  ecosys data check --landscape ./landscape.yml\n"
        "  ecosys data import-landscape",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        help="report every problem in the data (file, line, field)",
        description="Report every problem in the data at once; exit 1 if there is any.\n"
        "Example: ecosys data check",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "--landscape",
        type=Path,
        metavar="PATH",
        nargs="?",
        const=SERVED,
        help="also report curated facts that disagree with this landscape.yml "
        "(no PATH: the landscape being served, the last download or the shipped snapshot)",
    )
    check.set_defaults(func=run_check)
    from bot.cli.landscape_cmd import register_data_commands

    register_data_commands(sub)


def run_check(args: argparse.Namespace) -> int:
    settings = load_settings()
    problems = knowledge.check(settings.data_dirs)
    for problem in problems:
        print(problem)
    drift = 0
    if args.landscape is not None and not problems:
        from bot.cli.landscape_cmd import print_drift

        kb = knowledge.load(settings.data_dirs)
        curated = [e for e in kb.entries.values() if e.source == "curated"]
        landscape = served_landscape_file(settings) if args.landscape == SERVED else args.landscape
        drift = print_drift(curated, landscape)
        drift += _check_popular_names(kb.categories.values(), landscape)
    if problems:
        print(f"{len(problems)} problem(s) found: fix them and run `ecosys data check` again.")
        return 1
    if drift:
        return 1
    print("data ok: " + ", ".join(str(d) for d in settings.data_dirs))
    return 0


def _check_popular_names(categories, path: Path) -> int:  # type: ignore[no-untyped-def]
    """Every ``popular`` name must be an item of the landscape file, spelled as it spells it."""
    from index.landscape import read_landscape

    names = {item.name for item in read_landscape(path)}
    missing = [(c.id, name) for c in categories for name in c.popular if name not in names]
    for category_id, name in missing:
        print(f"category {category_id}: popular name {name!r} is not an item of {path}")
    return 1 if missing else 0
