"""The collaboration's profile: what the user tells us about it (also the CLI's JSON input)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..municipalities import municipalities_2015
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


class Profile(BaseModel):
    """The collaboration as the user describes it; the engine's only input besides weights.

    Defaults describe the report's reference case: a new collaboration with a board of
    kommunedirektører (the report: rådmenn). Version 2 (2026) added `roles_documented`,
    `joint_strategy`, `transition_weight` and `par27_unconverted`; files without them load with
    the defaults (False, False, 1.0) and a version-1 file that describes an existing «§ 27» body gets
    `par27_unconverted` (it had to be converted by autumn 2023). Raises pydantic.ValidationError with
    Norwegian messages for unknown or contradictory combinations.
    """

    model_config = ConfigDict(extra="forbid")

    version: int = Field(default=PROFILE_VERSION, ge=1, le=PROFILE_VERSION)
    name: CleanText | None = Field(default=None, max_length=120)
    status: Status = "new"
    current_model: ModelId | None = None
    current_form: FormId | None = None
    municipalities: int = Field(default=5, ge=1, le=500)
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

    @model_validator(mode="before")
    @classmethod
    def _old_par27_files(cls, data):
        """A profile written before 2026 that calls an existing body «§ 27» must be asked what it became."""
        if (isinstance(data, dict) and "version" not in data and data.get("current_form") == "par27"
                and data.get("status", "new") != "new"):
            data = {**data, "par27_unconverted": True}
        return data

    @field_validator("members")
    @classmethod
    def _members_exist_in_2015(cls, members: list[str] | None) -> list[str] | None:
        if members is None:
            return None
        known = municipalities_2015()
        unknown = [m for m in members if m not in known]
        if unknown:
            raise ValueError(f"Ukjent kommunenummer for 2015: {', '.join(unknown)}")
        if len(set(members)) != len(members):
            raise ValueError("Samme kommune er oppgitt flere ganger")
        return members

    @model_validator(mode="after")
    def _cross_field_rules(self) -> "Profile":
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
    def is_existing(self) -> bool:
        return self.status != "new"
