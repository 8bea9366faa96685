"""Command-line interface: JSON for analysts and checks.

Each command lives in its own module of this package with `add_parser(subparsers)` that registers a
parser whose `func(args) -> int` does the work; every such module is a command (found with pkgutil).
Bad input: exit code 2 and one clear line on stderr (CliError).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import re
import sys

from ..numbers import NumberInputError, parse_whole_between
from ..store.faults import StoreUnavailable


class CliError(Exception):
    """Bad input: reported as one line on stderr with exit code 2."""


def whole_option(raw: object, low: int, high: int, option: str) -> int:
    """A whole-number option («--seed») read as the app reads a typed whole number (numbers.parse_whole_between:
    «1 000» is 1000; «-0», «−5», «3,7» and «1e3» are refused, a minus sign never dropped). Raises CliError:
    «--seed må være et helt tall fra 0 til 2 147 483 647.»"""
    try:
        return parse_whole_between(raw, low, high, what=option)
    except NumberInputError as exc:
        raise CliError(str(exc)) from None


_ARGPARSE_NORWEGIAN = [  # argparse's English error texts (Python 3.11-3.13) -> Norwegian
    (re.compile(r"^the following arguments are required: (.+)$"), r"dette må oppgis: \1"),
    (re.compile(r"^argument (\S+): invalid choice: (.+?) \(choose from (.+)\)$"),
     r"\1: ugyldig valg \2 (velg blant \3)"),
    (re.compile(r"^argument (\S+): invalid (\w+) value: (.+)$"),
     r"\1: \3 er ikke et gyldig tall eller en gyldig verdi"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"\1 mangler verdi"),
    (re.compile(r"^argument (\S+): expected at least one argument$"), r"\1 mangler verdi"),
    (re.compile(r"^argument (\S+): expected (\d+) arguments?$"), r"\1 skal ha \2 verdier"),
    (re.compile(r"^argument (\S+): not allowed with argument (\S+)$"), r"\1 kan ikke brukes sammen med \2"),
    (re.compile(r"^argument (\S+): ignored explicit argument (.+)$"), r"\1 tar ingen verdi (fikk \2)"),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"ukjente argumenter: \1"),
    (re.compile(r"^ambiguous option: (\S+) could match (.+)$"), r"\1 er tvetydig: kan bety \2"),
    (re.compile(r"^one of the arguments (.+) is required$"), r"ett av disse må oppgis: \1"),
]


def norwegian_argparse(message: str) -> str:
    """argparse's English error message in Norwegian (unknown texts are returned as they are)."""
    for pattern, replacement in _ARGPARSE_NORWEGIAN:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class _Parser(argparse.ArgumentParser):
    """One Norwegian line instead of argparse's English usage text; Norwegian help flag."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjelpen og avslutt")

    def error(self, message: str) -> None:  # argparse would print usage and exit 2; we want one line
        raise CliError(norwegian_argparse(message))

    def format_help(self) -> str:
        text = super().format_help()
        return (text.replace("usage:", "bruk:", 1).replace("\noptions:\n", "\nvalg:\n")
                .replace("\npositional arguments:\n", "\nargumenter:\n"))


def build_parser() -> argparse.ArgumentParser:
    """The `python -m ikt_model` parser with every command module of this package registered."""
    parser = _Parser(prog="python -m ikt_model", description="Beslutningsstøtte for interkommunalt IKT-samarbeid")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="kommando")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}").add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 2 bad input or a store fault, one line on stderr)."""
    # The store logs faults for a server's operator; on the command line the one line below says it.
    logging.getLogger("ikt_model").addHandler(logging.NullHandler())
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except CliError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return 2
    except StoreUnavailable as exc:  # the store has a fault: what is wrong and what to do, no traceback
        print(f"feil: {exc.message}", file=sys.stderr)
        return 2
