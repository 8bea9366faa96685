"""Additive scoring of the 12 alternatives, in the report's order of things. Pure functions, typed results.

Per factor f, an alternative's score has four ordinal parts from the knowledge base:
    model(a, f)    governance model x factor (3.3.1-3.3.3, 4.1)
    form(a, f)     organisation form x factor, the table in 4.2
    fit(a, f)      fit between model and form (3.3.3, 3.4, 4.2)
    context(a, f)  profile conditions the report names (ROBEK, board, scope, ...)
combined as  value(a, f) = model + lambda * (form + fit) + context,  where lambda = the form weight
(parameters.csv, 0.5): 4.2 «organisasjonsform har en sentral betydning, men langt fra å være avgjørende ...
Endring av styringsmodell og hvilke oppgaver samarbeidet gjør er det viktigste».

total(a) = sum_f w_f * value(a, f) + transition(a), with the weights w normalised to sum 1 (once, by the
caller) and transition(a) <= 0 the cost of changing what exists (transition.csv, 4.1/4.2) times the
profile's transition weight. The total is on a FIXED scale (same inputs, same number; never re-normalised
to the best of the run): +1 means "one step better than no difference on every factor".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel

from .knowledge import KnowledgeBase
from .profile import Profile
from .registry import ALTERNATIVES, FACTOR_IDS, Alternative
from .rules import CONDITIONS

PartSource = Literal["form", "model", "fit", "rule"]
COMPONENTS: tuple[str, ...] = ("model", "form", "fit", "context", "transition")
_COMPONENT_OF: dict[str, str] = {"model": "model", "form": "form", "fit": "fit", "rule": "context"}


class Part(BaseModel, frozen=True):
    """One justified contribution to an (alternative, factor) score.

    `score` is the row's ordinal score (−2..+2); `weight` is what the method multiplies it by before the
    factor weight (the form weight for form and fit rows, 1 otherwise), so `score * weight` is what counts.
    """

    source: PartSource
    id: str
    score: int
    section: str
    quote: str
    note: str | None = None
    weight: float = 1.0

    @property
    def effective(self) -> float:
        """The score as it counts: `score` x `weight` (the form weight for form and fit rows, 1 otherwise)."""
        return self.score * self.weight


class TransitionPart(BaseModel, frozen=True):
    """The cost of one change from today's arrangement (negative; already times the transition weight)."""

    id: str
    change: Literal["form", "model"]
    value: float
    section: str
    quote: str


@dataclass(frozen=True)
class ScoreMatrix:
    """Per-factor scores: `values[i, j]` for ALTERNATIVES[i] and factor FACTOR_IDS[j] (12 x 12, combined).

    `by_component[c]` holds the same 12 x 12 split by component (model, form, fit, context), already
    multiplied by the form weight where it applies, so they sum to `values`. `transition[i]` (<= 0) is
    added to the weighted total, not per factor.
    """

    alternatives: tuple[Alternative, ...]
    factor_ids: tuple[int, ...]
    values: np.ndarray
    by_component: dict[str, np.ndarray]
    transition: np.ndarray
    transition_parts: tuple[tuple[TransitionPart, ...], ...]
    parts: dict[tuple[str, int], tuple[Part, ...]]
    form_weight: float

    def row(self, alternative: Alternative) -> np.ndarray:
        """The per-factor scores of one alternative: shape (12,)."""
        return self.values[self.alternatives.index(alternative)]

    @property
    def decision_values(self) -> np.ndarray:
        """`values` with the transition added to every factor's cell (12 x 12).

        For weights that sum to 1, `decision_values @ w == values @ w + transition` exactly, so methods that
        take one matrix and normalised weights (SMAA, stability intervals, workshop winners) see the same
        totals as the ranking.
        """
        return self.values + self.transition[:, None]


def _applies(condition: str | None, profile: Profile, alt: Alternative) -> bool:
    return condition is None or CONDITIONS[condition](profile, alt)


def _parts_for(kb: KnowledgeBase, profile: Profile, alt: Alternative, factor_id: int,
               form_weight: float) -> tuple[Part, ...]:
    parts: list[Part] = []
    for r in kb.model_factor:
        if r.model == alt.model and r.factor == factor_id and _applies(r.condition, profile, alt):
            parts.append(Part(source="model", id=r.id, score=r.score, section=r.section, quote=r.quote, note=r.note))
    for r in kb.form_factor:
        if r.form == alt.form and r.factor == factor_id and _applies(r.condition, profile, alt):
            parts.append(Part(source="form", id=r.id, score=r.score, section=r.section, quote=r.quote, note=r.note,
                              weight=form_weight))
    for r in kb.fit:
        if (r.model == alt.model and r.form == alt.form and r.factor == factor_id
                and _applies(r.condition, profile, alt)):
            parts.append(Part(source="fit", id=r.id, score=r.score, section=r.section, quote=r.quote, note=r.note,
                              weight=form_weight))
    for rule in kb.rules:
        if (rule.kind == "score" and rule.factor == factor_id
                and rule.model in (None, alt.model) and rule.form in (None, alt.form)
                and CONDITIONS[rule.condition](profile, alt)):
            parts.append(Part(source="rule", id=rule.id, score=rule.delta, section=rule.section,
                              quote=rule.quote, note=rule.message))
    return tuple(parts)


def _transition_for(kb: KnowledgeBase, profile: Profile, alt: Alternative) -> tuple[TransitionPart, ...]:
    """The changes from today's arrangement that `alt` needs, each with its cost (4.1, 4.2)."""
    if profile.status == "new" or profile.transition_weight == 0:
        return ()
    changes = (("form", alt.form != profile.current_form), ("model", alt.model != profile.current_model))
    parts = []
    for change, happens in changes:
        row = next((t for t in kb.transitions if t.status == profile.status and t.change == change), None)
        if happens and row is not None and row.cost > 0:
            parts.append(TransitionPart(id=row.id, change=change, value=-row.cost * profile.transition_weight,
                                        section=row.section, quote=row.quote))
    return tuple(parts)


def score_matrix(profile: Profile, kb: KnowledgeBase) -> ScoreMatrix:
    """The 12 x 12 matrix of per-factor scores for this profile, with the parts behind each cell."""
    return _score_matrix_cached(profile.model_dump_json(), kb)


@lru_cache(maxsize=64)
def _score_matrix_cached(profile_json: str, kb: KnowledgeBase) -> ScoreMatrix:
    profile = Profile.model_validate_json(profile_json)
    form_weight = kb.parameter("form_weight", 1.0)
    parts = {(a.key, f): _parts_for(kb, profile, a, f, form_weight) for a in ALTERNATIVES for f in FACTOR_IDS}
    by_component = {c: np.zeros((len(ALTERNATIVES), len(FACTOR_IDS))) for c in COMPONENTS[:-1]}
    for i, a in enumerate(ALTERNATIVES):
        for j, f in enumerate(FACTOR_IDS):
            for p in parts[(a.key, f)]:
                by_component[_COMPONENT_OF[p.source]][i, j] += p.effective
    values = sum(by_component.values())
    transition_parts = tuple(_transition_for(kb, profile, a) for a in ALTERNATIVES)
    transition = np.array([sum(t.value for t in ts) for ts in transition_parts], dtype=float)
    for array in (values, transition, *by_component.values()):
        array.setflags(write=False)
    return ScoreMatrix(alternatives=ALTERNATIVES, factor_ids=FACTOR_IDS, values=values, by_component=by_component,
                       transition=transition, transition_parts=transition_parts, parts=parts,
                       form_weight=form_weight)


def totals(values: np.ndarray, fractions: np.ndarray, offset: np.ndarray | None = None) -> np.ndarray:
    """The scoring kernel: weighted totals, `values @ fractions + offset`.

    `values`: shape (m, n), per-factor scores of m alternatives (ScoreMatrix.values: m = n = 12).
    `fractions`: shape (n,) or (n, k), weights that sum to 1 (Weights.fraction_vector). `offset`: shape (m,),
    the transition part (ScoreMatrix.transition), broadcast over k weight vectors. Returns (m,) or (m, k).
    No validation here: the weights were validated (pydantic, Weights) and normalised at the boundary.
    """
    result = np.asarray(values, dtype=float) @ np.asarray(fractions, dtype=float)
    if offset is None:
        return result
    return result + (offset[:, None] if result.ndim == 2 else offset)


def competition_ranks(scores: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """1-based ranks, ties share the better rank (1, 1, 3)."""
    return np.array([1 + int(np.sum(scores > s + tol)) for s in scores])
