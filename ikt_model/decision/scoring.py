"""Additive scoring of the 12 alternatives. Pure functions, typed results.

score(a, f)  = form x factor + model x factor + model/form fit + context rules   (ordinal, data)
total(a)     = sum_f w_f * score(a, f), with the weights w normalised to sum 1.
The total is on a FIXED scale (same inputs, same number; never re-normalised to the best of the
run): a total of +1 means "one step better than no difference on every factor".
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


class Part(BaseModel, frozen=True):
    """One justified contribution to an (alternative, factor) score."""

    source: PartSource
    id: str
    score: int
    section: str
    quote: str
    note: str | None = None


@dataclass(frozen=True)
class ScoreMatrix:
    """Per-factor scores: `values[i, j]` for ALTERNATIVES[i] and factor FACTOR_IDS[j]."""

    alternatives: tuple[Alternative, ...]
    factor_ids: tuple[int, ...]
    values: np.ndarray
    parts: dict[tuple[str, int], tuple[Part, ...]]

    def row(self, alternative: Alternative) -> np.ndarray:
        return self.values[self.alternatives.index(alternative)]


def _parts_for(kb: KnowledgeBase, profile: Profile, alt: Alternative, factor_id: int) -> tuple[Part, ...]:
    parts: list[Part] = []
    for r in kb.form_factor:
        if r.form == alt.form and r.factor == factor_id:
            parts.append(Part(source="form", id=r.id, score=r.score, section=r.section, quote=r.quote, note=r.note))
    for r in kb.model_factor:
        if r.model == alt.model and r.factor == factor_id:
            parts.append(Part(source="model", id=r.id, score=r.score, section=r.section, quote=r.quote, note=r.note))
    for r in kb.fit:
        if r.model == alt.model and r.form == alt.form and r.factor == factor_id:
            parts.append(Part(source="fit", id=r.id, score=r.score, section=r.section, quote=r.quote, note=r.note))
    for rule in kb.rules:
        if (rule.kind == "score" and rule.factor == factor_id
                and rule.model in (None, alt.model) and rule.form in (None, alt.form)
                and CONDITIONS[rule.condition](profile, alt)):
            parts.append(Part(source="rule", id=rule.id, score=rule.delta, section=rule.section,
                              quote=rule.quote, note=rule.message))
    return tuple(parts)


def score_matrix(profile: Profile, kb: KnowledgeBase) -> ScoreMatrix:
    """The 12 x 12 matrix of per-factor scores for this profile, with the parts behind each cell."""
    return _score_matrix_cached(profile.model_dump_json(), kb)


@lru_cache(maxsize=64)
def _score_matrix_cached(profile_json: str, kb: KnowledgeBase) -> ScoreMatrix:
    profile = Profile.model_validate_json(profile_json)
    parts = {(a.key, f): _parts_for(kb, profile, a, f) for a in ALTERNATIVES for f in FACTOR_IDS}
    values = np.array([[sum(p.score for p in parts[(a.key, f)]) for f in FACTOR_IDS] for a in ALTERNATIVES],
                      dtype=float)
    values.setflags(write=False)
    return ScoreMatrix(alternatives=ALTERNATIVES, factor_ids=FACTOR_IDS, values=values, parts=parts)


def totals(values: np.ndarray, fractions: np.ndarray) -> np.ndarray:
    """The scoring kernel: weighted totals, `values @ fractions`.

    `values`: shape (m, n), per-factor scores of m alternatives (ScoreMatrix.values: m = n = 12).
    `fractions`: shape (n,), weights that sum to 1 (Weights.fraction_vector). Returns shape (m,).
    No validation here: the weights were validated (pydantic, Weights) and normalised at the boundary.
    """
    return np.asarray(values, dtype=float) @ np.asarray(fractions, dtype=float)


def competition_ranks(scores: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """1-based ranks, ties share the better rank (1, 1, 3)."""
    return np.array([1 + int(np.sum(scores > s + tol)) for s in scores])
