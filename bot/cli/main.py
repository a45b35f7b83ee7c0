"""``ecosys`` entry point: builds the parser from the command modules and runs the chosen command.

Each module in ``COMMANDS`` has ``register(subparsers)`` that adds its commands; a command's handler is
stored as ``func`` on its parser and receives the parsed arguments, returning the exit code.
Errors a person can act on are ``CliError``: printed as one line with the fix, exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS = (
    "bot.cli.ask_cmd",
    "bot.cli.index_cmd",
    "bot.cli.data_cmd",
    "bot.cli.digest_cmd",
    "bot.cli.serve_cmd",
)


class CliError(Exception):
    """An error the user can fix; the message says how."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ecosys",
        description="Answers questions about the container and cloud-native ecosystem, in Chinese and English.",
        epilog='Example: ecosys ask "服务发现"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0 if args.command is None else 2
    from bot.config import ConfigError
    from index.errors import EcosysError

    try:
        return int(func(args) or 0)
    except (CliError, ConfigError) as exc:
        print(f"ecosys: {exc}", file=sys.stderr)
        return 2
    except EcosysError as exc:
        print(f"ecosys: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
