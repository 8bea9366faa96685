"""Load and validate the cleaned Vedlegg 5 data (data/overview/) and the 2015 reference data."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, field_validator

from ..config import get_settings
from ..csvload import read_rows

FormId = Literal["par27", "vertskommune", "iks", "as", "samkommune", "samarbeidsavtaler"]
FORM_IDS: tuple[str, ...] = ("par27", "vertskommune", "iks", "as", "samkommune", "samarbeidsavtaler")
FORM_LABELS: dict[str, str] = {
    "par27": "§ 27-samarbeid",
    "vertskommune": "Vertskommune (§ 28-1 b)",
    "iks": "IKS",
    "as": "Aksjeselskap (AS)",
    "samkommune": "Samkommune",
    "samarbeidsavtaler": "Samarbeidsavtaler",
}
KS_REGIONS: tuple[str, ...] = ("Agder", "Akershus og Østfold", "BTV", "Hedmark og Oppland", "Midt", "Nord", "Vest")
REFERENCE_YEAR = 2015  # "alder i 2015" = 2015 - etableringsår (tabell 2.6.1)


class Samarbeid(BaseModel, frozen=True):
    """One collaboration as listed in the report's Vedlegg 5 (data/overview/samarbeid.csv).

    `*_trykt` fields keep the printed text; `organisasjonsform(er)` are the normalised form ids; `ks_region`
    is one of KS_REGIONS; `antall_medlemmer` counts municipalities and county municipalities. Raises
    ValidationError (Norwegian message) for an unknown region.
    """

    id: str
    navn: str
    formelt_navn: str | None = None
    formelt_navn_trykt: str | None = None
    ks_region: str
    eierkommuner_trykt: str
    organisasjonsform_trykt: str
    organisasjonsform: FormId
    organisasjonsformer: tuple[FormId, ...]
    etablert_trykt: str | None = None
    etablert_aar: int | None = None
    antall_medlemmer: int
    merknad: str | None = None

    @field_validator("organisasjonsformer", mode="before")
    @classmethod
    def _split(cls, value):
        return tuple(value.split(";")) if isinstance(value, str) else value

    @field_validator("ks_region")
    @classmethod
    def _region(cls, value: str) -> str:
        if value not in KS_REGIONS:
            raise ValueError(f"ukjent KS-region «{value}»")
        return value


class Medlemskap(BaseModel, frozen=True):
    """One membership of a municipality (4 digits, 2015 numbering) or county (2 digits) in a collaboration
    (data/overview/medlemskap.csv), with the name as printed in Vedlegg 5 and how it was resolved.
    """

    samarbeid_id: str
    trykt_under: str
    navn_i_rapporten: str
    kommunenummer: str
    navn: str
    medlemstype: Literal["kommune", "fylkeskommune"]
    avgjorelse: str | None = None
    merknad: str | None = None

    @field_validator("kommunenummer")
    @classmethod
    def _digits(cls, value: str) -> str:
        if not value.isdigit() or len(value) not in (2, 4):
            raise ValueError("kommunenummer må være fire sifre (fylkesnummer to sifre)")
        return value


class Avgjorelse(BaseModel, frozen=True):
    """One data-quality decision (data_quality.csv)."""

    id: str
    kategori: str
    nivaa: Literal["medlem", "samarbeid"]
    samarbeid_id: str
    trykt: str | None = None
    beslutning: Literal["rettet", "tolket", "beholdt og flagget"]
    kommunenummer: str | None = None
    flyttet_til: str | None = None
    resultat: str
    begrunnelse: str


class Tabell261Rad(BaseModel, frozen=True):
    """One row of the printed table in section 2.6.1."""

    organisasjonsform: FormId
    organisasjonsform_trykt: str
    antall: int
    alder: float | None = None
    ansatte: float | None = None
    kommuner: float | None = None


class OverviewData(BaseModel, frozen=True):
    """The whole validated 2015 overview: collaborations, memberships, data-quality decisions, table 2.6.1."""

    samarbeid: tuple[Samarbeid, ...]
    medlemskap: tuple[Medlemskap, ...]
    avgjorelser: tuple[Avgjorelse, ...]
    tabell_261: tuple[Tabell261Rad, ...]


def overview_dir(data_dir: Path | None = None) -> Path:
    """The folder of the overview CSV files: `data_dir`/overview (default: the configured data folder)."""
    return (data_dir or get_settings().data_dir) / "overview"


def load_overview(data_dir: Path | None = None) -> OverviewData:
    """Read and validate data/overview/*.csv (errors name file, row and field)."""
    folder = overview_dir(data_dir)
    return OverviewData(
        samarbeid=tuple(read_rows(folder / "samarbeid.csv", Samarbeid)),
        medlemskap=tuple(read_rows(folder / "medlemskap.csv", Medlemskap)),
        avgjorelser=tuple(read_rows(folder / "data_quality.csv", Avgjorelse)),
        tabell_261=tuple(read_rows(folder / "tabell_261_trykt.csv", Tabell261Rad)),
    )


@lru_cache(maxsize=4)
def cached_overview(data_dir: Path | None = None) -> OverviewData:
    """`load_overview`, read once per process and data folder (the files do not change while it runs)."""
    return load_overview(data_dir)


class SkjemaRad(BaseModel, frozen=True):
    """Meaning of a table (kolonne empty) or of one column, for the SQL page (skjema.csv)."""

    tabell: str
    kolonne: str | None = None
    betydning: str


def schema_rows(data_dir: Path | None = None) -> tuple[SkjemaRad, ...]:
    """The meaning of every table and column shown on the SQL page (data/overview/skjema.csv)."""
    return tuple(read_rows(overview_dir(data_dir) / "skjema.csv", SkjemaRad))
