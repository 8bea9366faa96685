"""`sql`: one read-only SELECT on the national overview, with the SQL page's safety rules.

    python -m ikt_model sql "SELECT navn, etablert_aar FROM samarbeid" [--format json|csv|table]

JSON output: {"columns": [...], "rows": [{column: value}, ...]}. A refused query: exit code 2 and
one line on stderr (CliError). "-" as the query reads it from stdin.
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading

from ..overview.sqlmessages import timeout_message
from ..overview.sqlsafe import SqlLimits, SqlRefused, locked_connection, run_user_sql
from . import CliError

GRACE_S = 1.0


def _hard_stop(limits: SqlLimits) -> None:
    """DuckDB cannot interrupt inside one scalar call (e.g. range(30000000)); a one-shot CLI can exit."""
    print(f"feil: {timeout_message(limits)}", file=sys.stderr, flush=True)
    os._exit(2)


def add_parser(subparsers) -> None:
    """Register `sql QUERY [--format json|csv|table]`."""
    p = subparsers.add_parser("sql", help="kjør én lesende SELECT mot den nasjonale oversikten")
    p.add_argument("query", help='SQL-spørringen (én SELECT), eller "-" for å lese den fra stdin')
    p.add_argument("--format", choices=("json", "csv", "table"), default="json")
    p.add_argument("--max-rows", type=int, default=10_000, help="høyst så mange rader (standard 10 000)")
    p.add_argument("--timeout", type=float, default=10.0, help="tidsgrense i sekunder (standard 10)")
    p.set_defaults(func=run)


def run(args) -> int:
    """Run one read-only query on the national overview under the sandbox's limits; exit code 0 or 2."""
    if not math.isfinite(args.timeout):  # «nan» stopped every query at once, naming a limit of «nan s»
        raise CliError(f"--timeout må være et endelig antall sekunder, for eksempel 10 (fikk «{args.timeout}»)")
    if args.max_rows < 1 or args.timeout <= 0:
        raise CliError("--max-rows og --timeout må være større enn null")
    query = sys.stdin.read() if args.query == "-" else args.query
    limits = SqlLimits(timeout_s=args.timeout, max_rows=args.max_rows)
    con = locked_connection(limits=limits)
    watchdog = threading.Timer(args.timeout + GRACE_S, _hard_stop, [limits])
    watchdog.daemon = True
    watchdog.start()
    try:
        result = run_user_sql(query, con, limits)
    except SqlRefused as exc:
        raise CliError(str(exc)) from None
    finally:
        watchdog.cancel()
        con.close()
    if args.format == "json":
        print(json.dumps(result.to_json_obj(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(result.to_csv())
    else:
        print(result.to_frame().to_string(index=False) if result.rows else "(ingen rader)")
    if result.truncated:
        print(f"merk: bare de første {result.max_rows} radene er vist", file=sys.stderr)
    return 0
