"""A named scenario: profile + weights + score overrides + method, with a versioned JSON format.

Import is strict: a file that is malformed, larger than 1 MB, of an unknown schema version, or that
names unknown factors, governance models, organisation forms or assessment rows is refused with one
clear Norwegian message (ScenarioImportError), and nothing is changed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .. import format as fmt
from .. import jsontext
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import SCOPE_LABELS, STATUS_LABELS, Profile
from ..decision.registry import FORM_IDS, MODEL_IDS
from ..decision.weights import WEIGHT_SOURCES, Weights, WeightsError
from ..names import clean_text

SCHEMA_VERSION = 1
MAX_IMPORT_BYTES = 1_000_000  # 1 MB
MAX_NAME = 80
METHOD_LABELS = {
    "vektet_sum": "Vektet sum (additiv nyttemodell over de tolv suksessfaktorene, 3.1/4.3)",
}
PROFILE_FIELD_LABELS = {
    "name": "Navn på samarbeidet", "status": "Status", "current_model": "Nåværende styringsmodell",
    "current_form": "Nåværende organisasjonsform", "municipalities": "Antall kommuner", "members": "Medlemmer",
    "host_on_robek": "Vertskommunen er på ROBEK", "board_of_chief_executives": "Styret består av kommunedirektørene",
    "iks_council_of_chief_executives": "IKS: representantskapet er kommunedirektørene",
    "sells_services_to_others": "Selger tjenester til andre", "scope": "Omfang",
    "can_borrow": "Kan ta opp lån / investere langsiktig", "stable_operations": "Stabil drift",
    "large_size_differences": "Store størrelsesforskjeller mellom kommunene",
    "roles_documented": "Ansvar og oppgaver er beskrevet",
    "joint_strategy": "Felles strategi forankret i kommuneplanene",
    "transition_weight": "Vekt på omstillingskostnad",
    "par27_unconverted": "Beskrevet som § 27-samarbeid (omdanning ikke avklart)",
    "population_year": "Folketall per",
}
TRANSITION_NOT_USED = "– (brukes bare for et eksisterende samarbeid)"
HIDDEN_PROFILE_FIELDS = {"version"}  # format bookkeeping, not something a reader needs


class ScenarioError(ValueError):
    """A scenario that cannot be used; the message is Norwegian and meant for the user."""


class ScenarioImportError(ScenarioError):
    """An import file that is refused (nothing was changed)."""


def now_utc() -> datetime:
    """The current time in UTC, to the second (timestamps in scenario files)."""
    return datetime.now(UTC).replace(microsecond=0)


def clean_name(raw: Any) -> str:
    """A scenario name: plain text in NFC, control characters removed, trimmed, 1-80 characters
    (ikt_model.names.clean_text). Raises ScenarioError."""
    if not isinstance(raw, str):
        raise ScenarioError("Navnet må være tekst")
    name = clean_text(raw)
    if not name:
        raise ScenarioError("Gi scenarioet et navn")
    if len(name) > MAX_NAME:
        raise ScenarioError(f"Navnet kan ha høyst {fmt.number(MAX_NAME)} tegn (har {fmt.number(len(name))})")
    return name


def check_overrides(overrides: Any, kb: KnowledgeBase | None = None) -> dict[str, int]:
    """Score overrides: known assessment row id -> integer score -2..2."""
    if not isinstance(overrides, dict):
        raise ScenarioError("Overstyringene må være en tabell fra vurderings-id til poeng")
    kb = kb or default_knowledge_base()
    known = {a.id for a in kb.assessments()}
    unknown = sorted(str(k) for k in overrides if k not in known)
    if unknown:
        raise ScenarioError(f"Ukjent vurdering i overstyringene: {', '.join(unknown[:5])}"
                            " (kunnskapsgrunnlaget har ingen slik rad)")
    out: dict[str, int] = {}
    for key, value in overrides.items():
        if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
            raise ScenarioError(f"Overstyringen av {key} må være et heltall fra -2 til 2, ikke «{value}»")
        out[key] = value
    return out


class Scenario(BaseModel):
    """A named scenario: profile, weights (and where they came from), overrides and method.

    Validation errors are ScenarioError with a Norwegian message; the JSON form is versioned (SCHEMA_VERSION).
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    name: str
    profile: Profile
    weights: Weights
    weights_source: str = Field(default="rapport", max_length=60)
    overrides: dict[str, int] = {}
    method: str = Field(default="vektet_sum", max_length=60)
    created: datetime = Field(default_factory=now_utc)
    updated: datetime = Field(default_factory=now_utc)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ScenarioError(f"Ukjent skjemaversjon {value}: denne versjonen av verktøyet leser versjon "
                                f"{SCHEMA_VERSION}")
        return value

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return clean_name(value)

    @field_validator("weights_source")
    @classmethod
    def _known_source(cls, value: str) -> str:
        if value not in WEIGHT_SOURCES:
            raise ScenarioError(f"Ukjent kilde for vektene «{value}» (kjente: {', '.join(WEIGHT_SOURCES)})")
        return value

    @field_validator("method")
    @classmethod
    def _known_method(cls, value: str) -> str:
        if value not in METHOD_LABELS:
            raise ScenarioError(f"Ukjent metode «{value}» (kjent: {', '.join(METHOD_LABELS)})")
        return value

    @field_validator("overrides", mode="before")
    @classmethod
    def _overrides(cls, value: Any) -> dict[str, int]:
        return check_overrides(value)

    @model_validator(mode="after")
    def _times(self) -> Scenario:
        if self.updated < self.created:
            raise ScenarioError("Endret-tidspunktet kan ikke være før opprettet-tidspunktet")
        return self

    def evaluate(self, kb: KnowledgeBase | None = None):
        """The scenario's ranking (decision.evaluation.Evaluation) with its overrides applied to `kb`."""
        from ..decision.evaluation import evaluate

        kb = (kb or default_knowledge_base()).with_overrides(self.overrides)
        return evaluate(self.profile, self.weights, kb)


def scenario_from_state(name: str, profile: Profile, weights: Weights, weights_source: str = "rapport",
                        overrides: dict[str, int] | None = None, method: str = "vektet_sum",
                        now: datetime | None = None) -> Scenario:
    """The current view as a new scenario (raises ScenarioError with a Norwegian message)."""
    stamp = now or now_utc()
    try:
        return Scenario(name=name, profile=profile, weights=weights, weights_source=weights_source or "egendefinert",
                        overrides=dict(overrides or {}), method=method, created=stamp, updated=stamp)
    except ValidationError as exc:
        raise ScenarioError(_first_message(exc)) from None


def export_json(scenario: Scenario) -> str:
    """The scenario as pretty JSON (UTF-8 text), `schema_version` first."""
    return scenario.model_dump_json(indent=2)


def _first_message(exc: ValidationError) -> str:
    err = exc.errors()[0]
    cause = err.get("ctx", {}).get("error")
    if isinstance(cause, (ScenarioError, WeightsError)):
        return str(cause)
    loc = [str(p) for p in err.get("loc", ())]
    where = " → ".join(PROFILE_FIELD_LABELS.get(p, p) for p in loc)
    if err["type"] == "value_error":
        return f"{where}: {err['msg'].removeprefix('Value error, ')}" if where else err["msg"]
    if err["type"] == "missing":
        return f"Feltet «{where}» mangler"
    if err["type"] == "extra_forbidden":
        return f"Ukjent felt «{where}»"
    return f"Ugyldig verdi for «{where}»: {err['msg']}"


def _precheck(raw: dict) -> None:
    """Clear messages for the refusals the issue names, before the generic validation."""
    version = raw.get("schema_version")
    if version is None:
        raise ScenarioImportError("Filen mangler skjemaversjon (schema_version): er det en scenariofil herfra?")
    if version != SCHEMA_VERSION:
        raise ScenarioImportError(f"Ukjent skjemaversjon {version!r}: denne versjonen av verktøyet leser "
                                  f"versjon {SCHEMA_VERSION}")
    profile = raw.get("profile")
    if isinstance(profile, dict):
        model, form = profile.get("current_model"), profile.get("current_form")
        if model is not None and model not in MODEL_IDS:
            raise ScenarioImportError(f"Ukjent styringsmodell «{model}» (kjente: {', '.join(MODEL_IDS)})")
        if form is not None and form not in FORM_IDS:
            raise ScenarioImportError(f"Ukjent organisasjonsform «{form}» (kjente: {', '.join(FORM_IDS)})")
    source, method = raw.get("weights_source"), raw.get("method")
    if source is not None and source not in WEIGHT_SOURCES:
        raise ScenarioImportError(f"Ukjent kilde for vektene «{source}» (kjente: {', '.join(WEIGHT_SOURCES)})")
    if method is not None and method not in METHOD_LABELS:
        raise ScenarioImportError(f"Ukjent metode «{method}» (kjent: {', '.join(METHOD_LABELS)})")
    weights = raw.get("weights")
    points = weights.get("points") if isinstance(weights, dict) else None
    if isinstance(points, dict):
        unknown = [str(k) for k in points if not str(k).isdigit() or not 1 <= int(str(k)) <= 12]
        if unknown:
            raise ScenarioImportError(f"Ukjent faktor i vektene: {', '.join(unknown)} (faktorene har id 1–12)")


def import_json(data: bytes | str) -> Scenario:
    """Parse and validate an exported scenario; ScenarioImportError (Norwegian) on any problem."""
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw_bytes) > MAX_IMPORT_BYTES:
        raise ScenarioImportError(f"Filen er for stor ({len(raw_bytes) / 1_000_000:.1f} MB); "
                                  "en scenariofil kan være høyst 1 MB".replace(".", ","))
    try:
        raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioImportError("Filen er ikke tekst i UTF-8: velg en JSON-fil eksportert herfra") from None
    try:
        raw = jsontext.loads(raw_bytes)
    except jsontext.JsonInputError as exc:
        raise ScenarioImportError(str(exc)) from None
    if not isinstance(raw, dict):
        raise ScenarioImportError("Filen må inneholde ett JSON-objekt med et scenario")
    _precheck(raw)
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioImportError(_first_message(exc)) from None


def _yes_no(value: bool) -> str:
    return "Ja" if value else "Nei"


def profile_rows(profile: Profile, kb: KnowledgeBase | None = None) -> list[tuple[str, str]]:
    """The profile as (Norwegian label, readable value) pairs, in form order. The transition cost's weight
    reads `TRANSITION_NOT_USED` for a new collaboration (the cost applies to changing what exists, 4.1, 4.2)."""
    from ..municipalities import member_label

    kb = kb or default_knowledge_base()
    rows = []
    for field in Profile.model_fields:
        if field in HIDDEN_PROFILE_FIELDS:
            continue
        value = getattr(profile, field)
        if field == "name":
            text = value or "(uten navn)"
        elif field == "status":
            text = STATUS_LABELS[value]
        elif field == "scope":
            text = SCOPE_LABELS[value]
        elif field == "current_model":
            text = kb.model(value).label if value else "–"
        elif field == "current_form":
            text = kb.form(value).label if value else "–"
        elif field == "members":
            text = ", ".join(member_label(m) for m in value) if value else "–"
        elif field == "population_year":
            text = f"1.1.{value} (SSB)"
        elif isinstance(value, bool):
            text = _yes_no(value)
        elif field == "transition_weight":  # a new collaboration has nothing to convert: no weight to read
            from ..format import percent
            text = percent(value) if profile.is_existing else TRANSITION_NOT_USED
        else:
            text = str(value)
        rows.append((PROFILE_FIELD_LABELS[field], text))
    return rows
