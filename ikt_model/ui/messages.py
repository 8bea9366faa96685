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
    "int_from_float": "må være et heltall",
    "float_parsing": "må være et tall",
    "float_type": "må være et tall",
    "finite_number": "må være et endelig tall",
    "string_type": "må være tekst",
    "string_too_short": "er for kort",
    "dict_type": "må være et JSON-objekt",
    "model_type": "må være et JSON-objekt",
    "list_type": "må være en liste",
    "tuple_type": "må være en liste",
    "greater_than": "er for lite",
    "less_than": "er for stort",
    "too_long": "har for mange elementer",
    "too_short": "har for få elementer",
    "enum": "ugyldig valg",
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
            expected = err.get("ctx", {}).get("expected")
            if err["type"] in ("literal_error", "enum") and expected:
                text += f" (velg blant {expected.replace(' or ', ' eller ')})"
        messages.append(f"{label}: {text}" if label and err["type"] != "value_error" else text)
    return messages
