"""Plain Norwegian readings of the robustness analysis, and the summary other pages use.

`robustness_summary` is the contract for the memo and scenario pages:
  winner_acceptability = first-rank acceptability b^1 of the current first choice under SMAA weight
  mode "around" (Dirichlet centred on the user's weights, concentration 50, scores fixed; see smaa.py).
  ordinal_acceptability = the same under the report's priority order only (w1 >= w2 >= ... >= w12).
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel

from .. import format as fmt
from ..decision.evaluation import alternative_label
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import Profile
from ..decision.registry import ALTERNATIVES, FACTOR_IDS
from ..decision.scoring import score_matrix
from ..decision.weights import Weights
from ..ties import join_names, leaders
from .sensitivity import StabilityInterval, first_choice, stability_intervals
from .smaa import SmaaResult, smaa

SENSITIVE_SHOWN = 3


class FactorInterval(BaseModel, frozen=True):
    """A stability interval of one factor's weight (fractions 0-1) with the alternatives that take over."""

    factor_id: int
    label: str
    lower: float
    upper: float
    current: float
    takeover_below: str | None  # alternative key
    takeover_above: str | None
    takeover_below_label: str | None = None
    takeover_above_label: str | None = None

    @property
    def margin(self) -> float:
        """How far the weight can move (the nearer end) before the first choice changes."""
        below = self.current - self.lower if self.takeover_below else np.inf
        above = self.upper - self.current if self.takeover_above else np.inf
        return float(min(below, above))


class RobustnessSummary(BaseModel, frozen=True):
    """What the memo and other pages say about robustness: SMAA first-rank acceptability and sentences."""

    winner_key: str
    winner_label: str
    winner_acceptability: float
    ordinal_acceptability: float
    samples: int
    seed: int
    sentences: list[str]
    interval_sentences: list[str]
    intervals: list[FactorInterval]


def factor_intervals(values: np.ndarray, weights: Weights, kb: KnowledgeBase) -> list[FactorInterval]:
    """Stability intervals per factor, with alternative keys and labels instead of indices."""
    raw: list[StabilityInterval] = stability_intervals(values, np.asarray(weights.vector()))

    def key(i):
        return None if i is None else ALTERNATIVES[i].key

    def label(i):
        return None if i is None else alternative_label(kb, ALTERNATIVES[i])

    return [FactorInterval(factor_id=FACTOR_IDS[s.factor_index], label=kb.factor(FACTOR_IDS[s.factor_index]).label,
                           lower=s.lower, upper=s.upper, current=s.current,
                           takeover_below=key(s.takeover_below), takeover_above=key(s.takeover_above),
                           takeover_below_label=label(s.takeover_below),
                           takeover_above_label=label(s.takeover_above)) for s in raw]


def _bound(fraction: float) -> str:
    """An interval's bound in whole percent, or with one decimal where whole percent would say 0 % or 100 % of a
    bound that is not quite there («under 0 % overtar …» cannot happen)."""
    whole = fmt.percent(fraction)
    if whole in (fmt.percent(0.0), fmt.percent(1.0)):
        return fmt.percent(fraction, 1, trim=True)
    return whole


def interval_sentence(interval: FactorInterval) -> str:
    """«Anbefalingen står seg så lenge vekten på X er mellom 4 % og 31 %; over 31 % overtar Y.» An interval that
    is one point (as displayed, whole percent) is said as such: with only one factor weighted, the rest have the
    interval «høyst 0 %», which a tester read as a riddle."""
    name = interval.label
    lo, hi = _bound(interval.lower), _bound(interval.upper)
    if interval.takeover_below is None and interval.takeover_above is None:
        return f"Anbefalingen står seg uansett vekt på {name} (0–100 %)."
    if interval.takeover_below is None and hi == fmt.percent(0.0):  # «høyst 0 %; over 0 %» read as a riddle
        return (f"Anbefalingen står seg bare så lenge {name} ikke har noen vekt ({hi}); med vekt på {name} overtar "
                f"{interval.takeover_above_label}.")
    if interval.takeover_above is None and lo == fmt.percent(1.0):
        return (f"Anbefalingen står seg bare så lenge {name} har all vekten ({lo}); med mindre vekt på {name} "
                f"overtar {interval.takeover_below_label}.")
    if lo == hi:
        return (f"Anbefalingen står seg bare når vekten på {name} er {lo}; under {lo} overtar "
                f"{interval.takeover_below_label}, over {hi} overtar {interval.takeover_above_label}.")
    if interval.takeover_below is None:
        return (f"Anbefalingen står seg så lenge vekten på {name} er høyst {hi}; "
                f"over {hi} overtar {interval.takeover_above_label}.")
    if interval.takeover_above is None:
        return (f"Anbefalingen står seg så lenge vekten på {name} er minst {lo}; "
                f"under {lo} overtar {interval.takeover_below_label}.")
    return (f"Anbefalingen står seg så lenge vekten på {name} er mellom {lo} og {hi}; "
            f"under {lo} overtar {interval.takeover_below_label}, over {hi} overtar {interval.takeover_above_label}.")


def acceptability_sentence(label: str, share: float, mode: str) -> str:
    """«Alternativ X er best i 71 % av de mulige vektingene …»"""
    where = {
        "around": "av vektingene nær de valgte vektene",  # neutral: the memo goes to the kommunestyre
        "ordinal": "av vektingene som følger rapportens rekkefølge av faktorene (ingen faktor veier mer enn "
                   "den som står foran den)",
        "uniform": "av alle mulige vektinger",
    }[mode]
    return f"{label} er best i {fmt.percent(share)} {where}."


def acceptability_reading(result: SmaaResult, labels: list[str], shown: int = 3) -> list[str]:
    """The alternatives most often ranked first, in words (and, when draws with a shared first place make the
    shares add up to more than 100 %, why)."""
    order = sorted(range(len(labels)), key=lambda i: -result.first_rank[i])
    lines = [acceptability_sentence(labels[i], result.first_rank[i], result.weight_mode)
             for i in order[:shown] if result.first_rank[i] > 0]
    if sum(result.first_rank) > 1 + SHARED_TOLERANCE:
        lines.append(SHARED_FIRST_NOTE.strip())
    never = sum(1 for b in result.first_rank if b == 0)
    if never:
        lines.append(f"{never} av {len(labels)} alternativer blir aldri best i noen av de {fmt.number(result.samples)} "
                     "trukne vektingene.")
    return lines


def how_often_each_wins(result: SmaaResult, labels: list[str], minimum: float = 0.005) -> str:
    """«X i 54 %, Y i 46 %»: every alternative that is best in at least `minimum` of the draws, most often
    first; the rest summed as «andre i 1 %» when they add up to a shown percentage."""
    order = sorted(range(len(labels)), key=lambda i: -result.first_rank[i])
    shown = [i for i in order if result.first_rank[i] >= minimum]
    parts = [f"{labels[i]} i {fmt.percent(result.first_rank[i])}" for i in shown]
    rest = sum(result.first_rank[i] for i in order if i not in shown)
    if rest >= minimum:
        parts.append(f"andre i {fmt.percent(rest)}")
    return ", ".join(parts[:-1]) + " og " + parts[-1] if len(parts) > 1 else parts[0]


def central_weight_choices(result: SmaaResult, labels: list[str]) -> dict[int, str]:
    """The alternatives that have central weights (those best in at least one draw), most often best first
    (first-rank acceptability b^1, ties in the alternatives' order): {alternative index: «X (best i 62 %)»}.
    A share that rounds to 0 % reads «under 1 %» (the alternative was best in some draws). `labels` follow the
    result's rows."""
    order = sorted((i for i, c in enumerate(result.central_weights) if c is not None),
                   key=lambda i: (-result.first_rank[i], i))
    def share(i: int) -> str:
        return fmt.percent(result.first_rank[i]) if result.first_rank[i] >= 0.005 else f"under 1{fmt.NBSP}%"
    return {i: f"{labels[i]} (best i {share(i)})" for i in order}


def robustness_lead(result: SmaaResult, labels: list[str], best_index: int, tied: tuple[int, ...] = ()) -> str:
    """The answer of the robustness page in one plain sentence, with how often each alternative wins.

    `result`: SMAA with weights drawn around the user's («around»). `best_index`: the first choice with the
    user's own weights; `tied`: other alternatives sharing first place with those weights (named as a tie).
    Robust means best in at least 95 % of the draws; uncertain means best in fewer than half.
    """
    share = result.first_rank[best_index]
    wins = how_often_each_wins(result, labels)
    if tied:
        names = join_names(labels[i] for i in (best_index, *tied))
        text = (f"{names} står likt med dine vekter. Når vektene varierer litt rundt dine, vinner {wins} "
                "av trekkene.")
    elif share >= 0.95:
        text = (f"{labels[best_index]} er best med dine vekter og forblir best når vektene varierer litt: "
                f"{wins} av trekkene. Anbefalingen er robust.")
    elif share >= 0.5:
        text = (f"{labels[best_index]} er best med dine vekter og i de fleste trekkene når vektene varierer litt, "
                f"men ikke alle: {wins}.")
    else:
        text = (f"Usikkert: {labels[best_index]} er best med akkurat dine vekter, men når vektene varierer litt, "
                f"vinner {wins} av trekkene.")
    return text + (SHARED_FIRST_NOTE if sum(result.first_rank) > 1 + SHARED_TOLERANCE else "")


# SMAA-2 gives alternatives with equal totals the same rank, so a draw with a shared first place counts for each
# of them: «X i 100 %, Y i 100 %» (a fresh tester read it as 200 %). Said when the shares add up to more than all.
SHARED_FIRST_NOTE = (" Et trekk der flere står likt øverst, teller for hvert av dem, så andelene blir til sammen mer "
                     "enn 100 %.")
SHARED_TOLERANCE = 1e-9


def robustness_summary(profile: Profile, weights: Weights, kb: KnowledgeBase | None = None,
                       samples: int = 10_000, seed: int = 1) -> RobustnessSummary:
    """How sure is the first choice? Stability intervals + SMAA acceptability, in numbers and sentences."""
    kb = kb or default_knowledge_base()
    values = score_matrix(profile, kb).decision_values
    w = np.asarray(weights.vector())
    winner = first_choice(values @ w)
    label = alternative_label(kb, ALTERNATIVES[winner])
    around = smaa(values, "around", w, samples=samples, seed=seed)
    ordinal = smaa(values, "ordinal", samples=samples, seed=seed)
    intervals = factor_intervals(values, weights, kb)
    interval_lines = [interval_sentence(i) for i in intervals]
    sensitive = sorted((i for i in intervals if np.isfinite(i.margin)), key=lambda i: i.margin)
    sentences = [acceptability_sentence(label, around.first_rank[winner], "around"),
                 acceptability_sentence(label, ordinal.first_rank[winner], "ordinal")]
    totals = values @ w
    first = leaders(range(len(ALTERNATIVES)), key=lambda i: totals[i])
    if first.tied:
        sentences.insert(0, f"Med vektene nå deler {first.names(lambda i: alternative_label(kb, ALTERNATIVES[i]))} "
                            f"førsteplassen; tallene gjelder {label}.")
    sentences += [interval_sentence(i) for i in sensitive[:SENSITIVE_SHOWN]]
    robust = len(intervals) - len(sensitive)
    if robust:
        sentences.append(f"For {robust} av {len(intervals)} faktorer står anbefalingen seg uansett vekt.")
    return RobustnessSummary(winner_key=ALTERNATIVES[winner].key, winner_label=label,
                             winner_acceptability=around.first_rank[winner],
                             ordinal_acceptability=ordinal.first_rank[winner], samples=samples, seed=seed,
                             sentences=sentences, interval_sentences=interval_lines, intervals=intervals)
