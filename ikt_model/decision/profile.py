"""The collaboration's profile: what the user tells us about it (also the CLI's JSON input)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..municipalities import municipalities_2015
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


class Profile(BaseModel):
    """Defaults describe the report's reference case: a new collaboration with a board of rådmenn."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=120)
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
        if self.members is not None and len(self.members) != self.municipalities:
            raise ValueError(f"Antall kommuner ({self.municipalities}) stemmer ikke med antall "
                             f"medlemmer ({len(self.members)})")
        return self

    @property
    def is_existing(self) -> bool:
        return self.status != "new"
