"""Command-line interface: JSON for analysts and checks.

Each command lives in its own module of this package with `add_parser(subparsers)` that registers a
parser whose `func(args) -> int` does the work; every such module is a command (found with pkgutil).
Bad input: exit code 2 and one clear line on stderr (CliError).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys


class CliError(Exception):
    """Bad input: reported as one line on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage; we want one line
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    """The `python -m ikt_model` parser with every command module of this package registered."""
    parser = _Parser(prog="python -m ikt_model", description="Beslutningsstøtte for interkommunalt IKT-samarbeid")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}").add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 2 bad input with one line on stderr)."""
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except CliError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return 2
