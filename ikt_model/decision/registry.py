"""The report's vocabulary: the 12 success factors, 3 governance models, 4 organisation forms.

Ids are stable (factor 1-12 in the report's priority order, 3.1/4.3; model and form slugs as
in the profile JSON). Labels and descriptions are data (data/knowledge/*.csv).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ModelId = Literal["ks", "alternativ", "hybrid"]
FormId = Literal["as", "iks", "vertskommune", "par27"]
MODEL_IDS: tuple[ModelId, ...] = ("ks", "alternativ", "hybrid")
FORM_IDS: tuple[FormId, ...] = ("as", "iks", "vertskommune", "par27")
FACTOR_IDS: tuple[int, ...] = tuple(range(1, 13))


class Factor(BaseModel, frozen=True):
    """One of the twelve success factors, in the report's priority order (3.1, 4.3)."""

    id: int = Field(ge=1, le=12)
    slug: str
    label: str
    description: str
    section: str


class GovernanceModel(BaseModel, frozen=True):
    """A governance model: KS-modellen, alternativ modell or hybridmodell (3.3)."""

    id: ModelId
    label: str
    short: str
    description: str
    section: str


class OrganisationForm(BaseModel, frozen=True):
    """An organisation form: its 2026 label, the report's term, the law then and now (legal: source ids)."""

    id: FormId
    label: str
    report_term: str
    law_2015: str
    law_now: str
    note_now: str
    section: str
    legal: str | None = None

    @property
    def legal_ids(self) -> tuple[str, ...]:
        """Ids of the legal sources this form's 2026 law rests on (';'-separated `legal` column)."""
        return tuple(x for x in (self.legal or "").split(";") if x)

    @property
    def label_with_report_term(self) -> str:
        """«Kommunalt oppgavefellesskap (KO) – i rapporten: Samarbeid etter kommunelovens § 27»."""
        if self.report_term.lower() in self.label.lower():
            return self.label
        return f"{self.label} – i rapporten: {self.report_term}"


class Alternative(BaseModel, frozen=True):
    """One decision alternative: a (governance model, organisation form) pair."""

    model: ModelId
    form: FormId

    @property
    def key(self) -> str:
        """'model/form', e.g. 'alternativ/par27' (the CLI and share links use it)."""
        return f"{self.model}/{self.form}"


ALTERNATIVES: tuple[Alternative, ...] = tuple(
    Alternative(model=m, form=f) for m in MODEL_IDS for f in FORM_IDS
)


def parse_alternative(key: str) -> Alternative:
    """'alternativ/par27' -> Alternative; ValueError with a Norwegian message otherwise."""
    model, _, form = key.partition("/")
    if model not in MODEL_IDS or form not in FORM_IDS:
        raise ValueError(f"Ukjent alternativ «{key}»: bruk styringsmodell/organisasjonsform, f.eks. alternativ/par27")
    return Alternative(model=model, form=form)
