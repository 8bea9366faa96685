"""The reference data on Norwegian municipalities: today's 357 (since 1.1.2024, the same set on 1.1.2026), the
report's 428 of 2015, how the 2015 and 2020–2023 numbers map to today's, and population by date.

Reference data in data/reference/ (see PROVENANCE.md and PROVENANCE_2024.md there):
- kommuner_2024.csv: number, SSB's official name (KLASS 131, 1.1.2026), county, population on 1.1.2024,
  1.1.2025 and 1.1.2026 (SSB table 07459), area. Kilde: Statistisk sentralbyrå.
- kommuner_2015.csv: the municipalities of the report's time, population on 1.1.2015.
- kommune_successors.csv: each 2015 municipality's successor in 2020 and 2024 (SSB's change tables).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from pydantic import BaseModel

from ..config import get_settings

#: Population dates available, newest first. 2024–2026 are today's structure; 2015 is the report's.
POPULATION_YEARS: tuple[int, ...] = (2026, 2025, 2024, 2015)
DEFAULT_POPULATION_YEAR = 2026


class Municipality(BaseModel, frozen=True):
    """A municipality of 2015 (the report's structure). `visningsnavn` adds the county to names that occurred
    twice in 2015 («Sande (Vestfold)»)."""
    kommunenummer: str
    navn: str
    navn_ssb: str
    fylkesnummer: str
    fylke: str
    folketall: int
    visningsnavn: str = ""


class TodayMunicipality(BaseModel, frozen=True):
    """One of the 357 municipalities valid since 1.1.2024 (kommuner_2024.csv).

    navn: common Norwegian name (not unique: Herøy, Våler); visningsnavn: the name a user reads, with the
    county for the names that occur twice («Herøy (Nordland)»), otherwise `navn`; navn_ssb: SSB's official
    name with Sami/Kven forms («Kárášjohka - Karasjok»); folketall: population on 1 January by year
    (2024, 2025, 2026); areal_km2: indicative area in km² (see PROVENANCE_2024.md)."""
    kommunenummer: str
    navn: str
    visningsnavn: str
    navn_ssb: str
    navn_parallelle: tuple[str, ...] = ()
    fylkesnummer: str
    fylke: str
    folketall: dict[int, int]
    areal_km2: float

    def population(self, year: int = DEFAULT_POPULATION_YEAR) -> int:
        """Population on 1 January `year`; for 2015 the sum of the 2015 predecessors (see `population`)."""
        return population(self.kommunenummer, year)


@lru_cache(maxsize=1)
def municipalities_2015() -> dict[str, Municipality]:
    """kommunenummer (text, leading zeros kept) -> Municipality, for the 428 municipalities of 2015."""
    rows = _reference_rows("kommuner_2015.csv")
    twice = _duplicates(r["navn"] for r in rows)
    return {r["kommunenummer"]: Municipality.model_validate(
        {**r, "visningsnavn": f"{r['navn']} ({r['fylke']})" if r["navn"] in twice else r["navn"]}) for r in rows}


@lru_cache(maxsize=1)
def municipalities_today() -> dict[str, TodayMunicipality]:
    """kommunenummer -> TodayMunicipality for the 357 municipalities of today (since 1.1.2024; the same set
    on 1.1.2026), in number order. Source: kommuner_2024.csv (SSB KLASS 131, SSB table 07459)."""
    rows = _reference_rows("kommuner_2024.csv")
    twice = _duplicates(r["navn"] for r in rows)
    out = {}
    for r in sorted(rows, key=lambda r: r["kommunenummer"]):
        out[r["kommunenummer"]] = TodayMunicipality(
            kommunenummer=r["kommunenummer"], navn=r["navn"],
            visningsnavn=f"{r['navn']} ({r['fylke']})" if r["navn"] in twice else r["navn"],
            navn_ssb=r["navn_ssb"],
            navn_parallelle=tuple(p.strip() for p in r["navn_parallelle"].split(";") if p.strip()),
            fylkesnummer=r["fylkesnummer"], fylke=r["fylke"],
            folketall={2026: int(r["folketall"]), 2025: int(r["folketall_2025"]), 2024: int(r["folketall_2024"])},
            areal_km2=float(r["areal_km2"]))
    return out


class Successor(BaseModel, frozen=True):
    """Main 2024 successor of a 2015 municipality; `alle` lists every successor (more than one: split)."""
    kommunenummer: str
    navn: str
    alle: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def successors_2024() -> dict[str, Successor]:
    """2015 kommunenummer -> main 2024 successor (data/reference/kommune_successors.csv, SSB)."""
    return {row["kommunenummer_2015"]: Successor(kommunenummer=row["kommunenummer_2024"], navn=row["navn_2024"],
                                                 alle=tuple(row["alle_etterfolgere_2024"].split(";")))
            for row in _reference_rows("kommune_successors.csv")}


@lru_cache(maxsize=1)
def successors_from_2020() -> dict[str, tuple[str, ...]]:
    """2020–2023 kommunenummer (only those not also a 2015 or a 2024 number) -> today's successors, sorted.
    More than one successor: the 2020 municipality was split in 2024 (Ålesund 1507 -> 1508, 1580)."""
    today, old = municipalities_today(), municipalities_2015()
    out: dict[str, set[str]] = defaultdict(set)
    for row in _reference_rows("kommune_successors.csv"):
        number = row["kommunenummer_2020"]
        if number not in today and number not in old:
            out[number].add(row["kommunenummer_2024"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def predecessors_2015() -> dict[str, tuple[str, ...]]:
    """Today's kommunenummer -> the 2015 municipalities whose main successor it is (sorted). Split
    municipalities count wholly for their main successor (Snillfjord -> Orkland, Tysfjord -> Narvik)."""
    out: dict[str, list[str]] = defaultdict(list)
    for old, succ in successors_2024().items():
        out[succ.kommunenummer].append(old)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def population(kommunenummer: str, year: int = DEFAULT_POPULATION_YEAR) -> int:
    """Population of today's municipality `kommunenummer` on 1 January `year` (2024, 2025 or 2026: SSB figures
    for the municipality; 2015: the sum of its 2015 predecessors' population on 1.1.2015, split
    municipalities counted wholly for their main successor, see PROVENANCE.md section 3).

    Raises KeyError for a number that is not today's, ValueError for a year not in POPULATION_YEARS."""
    if year not in POPULATION_YEARS:
        raise ValueError(f"Folketall finnes for 1.1. i årene {', '.join(map(str, POPULATION_YEARS))}, ikke {year}")
    municipality = municipalities_today()[kommunenummer]
    if year == 2015:
        old = municipalities_2015()
        return sum(old[k].folketall for k in predecessors_2015().get(kommunenummer, ()))
    return municipality.folketall[year]


def population_label(year: int = DEFAULT_POPULATION_YEAR) -> str:
    """The source line to show next to a population figure: «folketall 1.1.2026, SSB»."""
    return f"folketall 1.1.{year}, SSB"


def _duplicates(names: Iterable[str]) -> set[str]:
    return {name for name, count in Counter(names).items() if count > 1}


def _reference_rows(name: str) -> list[dict[str, str]]:
    """Rows of a reference CSV as text (numbers keep their leading zeros)."""
    path = get_settings().data_dir / "reference" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
