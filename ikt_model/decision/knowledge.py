"""The knowledge base: every score the tool uses, with its report section and quote.

Three additive parts per (alternative, factor), all data under data/knowledge/:
  form_factor.csv     organisation form x factor — the table in 4.2, cell by cell (48 rows)
  model_factor.csv    governance model x factor — 3.3.1-3.3.3, 4.1 (36 rows)
  model_form_fit.csv  fit between model and form — 3.3.3, 3.4, 4.2
and context_rules.csv: conditions of the profile that adjust scores or add advice;
transition.csv: the cost of changing what exists, by status (4.1, 4.2);
parameters.csv: the organisation form's weight against the governance model (4.2) and the default
transition weight; legal_sources.csv: the public sources of every 2026 legal statement;
other_forms.csv: forms shown as information only (IPR, samvirkeforetak, samkommune).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from ..config import get_settings
from ..csvload import DataFileError, read_rows
from .registry import FACTOR_IDS, FORM_IDS, MODEL_IDS, Factor, FormId, GovernanceModel, ModelId, OrganisationForm
from .rules import CONDITIONS

Score = int
Basis = Literal["tabell", "tom_celle", "rapporten", "ingen_forskjell"]


class OverrideError(ValueError):
    """What-if overrides that cannot be applied (unknown row, score outside -2..2); Norwegian message."""


class _Assessment(BaseModel, frozen=True):
    """One ordinal score (−2..+2) for a factor, with the report's section and verbatim quote.

    `condition` (a name from `rules.CONDITIONS`, default always) limits the row to profiles where the
    report says it holds, e.g. mf.alternativ.5 only with a board of kommunedirektører (4.1, 3.4.4).
    """

    id: str
    factor: int = Field(ge=1, le=12)
    score: Score = Field(ge=-2, le=2)
    section: str
    basis: Basis
    quote: str
    condition: str | None = None
    note: str | None = None

    @field_validator("condition")
    @classmethod
    def _known_condition(cls, value: str | None) -> str | None:
        if value is not None and value not in CONDITIONS:
            raise ValueError(f"ukjent betingelse «{value}» (kjente: {', '.join(sorted(CONDITIONS))})")
        return value


class FormFactorRow(_Assessment):
    """Organisation form x factor: one cell of the table in 4.2."""

    form: FormId


class ModelFactorRow(_Assessment):
    """Governance model x factor: 3.3.1-3.3.3 and 4.1."""

    model: ModelId


class FitRow(_Assessment):
    """How well a governance model fits an organisation form, per factor (3.3.3, 3.4, 4.2)."""

    model: ModelId
    form: FormId


class LegalSource(BaseModel, frozen=True):
    """A public source for a 2026 legal statement (checked on the date in `checked`)."""

    id: str
    title: str
    publisher: str
    url: str
    checked: str
    statement: str


class OtherForm(BaseModel, frozen=True):
    """A form shown as information only: the report has no assessment of it (IPR, SA, samkommune)."""

    id: str
    label: str
    law_now: str
    section: str | None = None
    quote: str | None = None
    note: str
    legal: str | None = None

    @property
    def legal_ids(self) -> tuple[str, ...]:
        """Ids of the legal sources (LegalSource.id) this row cites, from the ';'-separated `legal` column."""
        return tuple(x for x in (self.legal or "").split(";") if x)


class TransitionCost(BaseModel, frozen=True):
    """What changing the organisation form or the governance model costs, by status (4.1, 4.2).

    `cost` is on the total's fixed scale (1 = one step worse on every factor) and is multiplied by the
    profile's transition weight. A new collaboration has nothing to change: no row, no cost.
    """

    id: str
    status: Literal["existing_working", "existing_struggling"]
    change: Literal["form", "model"]
    cost: float = Field(ge=0, le=3)
    section: str
    quote: str
    note: str | None = None


class Parameter(BaseModel, frozen=True):
    """A named number of the method, with the report's section and quote that motivate it."""

    id: Literal["form_weight", "transition_weight"]
    value: float = Field(ge=0, le=2)
    section: str
    quote: str
    note: str | None = None


class ContextRule(BaseModel, frozen=True):
    """A profile condition that adjusts one factor's score (`score`), advises (`advice`) or notes (`note`)."""

    id: str
    condition: str
    model: ModelId | None = None
    form: FormId | None = None
    factor: int | None = Field(default=None, ge=1, le=12)
    delta: int = Field(ge=-2, le=2)
    kind: Literal["score", "advice", "note"]
    severity: Literal["info", "warning", "error"] | None = None
    section: str
    quote: str
    message: str
    legal: str | None = None

    @property
    def legal_ids(self) -> tuple[str, ...]:
        """Ids of the legal sources (LegalSource.id) this rule cites, from the ';'-separated `legal` column."""
        return tuple(x for x in (self.legal or "").split(";") if x)

    @field_validator("condition")
    @classmethod
    def _known_condition(cls, value: str) -> str:
        if value not in CONDITIONS:
            raise ValueError(f"ukjent betingelse «{value}» (kjente: {', '.join(sorted(CONDITIONS))})")
        return value


class KnowledgeBase(BaseModel, frozen=True):
    """Everything the engine knows, as validated rows; frozen and hashable (cache key)."""

    factors: tuple[Factor, ...]
    models: tuple[GovernanceModel, ...]
    forms: tuple[OrganisationForm, ...]
    form_factor: tuple[FormFactorRow, ...]
    model_factor: tuple[ModelFactorRow, ...]
    fit: tuple[FitRow, ...]
    rules: tuple[ContextRule, ...]
    transitions: tuple[TransitionCost, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    legal_sources: tuple[LegalSource, ...] = ()
    other_forms: tuple[OtherForm, ...] = ()

    def parameter(self, name: str, default: float) -> float:
        """A method parameter's value (parameters.csv), or `default` when the file has none."""
        return next((p.value for p in self.parameters if p.id == name), default)

    def transition_cost(self, status: str, change: str) -> float:
        """The base cost of changing `change` ("form"/"model") for a collaboration with `status`."""
        return next((t.cost for t in self.transitions if t.status == status and t.change == change), 0.0)

    def legal_source(self, source_id: str) -> LegalSource:
        """The legal source with this id; StopIteration for an unknown id."""
        return next(s for s in self.legal_sources if s.id == source_id)

    def factor(self, factor_id: int) -> Factor:
        """The success factor with this id (1-12); StopIteration for an unknown id."""
        return next(f for f in self.factors if f.id == factor_id)

    def model(self, model_id: str) -> GovernanceModel:
        """The governance model with this id (ks, alternativ, hybrid)."""
        return next(m for m in self.models if m.id == model_id)

    def form(self, form_id: str) -> OrganisationForm:
        """The organisation form with this id (as, iks, vertskommune, par27)."""
        return next(f for f in self.forms if f.id == form_id)

    def assessments(self) -> tuple[_Assessment, ...]:
        """Every scored row (form x factor, model x factor, fit): the rows a user may override."""
        return (*self.form_factor, *self.model_factor, *self.fit)

    def with_overrides(self, overrides: dict[str, int]) -> KnowledgeBase:
        """A copy where assessment rows named in `overrides` (id -> score) carry the new score."""
        if not overrides:
            return self
        known = {a.id for a in self.assessments()}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise OverrideError(f"Ukjent vurdering: {', '.join(unknown)}")
        for key, value in overrides.items():
            if not isinstance(value, int) or not -2 <= value <= 2:
                raise OverrideError(f"Vurderingen {key} må være et heltall fra -2 til 2")

        def apply(rows):
            return tuple(r.model_copy(update={"score": overrides[r.id]}) if r.id in overrides else r
                         for r in rows)

        return self.model_copy(update={"form_factor": apply(self.form_factor),
                                       "model_factor": apply(self.model_factor),
                                       "fit": apply(self.fit)})


def _check_complete(path: Path, rows, key, expected: set) -> None:
    seen = [key(r) for r in rows]
    dupes = {k for k in seen if seen.count(k) > 1}
    if dupes:
        raise DataFileError(path, None, None, f"dobbel vurdering for {sorted(dupes)[0]}")
    missing = expected - set(seen)
    if missing:
        raise DataFileError(path, None, None, f"mangler vurdering for {sorted(missing)[0]}")


def load_knowledge_base(data_dir: Path | None = None) -> KnowledgeBase:
    """Read and validate every knowledge file; raises DataFileError naming file, row and field."""
    folder = (data_dir or get_settings().data_dir) / "knowledge"
    paths = {name: folder / f"{name}.csv" for name in
             ("factors", "models", "forms", "form_factor", "model_factor", "model_form_fit", "context_rules",
              "transition", "parameters", "legal_sources", "other_forms")}
    factors = read_rows(paths["factors"], Factor)
    _check_complete(paths["factors"], factors, lambda r: r.id, set(FACTOR_IDS))
    models = read_rows(paths["models"], GovernanceModel)
    _check_complete(paths["models"], models, lambda r: r.id, set(MODEL_IDS))
    forms = read_rows(paths["forms"], OrganisationForm)
    _check_complete(paths["forms"], forms, lambda r: r.id, set(FORM_IDS))
    form_factor = read_rows(paths["form_factor"], FormFactorRow)
    _check_complete(paths["form_factor"], form_factor, lambda r: (r.form, r.factor),
                    {(f, i) for f in FORM_IDS for i in FACTOR_IDS})
    model_factor = read_rows(paths["model_factor"], ModelFactorRow)
    _check_complete(paths["model_factor"], model_factor, lambda r: (r.model, r.factor),
                    {(m, i) for m in MODEL_IDS for i in FACTOR_IDS})
    fit = read_rows(paths["model_form_fit"], FitRow)
    _check_complete(paths["model_form_fit"], fit, lambda r: (r.model, r.form, r.factor), set())
    rules = read_rows(paths["context_rules"], ContextRule)
    _check_complete(paths["context_rules"], rules, lambda r: r.id, set())
    all_ids = [a.id for a in (*form_factor, *model_factor, *fit)]
    if len(all_ids) != len(set(all_ids)):
        raise DataFileError(folder, None, "id", "samme id brukes i flere vurderingsfiler")
    transitions = read_rows(paths["transition"], TransitionCost)
    _check_complete(paths["transition"], transitions, lambda r: (r.status, r.change), set())
    parameters = read_rows(paths["parameters"], Parameter)
    _check_complete(paths["parameters"], parameters, lambda r: r.id, {"form_weight", "transition_weight"})
    legal_sources = read_rows(paths["legal_sources"], LegalSource)
    other_forms = read_rows(paths["other_forms"], OtherForm)
    known_sources = {s.id for s in legal_sources}
    for path, rows in ((paths["forms"], forms), (paths["context_rules"], rules), (paths["other_forms"], other_forms)):
        for row in rows:
            unknown = [x for x in row.legal_ids if x not in known_sources]
            if unknown:
                raise DataFileError(path, None, "legal", f"ukjent rettskilde «{unknown[0]}» i {row.id}")
    return KnowledgeBase(factors=tuple(sorted(factors, key=lambda f: f.id)), models=tuple(models),
                         forms=tuple(forms), form_factor=tuple(form_factor),
                         model_factor=tuple(model_factor), fit=tuple(fit), rules=tuple(rules),
                         transitions=tuple(transitions), parameters=tuple(parameters),
                         legal_sources=tuple(legal_sources), other_forms=tuple(other_forms))


@lru_cache(maxsize=1)
def default_knowledge_base() -> KnowledgeBase:
    """The knowledge base from the configured data folder, read once per process."""
    return load_knowledge_base()
