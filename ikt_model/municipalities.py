"""2015 municipalities and their 2024 successors (reference data, data/reference/; Kilde: Statistisk sentralbyrå)."""

from __future__ import annotations

import csv
from functools import lru_cache

from pydantic import BaseModel

from .config import get_settings


class Municipality(BaseModel, frozen=True):
    kommunenummer: str
    navn: str
    navn_ssb: str
    fylkesnummer: str
    fylke: str
    folketall: int


@lru_cache(maxsize=1)
def municipalities_2015() -> dict[str, Municipality]:
    """kommunenummer (text, leading zeros kept) -> Municipality, for the 428 municipalities of 2015."""
    return {row["kommunenummer"]: Municipality.model_validate(row) for row in _reference_rows("kommuner_2015.csv")}


class Successor(BaseModel, frozen=True):
    kommunenummer: str
    navn: str


@lru_cache(maxsize=1)
def successors_2024() -> dict[str, Successor]:
    """2015 kommunenummer -> main 2024 successor (data/reference/kommune_successors.csv, SSB)."""
    return {row["kommunenummer_2015"]: Successor(kommunenummer=row["kommunenummer_2024"], navn=row["navn_2024"])
            for row in _reference_rows("kommune_successors.csv")}


def _reference_rows(name: str) -> list[dict[str, str]]:
    """Rows of a reference CSV as text (numbers keep their leading zeros)."""
    path = get_settings().data_dir / "reference" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
