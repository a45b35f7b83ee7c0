"""``ecosys data import-landscape``, and the drift report of ``ecosys data check --landscape``.

Thin adapters over ``index.landscape`` and ``index.drift``: parse arguments, call the library, print.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bot.cli.main import CliError
from bot.config import LANDSCAPE_SNAPSHOT, load_settings
from bot.landscape_refresh import refresh_landscape
from index.drift import check_drift
from index.errors import LandscapeError
from index.landscape import import_landscape, read_categories
from index.model import Entry


def register_data_commands(data_subparsers: argparse._SubParsersAction) -> None:
    """Add ``import-landscape`` to the ``ecosys data`` actions."""
    parser = data_subparsers.add_parser(
        "import-landscape",
        help="refresh the CNCF landscape (download, or a local landscape.yml) beside the curated data",
        description="With no PATH, download the current CNCF landscape.yml from $ECOSYS_LANDSCAPE_URL "
        "(a conditional request: 'not modified' when it has not changed) and import it; with PATH, import "
        "that file. The import replaces the previous one atomically (served instead of the shipped snapshot) "
        "and prints what was added, changed and removed; a failed download keeps the last good data.\n"
        "Example: ecosys data import-landscape   (or, from a file: ecosys data import-landscape ./landscape.yml)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", type=Path, metavar="PATH", nargs="?", help="a landscape.yml to import (default: download it)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="where to write the entries (default: $ECOSYS_HOME/landscape, read beside data/)",
    )
    parser.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.path is None:
        if args.out is not None:
            raise CliError("--out goes with a PATH: a download always refreshes $ECOSYS_HOME/landscape.")
        result = refresh_landscape(settings)
        print(result.message)
        return 1 if result.outcome == "failed" else 0
    out_dir = args.out if args.out is not None else settings.landscape_dir
    category_dirs = [d for d in settings.data_dirs if d.is_dir() and d.resolve() != out_dir.resolve()]
    categories = read_categories(category_dirs)
    if not categories:
        raise LandscapeError(
            "no categories found in " + ", ".join(map(str, category_dirs)) + ": run from a checkout."
        )
    try:
        first = out_dir == settings.landscape_dir and not out_dir.exists()  # replacing the shipped snapshot
        served = LANDSCAPE_SNAPSHOT.read_bytes() if first and LANDSCAPE_SNAPSHOT.is_file() else None
        report = import_landscape(args.path, out_dir=out_dir, categories=categories, served=served)
    except LandscapeError as exc:
        # Re-raised (not CliError) so `python -m bot.cli.main` reports it too: main catches EcosysError.
        raise LandscapeError(f"{exc} (nothing was written)") from exc
    print(report.summary())
    if args.out is not None and out_dir.resolve() not in {d.resolve() for d in settings.data_dirs}:
        print(f"To search it, add {out_dir} to ECOSYS_DATA_DIRS.")
    return 0


def print_drift(curated_entries: Sequence[Entry], path: Path) -> int:
    """Print each curated fact ``path`` contradicts (file:line, what differs); 1 if any, else 0."""
    drifts = check_drift(curated_entries, path)
    for drift in drifts:
        print(drift)
    if drifts:
        print(f"{len(drifts)} curated fact(s) differ from {path}: update the entries above.")
        return 1
    print(f"curated entries agree with {path} ({len(curated_entries)} checked)")
    return 0
