"""`overview`: keep the national overview up to date from the command line.

    python -m ikt_model overview import FIL [--comment TEKST]   validate, and store as a new version if valid
    python -m ikt_model overview versions [--format table|json]  list the versions (1 = the report's 2015 list)
    python -m ikt_model overview diff A B [--format table|json]  what changed from version A to version B
    python -m ikt_model overview template FIL                    write the template (.csv or .xlsx)

The store is IKT_STORE_PATH. Bad input (a refused file, an unknown version): exit code 2 and one line on
stderr; a refused file also lists every problem (row, column, message) on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..overview import upload, upload_rows, upload_template, version_diff, version_repository, versions
from ..store.connection import connect_store
from . import CliError


def add_parser(subparsers) -> None:
    """Register `overview import|versions|diff|template` (uploaded versions of the national overview)."""
    p = subparsers.add_parser("overview", help="last opp og sammenlign versjoner av den nasjonale oversikten")
    sub = p.add_subparsers(dest="overview_command", required=True, parser_class=type(p),
                           metavar="import|versions|diff|template")
    imp = sub.add_parser("import", help="kontroller en fil (CSV eller .xlsx) og lagre den som ny versjon")
    imp.add_argument("file", help="filen med oversikten (malen: `overview template`)")
    imp.add_argument("--comment", default=None, help="kommentar som lagres med versjonen")
    imp.set_defaults(func=run_import)
    ver = sub.add_parser("versions", help="list versjonene")
    ver.add_argument("--format", choices=("table", "json"), default="table")
    ver.set_defaults(func=run_versions)
    diff = sub.add_parser("diff", help="hva er endret fra versjon A til versjon B")
    diff.add_argument("a", help="versjonsnummer (1 = rapporten 2015)")
    diff.add_argument("b", help="versjonsnummer")
    diff.add_argument("--format", choices=("table", "json"), default="table")
    diff.set_defaults(func=run_diff)
    tpl = sub.add_parser("template", help="skriv malen til en fil (.csv eller .xlsx)")
    tpl.add_argument("file")
    tpl.set_defaults(func=run_template)


def _repository() -> version_repository.OverviewRepository:
    return version_repository.OverviewRepository(connect_store())  # StoreUnavailable: one Norwegian line, exit 1


def run_import(args) -> int:
    """Check a CSV/.xlsx file row by row and store it as a new version; problems listed with row numbers, exit 2."""
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"fant ikke filen {path}")
    if args.comment and len(args.comment) > version_repository.COMMENT_MAX:
        raise CliError(f"kommentaren er for lang (høyst {version_repository.COMMENT_MAX} tegn)")
    report = upload.read_upload(path.name, path.read_bytes(), upload_rows.default_lookup())
    if not report.ok:
        for line in upload.error_table(report):
            print(f"rad {line['Rad']}\t{line['Kolonne']}\t{line['Feil']}")
        first = report.errors[0]
        where = "filen" if first.row is None else f"rad {first.row}"
        raise CliError(f"ingenting er lagret: {len(report.errors)} feil i {path.name}; første: {where}: "
                       f"{first.message}")
    info = _repository().save(report.upload, source=path.name, comment=args.comment, operator=True)
    for notice in report.notices:
        print(f"merk: {notice}", file=sys.stderr)
    print(f"Lagret som versjon {info.id}: {info.collaborations} samarbeid, {info.memberships} medlemskap "
          f"(kilde {info.source}).")
    return 0


def _version_id(text: str) -> int:
    if not text.isdigit():
        raise CliError(f"«{text}» er ikke et versjonsnummer (1 = rapporten 2015)")
    return int(text)


def run_versions(args) -> int:
    """List the stored versions (1 = the report's 2015 list) as a table or JSON."""
    rows = _repository().versions(everything=True)
    if args.format == "json":
        print(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        when = r.created_at.strftime("%Y-%m-%d %H:%M") if r.created_at else "2015"
        print(f"{r.id}\t{when}\t{r.collaborations} samarbeid\t{r.source}\t{r.comment or ''}")
    return 0


def run_diff(args) -> int:
    """What changed from version A to version B (collaborations, forms, members) as a table or JSON."""
    a, b = _version_id(args.a), _version_id(args.b)
    repo = _repository()
    try:
        diff = version_diff.diff_versions(repo.load(a, everything=True), repo.load(b, everything=True))
    except versions.VersionError as exc:
        raise CliError(str(exc)) from None
    if args.format == "json":
        print(diff.model_dump_json(indent=2))
        return 0
    print(version_diff.diff_summary(diff))
    for line in version_diff.diff_lines(diff, upload_rows.default_lookup().names):
        print(line)
    return 0


def run_template(args) -> int:
    """Write the upload template to a .csv (Norwegian Excel) or .xlsx file."""
    path = Path(args.file)
    if path.suffix.casefold() not in (".csv", ".xlsx"):
        raise CliError("malen kan skrives som .csv eller .xlsx")
    xlsx = path.suffix.casefold() == ".xlsx"
    path.write_bytes(upload_template.template_xlsx() if xlsx else upload_template.template_csv())
    print(f"Skrev malen til {path}.")
    return 0
