"""Evaluate a profile with weights: the ranked, explained comparison the pages and CLI show."""

from __future__ import annotations

from pydantic import BaseModel

from .knowledge import KnowledgeBase, default_knowledge_base
from .profile import Profile
from .recommendation import Recommendation, recommend
from .registry import FACTOR_IDS, Alternative
from .rules import CONDITIONS
from .scoring import Part, competition_ranks, score_matrix, totals
from .weights import Weights

REASONS_SHOWN = 3


class Reason(BaseModel, frozen=True):
    """One part of one factor's score, weighted: why an alternative gains or loses."""

    factor_id: int
    factor_label: str
    weighted: float
    part: Part


class Advice(BaseModel, frozen=True):
    code: str
    severity: str
    message: str
    section: str
    quote: str


class RankedAlternative(BaseModel, frozen=True):
    rank: int
    alternative: Alternative
    label: str
    score: float
    factor_scores: dict[int, float]
    contributions: dict[int, float]
    reasons_for: tuple[Reason, ...]
    reasons_against: tuple[Reason, ...]
    notes: tuple[Advice, ...]
    is_current: bool


class Evaluation(BaseModel, frozen=True):
    profile: Profile
    weights: dict[int, float]
    ranking: tuple[RankedAlternative, ...]
    warnings: tuple[Advice, ...]
    recommendation: Recommendation

    @property
    def best(self) -> RankedAlternative:
        return self.ranking[0]

    def find(self, alternative: Alternative) -> RankedAlternative:
        return next(r for r in self.ranking if r.alternative == alternative)


def alternative_label(kb: KnowledgeBase, alternative: Alternative) -> str:
    return f"{kb.model(alternative.model).label} + {kb.form(alternative.form).label}"


def _advice(rule) -> Advice:
    return Advice(code=rule.id, severity=rule.severity or "info", message=rule.message,
                  section=rule.section, quote=rule.quote)


def evaluate(profile: Profile, weights: Weights, kb: KnowledgeBase | None = None) -> Evaluation:
    kb = kb or default_knowledge_base()
    matrix = score_matrix(profile, kb)
    vector = weights.fraction_vector  # normalised once per Weights object
    fractions = dict(zip(FACTOR_IDS, vector.tolist()))
    scores = totals(matrix.values, vector)
    ranks = competition_ranks(scores)
    current = (Alternative(model=profile.current_model, form=profile.current_form)
               if profile.current_model and profile.current_form else None)
    ranked = []
    for i, alt in enumerate(matrix.alternatives):
        reasons = [Reason(factor_id=f, factor_label=kb.factor(f).label, weighted=fractions[f] * p.score, part=p)
                   for f in FACTOR_IDS for p in matrix.parts[(alt.key, f)] if p.score != 0 and fractions[f] > 0]
        pros = sorted((r for r in reasons if r.weighted > 0), key=lambda r: -r.weighted)[:REASONS_SHOWN]
        cons = sorted((r for r in reasons if r.weighted < 0), key=lambda r: r.weighted)[:REASONS_SHOWN]
        notes = tuple(_advice(r) for r in kb.rules if r.kind == "note"
                      and r.model in (None, alt.model) and r.form in (None, alt.form)
                      and CONDITIONS[r.condition](profile, alt))
        ranked.append(RankedAlternative(
            rank=int(ranks[i]), alternative=alt, label=alternative_label(kb, alt), score=float(scores[i]),
            factor_scores={f: float(matrix.values[i, j]) for j, f in enumerate(FACTOR_IDS)},
            contributions={f: float(matrix.values[i, j] * fractions[f]) for j, f in enumerate(FACTOR_IDS)},
            reasons_for=tuple(pros), reasons_against=tuple(cons), notes=notes, is_current=alt == current))
    ranked.sort(key=lambda r: (r.rank, matrix.alternatives.index(r.alternative)))
    warnings = tuple(_advice(r) for r in kb.rules if r.kind == "advice"
                     and CONDITIONS[r.condition](profile, ranked[0].alternative))
    warnings = tuple(sorted(warnings, key=lambda a: {"error": 0, "warning": 1, "info": 2}[a.severity]))
    return Evaluation(profile=profile, weights=fractions, ranking=tuple(ranked), warnings=warnings,
                      recommendation=recommend(profile, kb, ranked[0].alternative))
