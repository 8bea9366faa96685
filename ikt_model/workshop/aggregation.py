"""The group's result from individual votes: weights, disagreement (the agenda), ranking, winners.

* Each participant's points are normalised to fractions (sum 1) first, so a participant who
  gives everything 10 counts as much as one who gives everything 2.
* Group weights: arithmetic mean of the normalised weights (default), or the geometric mean,
  renormalised to sum 1 (see `group_weights` for the sources and the unanimity rule).
* Disagreement per factor: population standard deviation of the normalised weights (also IQR,
  min, max); sorted most contested first = the discussion agenda (as Comparion's consensus view
  sorts judgments by standard deviation).
* Ranking: `ikt_model.decision.evaluation.evaluate` with the group weights as points (0.1 step, as carried on).
* Winners: for every participant, the alternative(s) ranked first by their OWN weights. Per
  alternative (`RankRow.winners`) a tie counts for each tied alternative; the projector chart uses
  `GroupResult.winner_groups`, where every participant counts exactly once and a shared first place is
  its own, labelled group («A og B (likt)»).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel

from ..decision.evaluation import evaluate
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import Profile
from ..decision.registry import ALTERNATIVES, FACTOR_IDS
from ..decision.scoring import score_matrix
from ..decision.weights import Weights
from ..ties import join_names
from .models import Vote

Aggregate = Literal["mean", "geometric"]
AGGREGATE_LABELS = {"mean": "Gjennomsnitt", "geometric": "Geometrisk gjennomsnitt"}
GEOMETRIC_FLOOR = 0.001
WIN_TOL = 1e-9


class FactorSpread(BaseModel, frozen=True):
    """How much the participants disagree on one factor's weight (fractions 0-1): standard deviation,
    interquartile range, lowest and highest, beside the group weight.
    """

    factor_id: int
    label: str
    group_weight: float
    std: float
    iqr: float
    low: float
    high: float


class RankRow(BaseModel, frozen=True):
    """One alternative in the group's ranking, with how many participants' own weights make it first."""

    rank: int
    key: str
    label: str
    score: float
    winners: int  # participants whose own weights make this alternative (joint) first


class WinnerGroup(BaseModel, frozen=True):
    """Participants whose own weights give the same first place: one alternative, or several tied."""

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    count: int

    @property
    def tied(self) -> bool:
        """True when these participants' own weights tie several alternatives for first place."""
        return len(self.keys) > 1

    @property
    def label(self) -> str:
        """«A» alone; «A og B (likt)»; «Likt mellom 6 alternativer» when more than three share first place."""
        if not self.tied:
            return self.labels[0]
        if len(self.labels) > 3:
            return f"Likt mellom {len(self.labels)} alternativer"
        return join_names(self.labels) + " (likt)"


class GroupResult(BaseModel, frozen=True):
    """The group's weights (mean or geometric mean of normalised votes), their spread and the ranking."""

    participants: int
    aggregate: Aggregate
    weights: dict[int, float]  # fractions, factor id -> share
    spreads: tuple[FactorSpread, ...]  # most contested first
    ranking: tuple[RankRow, ...]
    winner_groups: tuple[WinnerGroup, ...] = ()  # counts sum to `participants`, most often first

    def weights_as_points(self) -> Weights:
        """Group weights as points for the other pages: fraction x 100 rounded to the slider step (0.1).

        The ranking above is computed with exactly these points, so it matches what the
        comparison and robustness pages show once the facilitator carries the weights on.
        """
        return as_points(self.weights)

    def dissent(self) -> list[tuple[int, float]]:
        """(factor id, standard deviation) per factor, most contested first: what the memo reports."""
        return [(s.factor_id, s.std) for s in self.spreads]


def as_points(weights: dict[int, float]) -> Weights:
    """Fractions as slider points (x 100, rounded to 0.1) in a valid Weights."""
    points = {f: round(w * 100, 1) for f, w in weights.items()}
    if sum(points.values()) <= 0:  # cannot happen for fractions summing to 1; keep Weights valid anyway
        points = {f: w * 100 for f, w in weights.items()}
    return Weights(points=points)


def normalised_matrix(votes: Sequence[Vote]) -> np.ndarray:
    """n x 12 array: each row one participant's fractions in factor-id order."""
    if not votes:
        return np.zeros((0, len(FACTOR_IDS)))
    raw = np.array([[v.points.get(f, 0.0) for f in FACTOR_IDS] for v in votes], dtype=float)
    sums = raw.sum(axis=1, keepdims=True)
    if np.any(sums <= 0):
        raise ValueError("a vote with all-zero points cannot be normalised")
    return raw / sums


def group_weights(matrix: np.ndarray, aggregate: Aggregate = "mean") -> np.ndarray:
    """The group's weights from the participants' normalised weights; shape (n, 12) -> (12,), sum 1.

    This is aggregation of individual priorities (AIP; Forman & Peniwati 1998, «Aggregating
    individual judgments and priorities with the Analytic Hierarchy Process», EJOR 108:165–169):
    each participant's weights are already a priority vector, so the arithmetic mean ("mean") and
    the geometric mean ("geometric", renormalised) are both admissible; Forman & Peniwati show that
    both keep the Pareto principle for AIP. The geometric mean is the aggregation that keeps
    unanimity, homogeneity and reciprocity for ratio judgments (Aczél & Saaty 1983, «Procedures for
    synthesizing ratio judgements», J. Math. Psychology 27:93–102).

    Unanimity is kept exactly, for both rules:
      * everyone gives the same weights -> the group weight is exactly those weights;
      * everyone gives a factor 0 -> the group weight of that factor is 0.
    A zero would make a geometric mean zero whatever the others said, so when SOME participants
    give a factor 0 and others do not, the zeros are floored at GEOMETRIC_FLOOR (0.1 %) before
    taking logs (a pragmatic choice of this tool, not from the sources). A factor nobody weighted
    gets no floor.

    Raises ValueError for no votes or an unknown aggregate.
    """
    if matrix.shape[0] == 0:
        raise ValueError("no votes")
    if aggregate not in ("mean", "geometric"):
        raise ValueError(f"unknown aggregate {aggregate!r}")
    if np.all(matrix == matrix[0]):  # unanimity: everyone the same -> exactly that
        return matrix[0] / matrix[0].sum()
    if aggregate == "mean":
        w = matrix.mean(axis=0)
    else:
        weighted = np.any(matrix > 0, axis=0)  # factors at least one participant gave weight
        logs = np.log(np.maximum(matrix[:, weighted], GEOMETRIC_FLOOR))
        w = np.zeros(matrix.shape[1])
        w[weighted] = np.exp(logs.mean(axis=0))
    return w / w.sum()


def spreads(matrix: np.ndarray, weights: np.ndarray, kb: KnowledgeBase) -> tuple[FactorSpread, ...]:
    """Disagreement per factor, most contested first (ties: report priority order)."""
    std = matrix.std(axis=0)
    q75, q25 = np.percentile(matrix, [75, 25], axis=0)
    rows = [FactorSpread(factor_id=f, label=kb.factor(f).label, group_weight=float(weights[j]),
                         std=float(std[j]), iqr=float(q75[j] - q25[j]),
                         low=float(matrix[:, j].min()), high=float(matrix[:, j].max()))
            for j, f in enumerate(FACTOR_IDS)]
    return tuple(sorted(rows, key=lambda s: (-round(s.std, 12), s.factor_id)))


def winner_counts(profile: Profile, matrix: np.ndarray, kb: KnowledgeBase) -> dict[str, int]:
    """Alternative key -> how many participants' own weights rank it first (vectorised)."""
    scores = score_matrix(profile, kb).decision_values @ matrix.T  # 12 alternatives x n participants
    best = scores.max(axis=0, keepdims=True)
    wins = (scores >= best - WIN_TOL).sum(axis=1)
    return {alt.key: int(wins[i]) for i, alt in enumerate(ALTERNATIVES)}


def winner_groups(profile: Profile, matrix: np.ndarray, kb: KnowledgeBase) -> tuple[WinnerGroup, ...]:
    """Each participant counted once, under the alternative their own weights rank first — or under the
    group of alternatives that share their first place. Most participants first; counts sum to n."""
    scores = score_matrix(profile, kb).decision_values @ matrix.T  # 12 alternatives x n participants
    best = scores.max(axis=0, keepdims=True)
    firsts = scores >= best - WIN_TOL
    counts: dict[tuple[int, ...], int] = {}
    for column in firsts.T:
        key = tuple(int(i) for i in np.flatnonzero(column))
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
    return tuple(WinnerGroup(keys=tuple(ALTERNATIVES[i].key for i in idx),
                             labels=tuple(_label(kb, ALTERNATIVES[i]) for i in idx), count=n) for idx, n in order)


def _label(kb: KnowledgeBase, alternative) -> str:
    from ..decision.evaluation import alternative_label

    return alternative_label(kb, alternative)


def group_result(profile: Profile, votes: Sequence[Vote], aggregate: Aggregate = "mean",
                 kb: KnowledgeBase | None = None) -> GroupResult | None:
    """The whole projector view's numbers; None when nobody has voted yet."""
    if not votes:
        return None
    kb = kb or default_knowledge_base()
    matrix = normalised_matrix(votes)
    w = group_weights(matrix, aggregate)
    weights = {f: float(w[j]) for j, f in enumerate(FACTOR_IDS)}
    evaluation = evaluate(profile, as_points(weights), kb)
    wins = winner_counts(profile, matrix, kb)
    ranking = tuple(RankRow(rank=r.rank, key=r.alternative.key, label=r.label, score=r.score,
                            winners=wins[r.alternative.key]) for r in evaluation.ranking)
    return GroupResult(participants=len(votes), aggregate=aggregate, weights=weights,
                       spreads=spreads(matrix, w, kb), ranking=ranking,
                       winner_groups=winner_groups(profile, matrix, kb))
