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


# One line per factor for a phone screen: the tool's own summary of the report's description in 4.3
# (the full, verbatim description is `Factor.description`).
ONE_LINE: dict[int, str] = {
    1: "Tjenestene brukerne opplever – interne brukere, innbyggere og næringsliv – ikke bare IKT-systemene.",
    2: "At teknologi og ressurser driver endringer i kommunale tjenester fram i stedet for å bremse dem.",
    3: "Mulighet for langsiktige investeringer, for eksempel ved å ta opp lån.",
    4: "Mulighet til å drive digitalisering i takt med den teknologiske utviklingen.",
    5: "At kommunene har kontroll og styrer samarbeidet, gjennom kommunedirektøren.",
    6: "At samarbeidet kan ta beslutninger og gjennomføre, mens kommunene beholder kontrollen.",
    7: "At kommunene og samarbeidet har rett kompetanse.",
    8: "Sterkere stilling som kunde overfor leverandørene enn hver kommune har alene.",
    9: "Sterkere stemme overfor offentlige etater, KS og andre kommuner.",
    10: "At samarbeidet, med alle selskap og funksjoner, oppleves som en del av kommunene.",
    11: "Bidra til og følge med på mer sentral (nasjonal) styring, så endringer ikke overrasker.",
    12: "At lederen for samarbeidet makter å styre det godt.",
}


class Factor(BaseModel, frozen=True):
    """One of the twelve success factors, in the report's priority order (3.1, 4.3)."""

    id: int = Field(ge=1, le=12)
    slug: str
    label: str
    description: str
    section: str

    @property
    def short_description(self) -> str:
        """One line on what the factor means (ONE_LINE; the tool's summary of 4.3)."""
        return ONE_LINE[self.id]


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
