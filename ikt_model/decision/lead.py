"""How clear is the lead? A plain reading of the weighted sum for a kommunedirektør.

«Vektet sum +0,89» means nothing on its own. The sum is Σ weight × score, and a score moves in whole steps
on the report's ordinal scale (−2 … +2, 4.2), so the natural yardstick for a gap between two sums is
ONE STEP on one factor: a factor with weight w moves a total by w when one of its scores moves one step.

The rule (this tool's, stated on the page):
  * «likt»          the totals are equal (the ranking's tie tolerance): the alternatives share first place;
  * «nesten likt»   the gap to the runner-up is smaller than one step on the SMALLEST weighted factor:
                    the smallest judgement change the user can make could reverse it;
  * «knapp ledelse» the gap is smaller than one step on the LARGEST weighted factor;
  * «klar ledelse»  the gap is at least one step on the largest weighted factor.
Factors with weight 0 do not count (they cannot move a total).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from .. import format as fmt
from ..ties import join_names, leaders_counted
from .evaluation import Evaluation
from .registry import FACTOR_IDS

Closeness = Literal["likt", "nesten_likt", "knapp", "klar"]
CLOSENESS_LABELS: dict[str, str] = {"likt": "Likt", "nesten_likt": "Nesten likt", "knapp": "Knapp ledelse",
                                    "klar": "Klar ledelse"}


class LeadReading(BaseModel, frozen=True):
    """The lead of first place over the rest, read against one step on a factor.

    `closeness`: see the module rule. `leaders`: the labels that share first place («likt») or are within
    one step of the smallest weighted factor («nesten likt», first place first); one label otherwise.
    `margin`: first total minus the best total outside first place (0 when all tie). `small_step` /
    `large_step`: one step on the smallest / largest weighted factor (the weight as a fraction), with the
    factors' labels. `label`: «Klar ledelse» …; `text`: the reading in plain Norwegian (without the label).
    """

    closeness: Closeness
    leaders: tuple[str, ...]
    margin: float
    small_step: float
    small_factor: str
    large_step: float
    large_factor: str
    label: str
    text: str

    @property
    def sentence(self) -> str:
        """«Klar ledelse: 0,56 foran …»: the label and the reading in one sentence."""
        return f"{self.label}: {self.text}"


def read_lead(result: Evaluation, factor_labels: dict[int, str]) -> LeadReading:
    """Read how clear the lead of `result`'s first place is (rule in the module docstring).

    `factor_labels`: factor id -> label. Raises ValueError when no factor has a positive weight.
    """
    weighted = [(result.weights[f], f) for f in FACTOR_IDS if result.weights[f] > 0]
    if not weighted:
        raise ValueError("no factor has a positive weight")
    small, small_id = min(weighted)
    large, large_id = max(weighted)
    firsts = [r for r in result.ranking if r.rank == 1]
    rest = [r for r in result.ranking if r.rank != 1]
    top = firsts[0].score
    margin = top - rest[0].score if rest else 0.0
    near = [r for r in rest if top - r.score < small - 1e-12]
    common = dict(margin=margin, small_step=small, small_factor=factor_labels[small_id], large_step=large,
                  large_factor=factor_labels[large_id])
    step_small = f"ett trinn på «{factor_labels[small_id]}» ({fmt.percent(small)} av vekten)"
    step_large = f"ett trinn på «{factor_labels[large_id]}» ({fmt.percent(large)} av vekten)"
    if len(firsts) > 1:
        names = _join([r.label for r in firsts])
        if not rest:
            text = f"Alle {len(firsts)} alternativene står likt med disse vektene."
        else:
            text = f"{names} står likt på førsteplass: vektene skiller dem ikke."
        return LeadReading(closeness="likt", leaders=tuple(r.label for r in firsts), label=CLOSENESS_LABELS["likt"],
                           text=text, **common)
    first = firsts[0]
    if near:
        others = _join([f"{r.label} ({fmt.signed(r.score, result.sum_decimals)})" for r in near])
        text = (f"{first.label} leder med {fmt.number(margin, 2)} over {others}. Det er mindre enn "
                f"{step_small}, så én endret vurdering kan snu rekkefølgen.")
        return LeadReading(closeness="nesten_likt", leaders=(first.label, *(r.label for r in near)),
                           label=CLOSENESS_LABELS["nesten_likt"], text=text, **common)
    # every alternative sharing second place: naming one of two tied runners-up would be corrected by the room
    runners = [r.label for r in rest if r.rank == rest[0].rank]
    runner = _join(runners) + (" (delt andreplass)" if len(runners) > 1 else "")
    if margin < large - 1e-12:
        text = (f"{fmt.number(margin, 2)} foran {runner}, mindre enn {step_large}.")
        return LeadReading(closeness="knapp", leaders=(first.label,), label=CLOSENESS_LABELS["knapp"], text=text,
                           **common)
    steps = margin / large
    text = (f"{fmt.number(margin, 2)} foran {runner}, det samme som "
            f"{fmt.number(steps, 1)} trinn på den viktigste faktoren («{factor_labels[large_id]}», "
            f"{fmt.percent(large)} av vekten).")
    return LeadReading(closeness="klar", leaders=(first.label,), label=CLOSENESS_LABELS["klar"], text=text, **common)


def points_range(result: Evaluation) -> tuple[float, float]:
    """The lowest and highest points any of the alternatives gets on any factor in this case: the report's
    ordinal scale (−2 … +2 per source, 4.2) as the profile's context rules adjust it (−2,5 with the default
    profile, so the scale alone would be corrected by the room). Needs a ranking of at least one alternative."""
    points = [v for row in result.ranking for v in row.factor_scores.values()]
    return min(points), max(points)


def sum_explained(result: Evaluation) -> str:
    """The sentence under the lead on «Sammenligning»: what the sum is and what one step on a factor does, with
    the range the points actually reach in this case when the profile's adjustments widen the report's scale
    («… går poengene i denne saken fra −2,5 til +2.»)."""
    low, high = points_range(result)
    text = ("Summen er vekt × poeng lagt sammen; ett trinn på rapportens skala (−2 … +2) på en faktor flytter "
            "summen med faktorens vekt.")
    if low < -2 or high > 2:
        text += (f" Med profilens justeringer går poengene i denne saken fra {fmt.points(low)} til "
                 f"{fmt.points(high)}.")
    return text


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def leaders_named(result: Evaluation) -> str:
    """The alternatives sharing first place for the headline, in Markdown: up to MANY_LEADERS names in bold,
    joined the Norwegian way; more are counted («**alle 12 alternativene**», «**5 alternativer**»). With every
    weight but one at 0 all twelve can tie, and twelve bold names read as one run (a fresh tester)."""
    winners = result.winners
    counted = leaders_counted(len(winners), len(result.ranking))
    return f"**{counted}**" if counted else join_names(f"**{w.label}**" for w in winners)


def agreement_note(result: Evaluation) -> str | None:
    """The line under the headline on how the ranking and the report's advice (4.2) relate, when they do not
    part (then `result.disagreement` says why) and the advice is not held back by stable operations (`gate`):
    «… peker på det samme alternativet» for one winner; for a shared first place, that the report's choice is
    one of those sharing it (with all twelve level, the ranking points at none). None otherwise."""
    rec = result.recommendation
    if result.disagreement or rec.gate:
        return None
    winners = result.winners
    if len(winners) == 1:
        return "Rangeringen og rapportens råd peker på det samme alternativet."
    chosen = next(w.label for w in winners if w.alternative == rec.alternative)
    if len(winners) == len(result.ranking):
        return (f"Rangeringen skiller ikke alternativene med disse vektene; rapportens råd er {chosen}.")
    return f"Rapportens råd, {chosen}, er blant de {len(winners)} som deler førsteplassen."
