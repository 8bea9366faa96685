"""Evaluate a profile with weights: the ranked, explained comparison the pages and CLI show.

Each alternative's total is split into its components (governance model, organisation form, model/form
fit, context, transition; see scoring.py), and the report's advice (recommendation.py) is set beside the
ranking, with the reason in plain words when the two disagree.
"""

from __future__ import annotations

from pydantic import BaseModel

from .. import format as fmt
from ..ties import Leaders, join_names, leaders_counted
from .knowledge import KnowledgeBase, default_knowledge_base
from .profile import Profile
from .recommendation import Recommendation, recommend
from .registry import ALTERNATIVES, FACTOR_IDS, Alternative
from .rules import CONDITIONS
from .scoring import COMPONENTS, Part, TransitionPart, competition_ranks, score_matrix, totals
from .weights import Weights

REASONS_SHOWN = 3


class Reason(BaseModel, frozen=True):
    """One part of one factor's score, weighted: why an alternative gains or loses."""

    factor_id: int
    factor_label: str
    weighted: float
    part: Part


class FactorNet(BaseModel, frozen=True):
    """One factor's net weighted contribution to an alternative's total: every part of its score (governance
    model, organisation form, their fit, context) added, times the factor's weight (a fraction of 1).

    A factor whose model part counts for an alternative and whose form part counts against it is, net, on one
    side only: the side `contribution`'s sign says, which is how it moves the total."""

    factor_id: int
    factor_label: str
    contribution: float


class Advice(BaseModel, frozen=True):
    """Advice or a warning from a context rule: `code` is the rule id, `severity` info/warning/error."""

    code: str
    severity: str
    message: str
    section: str
    quote: str


class RankedAlternative(BaseModel, frozen=True):
    """One alternative's place, total, components (summing to `score`), reasons and notes.

    `reasons_for`/`reasons_against`: the strongest single parts (a factor may be on both sides, once for its
    model part and once for its form part); `factors_for`/`factors_against`: the factors by net contribution
    (`FactorNet`, a factor on one side only), strongest first, at most `REASONS_SHOWN` each."""

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
    components: dict[str, float] = {}
    transition: tuple[TransitionPart, ...] = ()
    factors_for: tuple[FactorNet, ...] = ()
    factors_against: tuple[FactorNet, ...] = ()


COMPONENT_LABELS: dict[str, str] = {
    "model": "Styringsmodell", "form": "Organisasjonsform", "fit": "Samspill modell/form",
    "context": "Kontekst (profilen)", "transition": "Omstillingskostnad",
}


class Evaluation(BaseModel, frozen=True):
    """The ranking (ties share a rank), warnings, the report's advice and, if they differ, why."""

    profile: Profile
    weights: dict[int, float]
    ranking: tuple[RankedAlternative, ...]
    warnings: tuple[Advice, ...]
    recommendation: Recommendation
    disagreement: str | None = None

    @property
    def best(self) -> RankedAlternative:
        """The first of the alternatives ranked first (see `firsts` for a shared first place)."""
        return self.ranking[0]

    @property
    def winners(self) -> tuple[RankedAlternative, ...]:
        """Every alternative sharing first place (more than one on a tie)."""
        return tuple(r for r in self.ranking if r.rank == 1)

    @property
    def firsts(self) -> tuple[RankedAlternative, ...]:
        """Same as `winners`: every alternative with rank 1."""
        return self.winners

    @property
    def first_place(self) -> Leaders[RankedAlternative]:
        """The first place as `Leaders` (ties from the ranks, which use the scoring tolerance)."""
        return Leaders(items=self.winners, total=len(self.ranking))

    def first_place_text(self) -> str:
        """«X» alone, «X og Y (delt førsteplass)» when totals tie, «alle 12 alternativene står likt»."""
        return self.first_place.phrase(lambda r: r.label, everyone="alle {n} alternativene står likt")

    @property
    def sum_decimals(self) -> int:
        """Decimals to print the totals with: 2, or 3 or 4 when two alternatives of different rank would print
        alike with fewer («2. … +0,07» above «3. (delt) … +0,07» read as a tie ranked apart: a fresh tester).
        Totals that differ by less than 0,00005 print alike even with 4."""
        totals = sorted({(r.rank, r.score) for r in self.ranking})
        for decimals in (2, 3, 4):
            printed = {}
            if all(printed.setdefault(round(score, decimals), rank) == rank for rank, score in totals):
                return decimals
        return 4

    def find(self, alternative: Alternative) -> RankedAlternative:
        """The ranking's row for `alternative` (every alternative is in the ranking)."""
        return next(r for r in self.ranking if r.alternative == alternative)


def alternative_label(kb: KnowledgeBase, alternative: Alternative) -> str:
    """«Alternativ modell + Kommunalt oppgavefellesskap (KO)»: model label + today's form label."""
    return f"{kb.model(alternative.model).label} + {kb.form(alternative.form).label}"


def _advice(rule) -> Advice:
    return Advice(code=rule.id, severity=rule.severity or "info", message=rule.message,
                  section=rule.section, quote=rule.quote)


def _why_ranking_differs(kb: KnowledgeBase, fractions: dict[int, float], best: RankedAlternative,
                         target: RankedAlternative, tied: tuple[RankedAlternative, ...] = ()) -> str:
    """One Norwegian paragraph: which weighted factors and components put `best` ahead of the report's target.
    `tied`: every alternative sharing first place with `best` (named together, never `best` alone)."""
    gains = sorted(((fractions[f] * (best.factor_scores[f] - target.factor_scores[f]), f) for f in FACTOR_IDS),
                   reverse=True)
    drivers = [f"«{kb.factor(f).label}» ({fmt.signed(g)})" for g, f in gains[:3] if g > 1e-9]
    transition_gain = best.components.get("transition", 0.0) - target.components.get("transition", 0.0)
    first = (f"«{best.label}» først" if len(tied) < 2 else
             (leaders_counted(len(tied), len(ALTERNATIVES)) or join_names(f"«{r.label}»" for r in tied))
             + " likt først")
    text = (f"Rangeringen med disse vektene setter {first} ({fmt.signed(best.score)}), mens rapportens "
            f"råd er «{target.label}» ({fmt.signed(target.score)}).")
    if drivers:
        # the numbers are weighted points (weight × difference in points), not weights: said so
        text += " Forspranget kommer mest fra " + join_names(drivers) + " (vektet: vekt × forskjell i poeng)."
    if transition_gain > 1e-9:
        text += f" Lavere omstillingskostnad bidrar med {fmt.signed(transition_gain)}."
    return text + " Rapportens råd gjelder uansett vekter; rangeringen viser hva vektene deres legger mest vekt på."


NET_TOLERANCE = 1e-12  # a factor's net contribution closer to 0 than this counts as none (float sums)


def net_factors(contributions: dict[int, float], labels: dict[int, str], sign: int) -> tuple[FactorNet, ...]:
    """The factors whose net weighted contribution has `sign` (+1 for, -1 against), strongest first (ties in
    the report's priority order), at most `REASONS_SHOWN`. `contributions`: factor id -> score x weight
    fraction, the parts of one factor already added (RankedAlternative.contributions)."""
    chosen = sorted((f for f, c in contributions.items() if c * sign > NET_TOLERANCE),
                    key=lambda f: (-sign * contributions[f], f))
    return tuple(FactorNet(factor_id=f, factor_label=labels[f], contribution=contributions[f])
                 for f in chosen[:REASONS_SHOWN])


def evaluate(profile: Profile, weights: Weights, kb: KnowledgeBase | None = None) -> Evaluation:
    """Rank the 12 alternatives for `profile` with `weights` (normalised once, in Weights)."""
    kb = kb or default_knowledge_base()
    matrix = score_matrix(profile, kb)
    vector = weights.fraction_vector  # normalised once per Weights object
    fractions = dict(zip(FACTOR_IDS, vector.tolist(), strict=False))
    scores = totals(matrix.values, vector, matrix.transition)
    component_totals = {c: matrix.by_component[c] @ vector for c in COMPONENTS[:-1]}
    ranks = competition_ranks(scores)
    current = (Alternative(model=profile.current_model, form=profile.current_form)
               if profile.current_model and profile.current_form else None)
    factor_labels = {f.id: f.label for f in kb.factors}
    ranked = []
    for i, alt in enumerate(matrix.alternatives):
        # (weighted, factor, part) for every part that counts; Reason objects only for the ones shown
        weighted = [(fractions[f] * p.effective, f, p) for f in FACTOR_IDS for p in matrix.parts[(alt.key, f)]
                    if p.score != 0 and fractions[f] > 0]
        pros = [Reason(factor_id=f, factor_label=factor_labels[f], weighted=w, part=p) for w, f, p
                in sorted((x for x in weighted if x[0] > 0), key=lambda x: -x[0])[:REASONS_SHOWN]]
        cons = [Reason(factor_id=f, factor_label=factor_labels[f], weighted=w, part=p) for w, f, p
                in sorted((x for x in weighted if x[0] < 0), key=lambda x: x[0])[:REASONS_SHOWN]]
        notes = tuple(_advice(r) for r in kb.rules if r.kind == "note"
                      and r.model in (None, alt.model) and r.form in (None, alt.form)
                      and CONDITIONS[r.condition](profile, alt))
        contributions = {f: float(matrix.values[i, j] * fractions[f]) for j, f in enumerate(FACTOR_IDS)}
        components = {c: float(component_totals[c][i]) for c in COMPONENTS[:-1]}
        components["transition"] = float(matrix.transition[i])
        ranked.append(RankedAlternative(
            rank=int(ranks[i]), alternative=alt, label=alternative_label(kb, alt), score=float(scores[i]),
            factor_scores={f: float(matrix.values[i, j]) for j, f in enumerate(FACTOR_IDS)},
            contributions=contributions, reasons_for=tuple(pros), reasons_against=tuple(cons), notes=notes,
            is_current=alt == current, components=components, transition=matrix.transition_parts[i],
            factors_for=net_factors(contributions, factor_labels, 1),
            factors_against=net_factors(contributions, factor_labels, -1)))
    ranked.sort(key=lambda r: (r.rank, matrix.alternatives.index(r.alternative)))
    warnings = tuple(_advice(r) for r in kb.rules if r.kind == "advice"
                     and CONDITIONS[r.condition](profile, ranked[0].alternative))
    warnings = tuple(sorted(warnings, key=lambda a: {"error": 0, "warning": 1, "info": 2}[a.severity]))
    winners = tuple(r.alternative for r in ranked if r.rank == 1)
    recommendation = recommend(profile, kb, winners)
    disagreement = None
    if not recommendation.agrees_with_ranking:
        target = next(r for r in ranked if r.alternative == recommendation.alternative)
        disagreement = _why_ranking_differs(kb, fractions, ranked[0], target,
                                            tuple(r for r in ranked if r.rank == 1))
    return Evaluation(profile=profile, weights=fractions, ranking=tuple(ranked), warnings=warnings,
                      recommendation=recommendation, disagreement=disagreement)
