"""Norwegian messages for pydantic validation errors shown to users."""

from __future__ import annotations

from pydantic import ValidationError

FIELD_LABELS = {
    "name": "Navn", "status": "Status", "current_model": "Nåværende styringsmodell",
    "current_form": "Nåværende organisasjonsform", "municipalities": "Antall kommuner", "members": "Medlemmer",
    "scope": "Omfang", "points": "Vekter",
}
_TYPE_MESSAGES = {
    "literal_error": "ugyldig valg",
    "int_parsing": "må være et heltall",
    "int_type": "må være et heltall",
    "bool_type": "må være ja eller nei",
    "bool_parsing": "må være ja eller nei",
    "greater_than_equal": "er for lite",
    "less_than_equal": "er for stort",
    "string_too_long": "er for langt",
    "extra_forbidden": "er ikke et kjent felt",
    "missing": "mangler",
    "json_invalid": "er ikke gyldig JSON",
}


def norwegian_errors(exc: ValidationError) -> list[str]:
    """One Norwegian sentence per error; our own validators already speak Norwegian."""
    messages = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        label = FIELD_LABELS.get(loc[0], loc[0]) if loc else ""
        if err["type"] == "value_error":
            text = err["msg"].removeprefix("Value error, ")
        else:
            text = _TYPE_MESSAGES.get(err["type"], err["msg"])
        messages.append(f"{label}: {text}" if label and err["type"] != "value_error" else text)
    return messages
