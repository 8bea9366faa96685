"""Turn the profile form's raw widget values into a validated Profile, or Norwegian errors."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .messages import norwegian_errors
from ..municipalities import municipalities_2015
from ..decision.profile import PROFILE_VERSION, Profile

FIELDS = tuple(Profile.model_fields)


class ProfileResult(BaseModel):
    profile: Profile | None = None
    errors: list[str] = []


def build_profile(raw: dict[str, Any]) -> ProfileResult:
    """Validate form values. Members chosen -> the municipality count follows them; a new
    collaboration has no current model/form; empty name -> None."""
    values = {k: v for k, v in raw.items() if k in FIELDS}
    if values.get("status") == "new":
        values["current_model"] = values["current_form"] = None
    if values.get("current_form") != "par27":  # a form chosen in 2026 terms answers the «§ 27» question
        values["par27_unconverted"] = False
    values["version"] = PROFILE_VERSION
    if not values.get("name"):
        values["name"] = None
    members = values.get("members") or None
    values["members"] = members
    if members:
        values["municipalities"] = len(members)
    try:
        return ProfileResult(profile=Profile.model_validate(values))
    except ValidationError as exc:
        return ProfileResult(errors=norwegian_errors(exc))


def municipality_options() -> dict[str, str]:
    """kommunenummer -> 'Navn (Fylke) 0301' for a searchable multiselect, in name order."""
    items = sorted(municipalities_2015().values(), key=lambda m: (m.navn, m.fylke))
    return {m.kommunenummer: f"{m.navn} ({m.fylke}) {m.kommunenummer}" for m in items}


def members_population(profile: Profile) -> int | None:
    """Population (1 Jan 2015) of the listed members, or None when no members are given."""
    if not profile.members:
        return None
    known = municipalities_2015()
    return sum(known[m].folketall for m in profile.members)
