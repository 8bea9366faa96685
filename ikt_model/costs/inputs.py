"""What a person asks the cost-sharing key (report section 2.8) for, validated: CostInput.

The members, the annual budget in kroner, the share split equally (0–1) or fixed percentages per member
(must sum to 100), and the population year (SSB, 1 January: 2026 by default; 2025, 2024, or 2015 for reading
the report). Members are today's municipalities: a number or name from 2015 (or 2020–2023) is mapped to
today's successor with a notice; old members that are one municipality today become one member (with a
notice); a split 2015 municipality must be chosen. Numbers are read as people type them (ikt_model.numbers).
Every refusal is a CostInputError with a Norwegian message for the user. The split itself: ikt_model.costs.split.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .. import format as fmt
from ..municipalities import (
    DEFAULT_POPULATION_YEAR,
    POPULATION_YEARS,
    member_label,
    municipalities_today,
    picker_options,
    resolve_member,
    resolve_members,
)
from ..numbers import NumberInputError, parse_number

MAX_BUDGET_KR = 5_000_000_000  # 5 mrd. kr a year: far above any ICT collaboration's budget (2.6.1)
PERCENT_TOLERANCE = Decimal("0.01")
Method = Literal["likedeling_og_folketall", "faste_prosenter"]
METHOD_LABELS = {
    "likedeling_og_folketall": "Likedeling og folketall",
    "faste_prosenter": "Faste prosenter",
}


class CostInputError(ValueError):
    """Input the key cannot use; the message is Norwegian and meant for the user."""


def member_options() -> dict[str, str]:
    """Today's 357 municipalities for the member picker: kommunenummer -> «Ålesund – 1508», Norwegian order."""
    return picker_options()


BUDGET_EXAMPLE = "12 000 000, 12 000 000 kr eller 12,5 mill"


def _to_decimal(value, what: str, example: str = "12,5") -> Decimal:
    """One number a person typed (Norwegian forms, see ikt_model.numbers) -> Decimal; CostInputError."""
    try:
        percentage = what.startswith("Prosenten")
        return parse_number(value, what=what, example=example, allow_percent=percentage,
                            allow_multiplier=not percentage)
    except NumberInputError as exc:
        raise CostInputError(str(exc)) from None


class CostInput(BaseModel):
    """What the user asks for. Validation messages are Norwegian (CostInputError)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    members: tuple[str, ...]
    budget_kr: int
    equal_share: float = 0.3
    percentages: dict[str, Decimal] | None = None
    population_year: int = DEFAULT_POPULATION_YEAR
    notices: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _members_today(cls, data):
        """Members (numbers or names, a list or a comma-separated text) -> today's numbers, merged, with
        notices; percentages keyed the same way. Refuses unknown, ambiguous and repeated members."""
        if not isinstance(data, dict):
            return data
        raw = data.get("members")
        if isinstance(raw, str):
            raw = raw.replace(";", ",").split(",")
        members = [str(m).strip() for m in (raw or []) if str(m).strip()]
        if not members:
            raise CostInputError("Velg minst én medlemskommune")
        dupes = sorted(m for m, n in Counter(members).items() if n > 1)
        if dupes:
            raise CostInputError(f"Samme kommune er oppgitt flere ganger: {', '.join(dupes)}")
        resolved = resolve_members(members)
        if resolved.unknown:
            raise CostInputError(" ".join(r.message for r in resolved.unknown)
                                 + " Bruk dagens firesifrede kommunenummer (f.eks. 1508) eller kommunenavnet.")
        if resolved.ambiguous:
            raise CostInputError(" ".join(r.message for r in resolved.ambiguous))
        out = {**data, "members": resolved.members, "notices": resolved.notices}
        pct = data.get("percentages")
        if isinstance(pct, dict):
            mapped: dict[str, object] = {}
            for key, value in pct.items():
                number = resolve_member(str(key)).kommunenummer or str(key).strip()
                if number in mapped:
                    raise CostInputError(f"Prosent oppgitt to ganger for {member_label(number)} (kommuner som i "
                                         "dag er én): slå prosentene sammen")
                mapped[number] = value
            out["percentages"] = mapped
        return out

    @field_validator("population_year", mode="before")
    @classmethod
    def _check_year(cls, raw) -> int:
        try:
            year = int(str(raw).strip())
        except ValueError:
            raise CostInputError(f"Folketallsåret må være et årstall, ikke «{raw}»") from None
        if year not in POPULATION_YEARS:
            raise CostInputError(f"Folketall finnes for 1.1. i årene {', '.join(map(str, POPULATION_YEARS))}, "
                                 f"ikke {year}")
        return year

    @field_validator("budget_kr", mode="before")
    @classmethod
    def _check_budget(cls, raw) -> int:
        budget = _to_decimal(raw, "Budsjettet", BUDGET_EXAMPLE)
        if budget < 0:
            raise CostInputError("Budsjettet kan ikke være negativt")
        if budget == 0:
            raise CostInputError("Budsjettet må være større enn 0 kr")
        if budget != budget.to_integral_value():
            raise CostInputError("Budsjettet må oppgis i hele kroner")
        if budget > MAX_BUDGET_KR:
            raise CostInputError(f"Budsjettet kan være høyst {fmt.kroner(MAX_BUDGET_KR)} i året "
                                 f"(oppgitt {fmt.kroner(budget)}); sjekk antall nuller")
        return int(budget)

    @field_validator("equal_share", mode="before")
    @classmethod
    def _check_equal_share(cls, raw) -> float:
        share = _to_decimal(raw, "Andelen som deles likt", "0,3 (30 % likt)")
        if share.is_signed() or not 0 <= share <= 1:  # «−0» too: a minus sign is not dropped without a word
            raise CostInputError("Andelen som deles likt må være mellom 0 og 1 (0 % og 100 %)")
        return float(share)

    @field_validator("percentages", mode="before")
    @classmethod
    def _check_percentages(cls, raw) -> dict[str, Decimal] | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise CostInputError("Faste prosenter må oppgis per kommunenummer")
        out: dict[str, Decimal] = {}
        for key, value in raw.items():
            what = member_label(str(key)) if str(key) in municipalities_today() else str(key)
            pct = _to_decimal(value, f"Prosenten for {what}", "60,5")
            if pct.is_signed():  # «−0» too: a minus sign typed is never dropped without a word
                raise CostInputError(f"Prosenten for {what} kan ikke være negativ (skrevet: «{value}»). "
                                     "Skriv 0 eller mer, for eksempel 60,5")
            out[str(key).strip()] = pct
        for key, value in raw.items():  # after the signs: a share over the whole, named at its member (the sum
            if out[str(key).strip()] > 100 + PERCENT_TOLERANCE:  # alone said «nå 1 075,50 %»: find the cell yourself)
                what = member_label(str(key)) if str(key) in municipalities_today() else str(key)
                raise CostInputError(f"Prosenten for {what} kan ikke være over 100{fmt.NBSP}% (skrevet: «{value}»). "
                                     "Skriv et tall fra 0 til 100, for eksempel 60,5")
        return out

    @model_validator(mode="after")
    def _percentages_cover_members(self) -> CostInput:
        if self.percentages is None:
            return self
        missing = [m for m in self.members if m not in self.percentages]
        extra = sorted(set(self.percentages) - set(self.members))
        if missing:
            raise CostInputError(f"Mangler prosent for {', '.join(missing)}")
        if extra:
            raise CostInputError(f"Prosent oppgitt for kommune som ikke er medlem: {', '.join(extra)}")
        total = sum(self.percentages.values(), Decimal(0))
        if abs(total - 100) > PERCENT_TOLERANCE:
            raise CostInputError(f"Prosentene må summere til 100{fmt.NBSP}% (nå {fmt.number(total, 2)}{fmt.NBSP}%)")
        return self

    @property
    def method(self) -> Method:
        """faste_prosenter when percentages are given, else likedeling_og_folketall."""
        return "faste_prosenter" if self.percentages is not None else "likedeling_og_folketall"


def parse_cost_input(**kwargs) -> CostInput:
    """CostInput from raw values; any problem becomes a CostInputError with a Norwegian message."""
    from pydantic import ValidationError

    try:
        return CostInput(**kwargs)
    except ValidationError as exc:
        first = exc.errors()[0]
        cause = first.get("ctx", {}).get("error")
        if isinstance(cause, CostInputError):
            raise cause from None
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise CostInputError(f"Ugyldig verdi for {where or 'input'}: {first.get('msg', '')}") from None
