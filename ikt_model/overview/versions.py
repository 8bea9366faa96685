"""Versions of the national overview: the report's 2015 list (version 1, read-only) and uploaded updates.

What a version is (VersionInfo, and VersionData: its collaborations in comparable 2026 terms), version 1 built
from the report's Vedlegg 5 as cleaned in data/overview/ (2015 numbers and forms; it is never in the store, so
it cannot be overwritten), and how the pages name and choose versions. Uploaded versions get ids 2, 3, ... and
are stored and read by ikt_model.overview.version_repository; two versions are compared by
ikt_model.overview.version_diff.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from .. import format as fmt
from ..municipalities import DEFAULT_POPULATION_YEAR, municipalities_2015, municipalities_today, successors_2024
from ..workspaces import Workspace
from .forms import FROM_2015
from .source import cached_overview
from .upload_rows import collaboration_key

REPORT_VERSION = 1
REPORT_SOURCE = "Rapporten (PwC for KS 2015), Vedlegg 5 – renset"

Numbering = Literal["2015", "2024"]


class VersionInfo(BaseModel, frozen=True):
    """One version: id, when and from what it was stored, and its size. numbering: which municipality
    numbers its members use ("2015" for the report, "2024" = today's numbers for uploads)."""

    id: int
    created_at: datetime | None = None
    source: str
    comment: str | None = None
    numbering: Numbering
    collaborations: int
    memberships: int
    published: bool = True

    @property
    def label(self) -> str:
        """The version as a user reads it: «Versjon N – date, source (count samarbeid)», Norwegian format."""
        if self.id == REPORT_VERSION:
            return f"Versjon 1 – rapporten 2015 (Vedlegg 5, {self.collaborations} samarbeid)"
        when = self.created_at.strftime("%d.%m.%Y %H:%M") if self.created_at else ""
        private = "" if self.published else " – bare i saken, ikke publisert"
        return f"Versjon {self.id} – {when}, {self.source} ({fmt.number(self.collaborations)} samarbeid){private}"

    @property
    def reference_year(self) -> int:
        """The year ages are counted to: 2015 for the report, the upload year otherwise."""
        return 2015 if self.id == REPORT_VERSION or self.created_at is None else self.created_at.year


class Collaboration(BaseModel, frozen=True):
    """One collaboration of a version in comparable terms (key from the name, 2026 form, today's numbers)."""

    key: str
    navn: str
    formelt_navn: str | None = None
    organisasjonsform: str | None  # None: a 2015 form without a 2026 successor (samkommune)
    etablert_aar: int | None = None
    ansatte: int | None = None
    merknad: str | None = None
    medlemmer: tuple[str, ...]


class VersionData(BaseModel, frozen=True):
    """One version's metadata and its collaborations in comparable (2026) terms."""

    info: VersionInfo
    collaborations: tuple[Collaboration, ...]


class VersionError(ValueError):
    """Unknown version, or a refused save: the message is Norwegian and meant for the user."""



@lru_cache(maxsize=1)
def report_version_info() -> VersionInfo:
    """Version 1: the report's 2015 list (Vedlegg 5), read-only, counted from data/overview."""
    data = cached_overview()
    return VersionInfo(id=REPORT_VERSION, source=REPORT_SOURCE, numbering="2015",
                       collaborations=len(data.samarbeid), memberships=len(data.medlemskap),
                       comment="Rapportens liste fra 2015; kan ikke endres. Nye versjoner lastes opp.")


@lru_cache(maxsize=1)
def report_version_today_terms() -> VersionData:
    """Version 1 in today's terms for comparing: 2026 forms (forms.FROM_2015) and members mapped to their
    main 2024 successor (merged members count once; county members left out)."""
    data = cached_overview()
    successors = successors_2024()
    members: dict[str, list[str]] = {}
    for m in data.medlemskap:
        if m.medlemstype != "kommune":
            continue
        number = successors[m.kommunenummer].kommunenummer if m.kommunenummer in successors else m.kommunenummer
        listed = members.setdefault(m.samarbeid_id, [])
        if number not in listed:
            listed.append(number)
    collaborations = tuple(
        Collaboration(key=collaboration_key(s.navn), navn=s.navn, formelt_navn=s.formelt_navn,
                      organisasjonsform=FROM_2015[s.organisasjonsform], etablert_aar=s.etablert_aar,
                      merknad=s.merknad, medlemmer=tuple(members.get(s.id, ())))
        for s in data.samarbeid)
    return VersionData(info=report_version_info(), collaborations=collaborations)



def export_rows(data: VersionData) -> list[dict]:
    """A version as template rows (upload_template.template_csv / template_xlsx), to start an update from it."""
    return [{"samarbeid": c.navn, "formelt_navn": c.formelt_navn, "organisasjonsform": c.organisasjonsform,
             "medlemmer": list(c.medlemmer), "etablert_aar": c.etablert_aar, "ansatte": c.ansatte,
             "merknad": c.merknad} for c in data.collaborations]


def viewer(info: VersionInfo, workspace: Workspace | None) -> Workspace | None:
    """Who opens version `info` for the pages' caches: None for a version everyone sees (one cached copy
    for all sessions), the session's `workspace` for its own unpublished upload (the access check then runs
    in `ikt_model.overview.version_db.version_database`)."""
    return None if info.published else workspace


def compare_default(ids: list[int], chosen: int) -> int | None:
    """The version to compare `chosen` with by default: the one before it (the newest other when it is the
    oldest), None when there is no other version."""
    others = [i for i in ids if i != chosen]
    if not others:
        return None
    earlier = [i for i in others if i < chosen]
    return earlier[-1] if earlier else others[-1]


REPORT_POPULATION_YEAR = 2015  # the report's municipalities carry their population at 1.1.2015 (kommuner_2015.csv)


def municipality_count(info: VersionInfo) -> int:
    """How many municipalities there are in a version's map of the country: the 428 of 2015 for the report's list
    (data/reference/kommuner_2015.csv), today's 357 for an uploaded version (kommuner_2024.csv, since 1.1.2024).
    The key figures' shares (queries.key_figures) are of the same municipalities."""
    return len(municipalities_2015() if info.id == REPORT_VERSION else municipalities_today())


def population_year(info: VersionInfo) -> int:
    """The year (1 January, SSB) of the population a version counts: 2015 for the report's list, else today's
    (municipalities.DEFAULT_POPULATION_YEAR)."""
    return REPORT_POPULATION_YEAR if info.id == REPORT_VERSION else DEFAULT_POPULATION_YEAR


def version_caption(info: VersionInfo) -> str:
    """One Norwegian paragraph saying what a version is: source, date, comment, numbering and population."""
    if info.id == REPORT_VERSION:
        return ("Versjon 1: interkommunale IKT-samarbeid i 2015 slik de er listet i rapportens Vedlegg 5, renset og "
                f"koblet til kommunene i 2015 ({municipality_count(info)}). Trykt tekst er tatt vare på ved siden av "
                "hver rettet verdi (se «Datakvalitet» nederst). Denne versjonen endres aldri.")
    when = info.created_at.strftime("%d.%m.%Y kl. %H:%M") + " (UTC)" if info.created_at else ""
    text = (f"Versjon {info.id}: lastet opp {when} fra «{info.source}», {fmt.number(info.collaborations)} samarbeid "
            f"og {fmt.number(info.memberships)} medlemskap. Dagens kommuner ({municipality_count(info)}, gyldige fra "
            f"1.1.2024), folketall 1.1.{population_year(info)} (SSB).")
    text += (f" Kommentar: {info.comment}" if info.comment else "")
    if not info.published:
        text += (" Bare saken som lastet den opp, ser denne versjonen. Den blir synlig for alle kommuner først når "
                 "den publiseres med driftsansvarliges operatørnøkkel.")
    return text


def source_line(info: VersionInfo) -> str:
    """The «Kilde:» line under a version on «Nasjonal oversikt»: the report and SSB (1.1.2015) for version 1,
    else the uploaded file (`info.source`, as given) and SSB (1.1.2026)."""
    if info.id == REPORT_VERSION:
        return ("Kilde: Vedlegg 5, PwC for KS (2015), «IKT-samarbeid i kommunal sektor», avsnitt 2.6.1. "
                "Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015).")
    return (f"Kilde: opplastet av KS-rådgiver ({info.source}). Kommuner og folkemengde 1. januar 2026: Statistisk "
            "sentralbyrå.")
