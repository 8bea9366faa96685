"""`store`: the operator's checks on the durable store (IKT_STORE_PATH).

    python -m ikt_model store check [--format text|json]   open, read every row, checkpoint; say what is wrong
    python -m ikt_model store recover --to NY.duckdb [--from FIL]
                                                          read a damaged store back (read-only open) into a new file

Exit codes: 0 in order / recovered everything; 2 the store has a fault (one Norwegian line on stderr:
what is wrong and what to do), bad input, or some tables could not be read back. The server must be
stopped before `recover` (one process owns the file).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import format as fmt
from ..config import get_settings
from ..store import health
from ..store.faults import StoreUnavailable
from . import CliError


def add_parser(subparsers) -> None:
    """Register `store check` and `store recover` on the CLI's subparsers."""
    p = subparsers.add_parser("store", help="sjekk lageret, eller les et skadet lager tilbake til en ny fil")
    sub = p.add_subparsers(dest="store_command", required=True, parser_class=type(p), metavar="check|recover")
    chk = sub.add_parser("check", help="åpne lageret, les alle rader og si fra om noe er galt")
    chk.add_argument("--format", choices=("text", "json"), default="text")
    chk.set_defaults(func=run_check)
    rec = sub.add_parser("recover", help="les et skadet lager tilbake (skrivebeskyttet åpning) til en ny fil")
    rec.add_argument("--to", required=True, help="ny lagerfil som skal skrives (kan ikke finnes fra før)")
    rec.add_argument("--from", dest="source", default=None, help="lagerfilen som skal leses (standard: IKT_STORE_PATH)")
    rec.set_defaults(func=run_recover)


def run_check(args) -> int:
    """Open the store, read every row and print its state (text or JSON); exit 0 when sound, 2 otherwise."""
    status = health.check()
    if args.format == "json":
        print(json.dumps(status.model_dump(), ensure_ascii=False))
    elif status.ok:
        wal = f"; skrivelogg {fmt.number(status.wal_bytes / 1024, 1)} kB" if status.wal_bytes else ""
        print(f"{status.message} Fil: {status.path}{wal}")
    if not status.ok:
        print(f"feil: {status.message} ({status.path})", file=sys.stderr)
        return 2
    return 0


def run_recover(args) -> int:
    """Read a damaged store back (read-only open) into a new file `--to`; exit 0, or 2 with a Norwegian message."""
    source = Path(args.source) if args.source else get_settings().store_path
    target = Path(args.to)
    if target.exists():
        raise CliError(f"{target} finnes fra før; velg en ny fil for det som leses tilbake")
    if not source.is_file():
        raise CliError(f"fant ikke lagerfilen {source}")
    try:
        result = health.recover(source, target)
    except StoreUnavailable as exc:
        print(f"feil: {exc.message} ({source})", file=sys.stderr)
        return 2
    for table, rows in result.copied.items():
        print(f"{table}: {fmt.number(rows)} rader lest tilbake")
    for table, reason in result.failed.items():
        print(f"{table}: kunne ikke leses ({reason.splitlines()[0]})")
    if result.wal_skipped:
        print("Skriveloggen (.wal) var skadet og ble hoppet over: det som ble lagret etter siste sjekkpunkt, mangler.")
    print(f"Ny lagerfil: {target}. Ta vare på den skadede filen, og pek IKT_STORE_PATH på den nye "
          "før serveren startes.")
    return 0 if not result.failed else 2
