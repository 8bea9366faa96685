"""`python -m ikt_model costs`: the cost-sharing key (fordelingsnøkkel, 2.8).

  python -m ikt_model costs --members 1508,1580,1577 --budget "12 000 000" --equal-share 0,3 --format json
  python -m ikt_model costs --members 1515,1511 --budget "12,5 mill" --percentages "1515=60,5;1511=39,5"
  python -m ikt_model costs --members "Ålesund,Herøy (Nordland)" --budget 12000000 --population-year 2025

Numbers are read as Norwegians write them (ikt_model.numbers): «12 000 000», «250.000», «12,5 mill»,
decimal comma; ambiguous forms such as «1.5» or «1,200» are refused with an example.
Members: today's numbers or names; 2015 (and 2020–2023) numbers are mapped to today's municipality, and old
members that are one municipality today are merged (a notice on stderr in text format, "merknader" in JSON).
"""

from __future__ import annotations

import json
import re
import sys

from .. import format as fmt
from ..costs.inputs import CostInputError, parse_cost_input
from ..costs.split import split_costs
from . import CliError


def _percentages(text: str | None) -> dict[str, str] | None:
    if text is None:
        return None
    out: dict[str, str] = {}
    # items are separated by «,» or «;» only before the next «kommunenummer=», so «1515=60,5» keeps its comma
    for item in filter(None, (p.strip() for p in re.split(r"[;,]\s*(?=\d+\s*=)", text.strip().strip(",;")))):
        number, sep, value = item.partition("=")
        if not sep:
            raise CliError(f"--percentages: skriv kommunenummer=prosent, f.eks. 1515=60,1511=40 (fikk «{item}»)")
        if number.strip() in out:
            raise CliError(f"--percentages: {number.strip()} er oppgitt flere ganger")
        out[number.strip()] = value.strip()
    return out


def run(args) -> int:
    """Split a yearly budget between members (report 2.8) and print it as JSON; exit code 0 or 2."""
    percentages = _percentages(args.percentages)
    members = args.members
    if members is None:
        if percentages is None:
            raise CliError("oppgi medlemmer med --members (eller --percentages)")
        members = ",".join(percentages)
    try:
        split = split_costs(parse_cost_input(members=members, budget_kr=args.budget,
                                             equal_share=args.equal_share, percentages=percentages,
                                             population_year=args.population_year))
    except CostInputError as exc:
        raise CliError(str(exc)) from None
    if args.format == "json":
        print(json.dumps(split.to_json_dict(), ensure_ascii=False, indent=2))
        return 0
    for notice in split.notices:
        print(f"Merk: {notice}", file=sys.stderr)
    print(f"Budsjett: {fmt.kroner(split.budget)} – {split.method_text}")
    for m in split.by_share:  # the largest share first, as on the page
        print(f"{m.kommunenummer} {m.navn:<26} {fmt.number(m.folketall):>10} innb. "
              f"{fmt.kroner(m.andel_kr):>16} {fmt.kroner(m.kr_per_innbygger, 2):>14} per innb.")
    return 0


def add_parser(subparsers) -> None:
    """Register `costs --members ... --budget KR (--equal-share F | --percentages ...)`."""
    parser = subparsers.add_parser("costs", help="Fordelingsnøkkel: hver kommunes andel av et årsbudsjett (2.8)")
    parser.add_argument("--members", help="dagens kommunenummer eller navn, kommaseparert, f.eks. 1508,1580,1577 "
                                          "(2015-nummer godtas og vises med dagens kommune)")
    parser.add_argument("--population-year", default="2026",
                        help="folketall per 1.1. dette året: 2026 (standard, nyeste), 2025, 2024 eller 2015")
    parser.add_argument("--budget", required=True,
                        help="årsbudsjett i hele kroner, f.eks. 12000000, \"12 000 000\", 250.000 eller \"12,5 mill\"")
    parser.add_argument("--equal-share", default="0,3",
                        help="andel som deles likt, 0–1 med desimalkomma; resten etter folketall (standard 0,3)")
    parser.add_argument("--percentages",
                        help="faste prosenter i stedet: 1515=60,1511=40 eller \"1515=60,5;1511=39,5\" "
                             "(summerer til 100)")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.set_defaults(func=run)
