"""The collaboration's profile: what the user tells us about it (also the CLI's JSON input)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from ..municipalities import (
    DEFAULT_POPULATION_YEAR,
    POPULATION_YEARS,
    SizeDifference,
    population,
    resolve_members,
    size_difference,
)
from ..names import CleanText
from .registry import FormId, ModelId

Status = Literal["new", "existing_working", "existing_struggling"]
Scope = Literal["operations", "operations_and_development"]

STATUS_LABELS: dict[str, str] = {
    "new": "Nytt samarbeid",
    "existing_working": "Eksisterende samarbeid som fungerer",
    "existing_struggling": "Eksisterende samarbeid som ikke fungerer godt",
}
SCOPE_LABELS: dict[str, str] = {
    "operations": "Kun drift",
    "operations_and_development": "Drift og strategi, innovasjon og tjenesteutvikling",
}


PROFILE_VERSION = 2
MUNICIPALITIES_RANGE = (1, 500)  # the number of municipalities a profile may give (without a member list)


NAME_MAX_CHARS = 120  # the longest name of a collaboration (a longer one is cut on «Samarbeidet»)

class Profile(BaseModel):
    """The collaboration as the user describes it; the engine's only input besides weights.

    Defaults describe the report's reference case: a new collaboration with a board of
    kommunedirektører (the report: rådmenn). Version 2 (2026) added `roles_documented`,
    `joint_strategy`, `transition_weight` and `par27_unconverted`; files without them load with
    the defaults (False, False, 1.0) and a version-1 file that describes an existing «§ 27» body gets
    `par27_unconverted` (it had to be converted by autumn 2023). `members` are today's municipality numbers
    (older numbers are mapped on load, see `_members_in_todays_structure`); `population_year` (default 2026,
    absent in older files) dates every population figure; `large_size_differences` is derived from the
    members' population when two or more are listed (3.2) and only a manual answer without members.
    Raises pydantic.ValidationError with
    Norwegian messages for unknown or contradictory combinations.
    """

    model_config = ConfigDict(extra="forbid")

    version: int = Field(default=PROFILE_VERSION, ge=1, le=PROFILE_VERSION)
    name: CleanText | None = Field(default=None, max_length=NAME_MAX_CHARS)
    status: Status = "new"
    current_model: ModelId | None = None
    current_form: FormId | None = None
    municipalities: int = Field(default=5, ge=MUNICIPALITIES_RANGE[0], le=MUNICIPALITIES_RANGE[1])
    members: list[str] | None = None
    host_on_robek: bool = False
    board_of_chief_executives: bool = True
    iks_council_of_chief_executives: bool = False
    sells_services_to_others: bool = False
    scope: Scope = "operations_and_development"
    can_borrow: bool = True
    stable_operations: bool = True
    large_size_differences: bool = False
    roles_documented: bool = False
    joint_strategy: bool = False
    transition_weight: float = Field(default=1.0, ge=0.0, le=2.0)
    par27_unconverted: bool = False
    population_year: int = DEFAULT_POPULATION_YEAR
    _member_notices: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="before")
    @classmethod
    def _old_par27_files(cls, data):
        """A profile written before 2026 that calls an existing body «§ 27» must be asked what it became."""
        if (isinstance(data, dict) and "version" not in data and data.get("current_form") == "par27"
                and data.get("status", "new") != "new"):
            data = {**data, "par27_unconverted": True}
        return data

    @model_validator(mode="wrap")
    @classmethod
    def _members_in_todays_structure(cls, data: Any, handler: Any) -> Profile:
        """`members` are today's municipality numbers. Numbers or names given as 2015 (or 2020–2023) numbers
        are mapped to today's successor; members that are one municipality today are merged into one (and
        `municipalities` follows when it counted the old list); both leave a Norwegian notice in
        `member_notices`. A split 2015 municipality (Snillfjord, Tysfjord), a name shared by two
        (Herøy, Våler), an unknown number or the same member twice is refused with a Norwegian message."""
        notices: tuple[str, ...] = ()
        if isinstance(data, dict) and data.get("members"):
            raw = data["members"]
            if isinstance(raw, (str, int)):
                raw = [raw]
            if isinstance(raw, list):
                resolved = resolve_members(raw)
                problems = [r.message for r in (*resolved.unknown, *resolved.ambiguous)]
                if resolved.duplicates:
                    problems.append(f"Samme kommune er oppgitt flere ganger: {', '.join(resolved.duplicates)}")
                if problems:
                    raise ValueError(" ".join(problems))
                data = {**data, "members": list(resolved.members)}
                if len(resolved.members) != len(raw) and data.get("municipalities") == len(raw):
                    data["municipalities"] = len(resolved.members)
                notices = resolved.notices
        profile = handler(data)
        if notices:
            profile._member_notices = notices
        return profile

    @field_validator("municipalities", mode="before")
    @classmethod
    def _a_count_not_a_yes(cls, count: Any) -> Any:
        """«true» is not a number of municipalities (pydantic would read it as 1, e.g. from a share link)."""
        if isinstance(count, bool):
            raise ValueError("Antall kommuner må være et helt tall, ikke ja eller nei")
        return count

    @field_validator("population_year")
    @classmethod
    def _known_population_year(cls, year: int) -> int:
        if year not in POPULATION_YEARS:
            raise ValueError(f"Folketall finnes for 1.1. i årene {', '.join(map(str, POPULATION_YEARS))}, "
                             f"ikke {year}")
        return year

    @model_validator(mode="after")
    def _size_difference_from_population(self) -> Profile:
        """3.2: with two or more members the size flag is derived from their population (see
        municipalities.size_difference; the stored value is then ignored); without members it stays the
        user's answer."""
        spread = self.size_difference
        if spread is not None and self.large_size_differences != spread.large:
            object.__setattr__(self, "large_size_differences", spread.large)
        return self

    def __eq__(self, other: object) -> bool:
        """Equal when the fields are equal (the load notices are not part of the profile)."""
        if not isinstance(other, Profile):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable model, as BaseModel

    @property
    def member_notices(self) -> tuple[str, ...]:
        """Norwegian notices from loading the members (old numbers mapped, members merged); empty if none."""
        return self._member_notices

    @property
    def size_difference(self) -> SizeDifference | None:
        """The members' size spread on 1 January `population_year`, or None with fewer than two members."""
        return size_difference(self.members, self.population_year) if self.members else None

    @property
    def members_population(self) -> int | None:
        """Sum of the members' population on 1 January `population_year`, or None without members."""
        return sum(population(m, self.population_year) for m in self.members) if self.members else None

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Profile:
        if self.status != "new" and (self.current_model is None or self.current_form is None):
            raise ValueError("Et eksisterende samarbeid må oppgi nåværende styringsmodell og organisasjonsform")
        if self.status == "new" and (self.current_model is not None or self.current_form is not None):
            raise ValueError("Et nytt samarbeid har ingen nåværende styringsmodell eller organisasjonsform: "
                             "velg «eksisterende samarbeid», eller fjern dagens modell og form")
        if self.members is not None and len(self.members) != self.municipalities:
            raise ValueError(f"Antall kommuner ({self.municipalities}) stemmer ikke med antall "
                             f"medlemmer ({len(self.members)})")
        return self

    @property
    def municipalities_text(self) -> str:
        """The size as a reader should see it: «3 kommuner» from the listed members; without members the
        count is the number given on «Samarbeidet» (default 5), said as such: «ingen medlemmer valgt
        (regnet som 5 kommuner)» — never a bare «5 kommuner» nobody chose."""
        from ..format import plural

        count = plural(self.municipalities, "kommune", "kommuner")
        return count if self.members else f"ingen medlemmer valgt (regnet som {count})"

    @property
    def is_existing(self) -> bool:
        """True for an existing collaboration (working or struggling)."""
        return self.status != "new"
