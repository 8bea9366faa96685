"""The rows of an uploaded national overview: one validated collaboration each, and the upload they make.

A KS adviser fills in one row per collaboration (TEMPLATE_COLUMNS) with members given by today's
municipality numbers (the 357 valid since 1.1.2024, data/reference/kommuner_2024.csv, SSB) and the
organisation form in 2026 terms (ikt_model.overview.forms). `OverviewRow` validates one row against a
`MunicipalityLookup` (`default_lookup()`: today's municipalities); `OverviewUpload` is a whole valid upload,
the thing ikt_model.overview.version_repository.OverviewRepository.save stores. Reading a file into rows is
ikt_model.overview.upload; the template to fill in is ikt_model.overview.upload_template.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from .. import format as fmt
from ..numbers import NumberInputError, parse_whole
from .forms import FORMS_2026, parse_form

MAX_ROWS = 10_000
YEAR_MIN = 1950
NAME_MAX = 200
NOTE_MAX = 1000
EMPLOYEES_MAX = 100_000

# field -> (Norwegian template heading, English heading)
TEMPLATE_COLUMNS: dict[str, tuple[str, str]] = {
    "samarbeid": ("Samarbeid", "Collaboration"),
    "formelt_navn": ("Formelt navn", "Formal name"),
    "organisasjonsform": ("Organisasjonsform", "Organisation form"),
    "medlemmer": ("Medlemmer (kommunenummer)", "Members"),
    "etablert_aar": ("Etablert (år)", "Year established"),
    "ansatte": ("Ansatte", "Employees"),
    "merknad": ("Merknad", "Note"),
}


class MunicipalityLookup(BaseModel, frozen=True):
    """Valid member numbers -> names (today's municipalities) and former numbers -> (today's number, name),
    used to explain a 2015 number. Injected so that validation is testable with small data."""

    names: dict[str, str]
    former: dict[str, str] = {}  # older number -> «1508 Ålesund» (or «1508 Ålesund eller 1580 Haram»)


def clean_cell(value: Any) -> str | None:
    """Cell -> stripped text or None (Excel gives int/float; 2019.0 -> '2019')."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()
    return text or None


def collaboration_key(name: str) -> str:
    """A stable id from a name: lower case ASCII words joined by '-' (DDØ -> ddo, IKT-Follo -> ikt-follo).
    Two names with the same key are the same collaboration (duplicates are refused)."""
    text = name.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "samarbeid"


def _member_parts(text: str) -> list[str]:
    parts: list[str] = []
    for part in re.split(r"[,;/\n]+", text):
        part = part.strip()
        if not part:
            continue
        tokens = part.split()
        parts.extend(tokens if all(t.isdigit() for t in tokens) else [part])
    return parts


def _parse_member(part: str, lookup: MunicipalityLookup) -> str:
    match = re.fullmatch(r"(\d{3,4})(?:\s+(.+))?", part)
    if not match:
        raise ValueError(f"«{part}» er ikke et kommunenummer (fire sifre, for eksempel 0301 eller 1508)")
    number = match.group(1).zfill(4)
    if number not in lookup.names:
        if number in lookup.former:
            raise ValueError(f"Kommunenummer {number} gjelder ikke lenger; i dag: {lookup.former[number]}. "
                             "Bruk dagens nummer")
        raise ValueError(f"Ukjent kommunenummer {number}")
    written = match.group(2)
    if written and written.casefold() not in lookup.names[number].casefold():
        raise ValueError(f"Kommunenummer {number} er {lookup.names[number]}, ikke «{written}»")
    return number


class OverviewRow(BaseModel, frozen=True):
    """One collaboration of an uploaded overview (validated; members are today's numbers, unique).

    Validate with `context={"lookup": MunicipalityLookup}`. Errors carry Norwegian messages.
    """

    row: int = Field(ge=2)
    samarbeid: str
    formelt_navn: str | None = None
    organisasjonsform: str
    medlemmer: tuple[str, ...]
    etablert_aar: int
    ansatte: int | None = None
    merknad: str | None = None

    @property
    def key(self) -> str:
        """The collaboration's matching key (normalised name), used to compare versions."""
        return collaboration_key(self.samarbeid)

    @field_validator("samarbeid", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        text = clean_cell(value)
        if text is None:
            raise ValueError("Samarbeidets navn mangler")
        if len(text) > NAME_MAX:
            raise ValueError(f"Navnet er for langt (høyst {fmt.number(NAME_MAX)} tegn)")
        return text

    @field_validator("formelt_navn", "merknad", mode="before")
    @classmethod
    def _optional_text(cls, value: Any) -> str | None:
        text = clean_cell(value)
        if text is not None and len(text) > NOTE_MAX:
            raise ValueError(f"Teksten er for lang (høyst {fmt.number(NOTE_MAX)} tegn)")
        return text

    @field_validator("organisasjonsform", mode="before")
    @classmethod
    def _form(cls, value: Any) -> str:
        text = clean_cell(value)
        if text is None:
            raise ValueError("Organisasjonsform mangler")
        return parse_form(text)

    @field_validator("medlemmer", mode="before")
    @classmethod
    def _members(cls, value: Any, info: ValidationInfo) -> tuple[str, ...]:
        if isinstance(value, (tuple, list)):
            value = ", ".join(str(v) for v in value)
        text = clean_cell(value)
        if text is None:
            raise ValueError("Medlemmer mangler (kommunenummer, skilt med komma)")
        lookup: MunicipalityLookup = (info.context or {})["lookup"]
        numbers: list[str] = []
        problems: list[str] = []
        for part in _member_parts(text):
            try:
                number = _parse_member(part, lookup)
            except ValueError as exc:
                problems.append(str(exc))
                continue
            if number in numbers:
                problems.append(f"Kommune {number} {lookup.names[number]} er ført opp to ganger")
            else:
                numbers.append(number)
        if problems:
            raise ValueError("; ".join(problems))
        if len(numbers) < 2:
            raise ValueError("Et interkommunalt samarbeid må ha minst to medlemskommuner")
        return tuple(numbers)

    @field_validator("etablert_aar", mode="before")
    @classmethod
    def _year(cls, value: Any) -> int:
        text = clean_cell(value)
        if text is None:
            raise ValueError("Etableringsår mangler")
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"Etableringsår «{text}» er ikke et årstall (fire sifre)")
        year, latest = int(text), date.today().year
        if not YEAR_MIN <= year <= latest:
            raise ValueError(f"Etableringsår {year} er utenfor gyldig område ({YEAR_MIN}–{latest})")
        return year

    @field_validator("ansatte", mode="before")
    @classmethod
    def _employees(cls, value: Any) -> int | None:
        text = clean_cell(value)
        if text is None:
            return None
        try:  # Norwegian forms: «1 200», «1.200»; «12,5» or «1,200» are refused (ikt_model.numbers)
            number = parse_whole(text, what=f"Ansatte «{text}»", example="1 200")
        except NumberInputError:
            number = -1
        if not 0 <= number <= EMPLOYEES_MAX:
            raise ValueError(f"Ansatte «{text}» må være et helt tall fra 0 til {fmt.number(EMPLOYEES_MAX)}, "
                             "for eksempel 1 200")
        return number

    @field_validator("organisasjonsform")
    @classmethod
    def _known(cls, value: str) -> str:
        assert value in FORMS_2026
        return value


class OverviewUpload(BaseModel, frozen=True):
    """A whole valid upload: 1..MAX_ROWS collaborations with unique keys (names)."""

    file_name: str
    rows: tuple[OverviewRow, ...] = Field(min_length=1, max_length=MAX_ROWS)

    @model_validator(mode="after")
    def _unique(self):
        keys = [r.key for r in self.rows]
        if len(set(keys)) != len(keys):
            raise ValueError("Samme samarbeid er ført opp flere ganger")
        return self

    @property
    def memberships(self) -> int:
        """Number of memberships in the upload (sum of members over all rows)."""
        return sum(len(r.medlemmer) for r in self.rows)


def default_lookup() -> MunicipalityLookup:
    """Today's municipalities (ikt_model.municipalities.municipalities_today, SSB; display names with the
    county where a name occurs twice) and every older number (2015, 2020–2023) with today's successor(s)."""
    from ..municipalities import municipalities_today, successors_2024, successors_from_2020

    today = municipalities_today()
    names = {n: m.visningsnavn for n, m in today.items()}
    former: dict[str, str] = {}
    for old, successor in successors_2024().items():
        if old not in names:
            candidates = [c for c in (successor.alle or (successor.kommunenummer,)) if c in today]
            former[old] = " eller ".join(f"{c} {names[c]}" for c in candidates) or successor.kommunenummer
    for old, successors in successors_from_2020().items():
        former.setdefault(old, " eller ".join(f"{c} {names[c]}" for c in successors if c in names))
    return MunicipalityLookup(names=names, former=former)
