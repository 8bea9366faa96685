"""Two or three scenarios side by side: rankings, winners, and what changed between them."""

from __future__ import annotations

from pydantic import BaseModel

from .. import format as fmt
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.registry import FACTOR_IDS
from ..ui.session import source_label
from .model import METHOD_LABELS, Scenario, ScenarioError, profile_rows


class ScenarioResult(BaseModel, frozen=True):
    """One scenario's outcome: winner, and rank, total and label per alternative key."""

    name: str
    winner_key: str            # the first of the alternatives sharing first place
    winner_label: str          # «X», or «X og Y (delt førsteplass)» when totals tie
    winner_score: float
    winner_keys: tuple[str, ...] = ()  # every alternative sharing first place
    ranks: dict[str, int]      # alternative key -> rank
    scores: dict[str, float]   # alternative key -> total
    labels: dict[str, str]     # alternative key -> label


class Change(BaseModel, frozen=True):
    """One difference between the scenarios (profile field, weight, override, method), one value each."""

    kind: str     # "Profil", "Vekt", "Overstyring", "Metode"
    what: str
    values: tuple[str, ...]  # one per scenario


class Comparison(BaseModel, frozen=True):
    """Two or three scenarios side by side: their results and what differs between them."""

    results: tuple[ScenarioResult, ...]
    changes: tuple[Change, ...]

    @property
    def same_winner(self) -> bool:
        """The same first place (the same set of alternatives, when tied) in every scenario."""
        return len({frozenset(r.winner_keys or (r.winner_key,)) for r in self.results}) == 1

    def summary(self) -> str:
        """The plain answer first, in Norwegian: same winner or not, and how many differences."""
        names = [f"«{r.name}»" for r in self.results]
        if self.same_winner:
            tied = len(self.results[0].winner_keys) > 1
            return (f"{'Samme delte førsteplass' if tied else 'Samme vinner'} i alle scenariene: "
                    f"{self.results[0].winner_label}. "
                    f"{fmt.plural(len(self.changes), 'forskjell', 'forskjeller')} mellom {', '.join(names)}.")
        winners = "; ".join(f"«{r.name}»: {r.winner_label}" for r in self.results)
        return f"Vinneren skifter mellom scenariene – {winners}."

    def rank_rows(self) -> list[dict]:
        """One row per alternative (in the first scenario's order): rank and total per scenario."""
        first = self.results[0]
        keys = sorted(first.ranks, key=lambda k: (first.ranks[k], -first.scores[k]))
        return [{"Alternativ": first.labels[k],
                 **{f"{r.name}: rang": r.ranks[k] for r in self.results},
                 **{f"{r.name}: sum": round(r.scores[k], 3) for r in self.results}} for k in keys]

    def rank_table(self):
        """`rank_rows` for the page's table, the Norwegian way (a pandas Styler: «+0,627», ranks as whole
        numbers; numbers underneath, so a click on a heading sorts them as numbers; fmt.table)."""
        import pandas as pd

        return fmt.table(pd.DataFrame(self.rank_rows()), decimals=3,
                         signed_columns=tuple(f"{r.name}: sum" for r in self.results))

    def change_rows(self) -> list[dict]:
        """The differences as table rows: type, what, and one column per scenario."""
        return [{"Type": c.kind, "Hva": c.what, **{r.name: v for r, v in zip(self.results, c.values, strict=False)}}
                for c in self.changes]


def _result(scenario: Scenario, kb: KnowledgeBase) -> ScenarioResult:
    evaluation = scenario.evaluate(kb)
    best = evaluation.best
    return ScenarioResult(
        name=scenario.name, winner_key=best.alternative.key, winner_label=evaluation.first_place_text(),
        winner_score=best.score, winner_keys=tuple(r.alternative.key for r in evaluation.firsts),
        ranks={r.alternative.key: r.rank for r in evaluation.ranking},
        scores={r.alternative.key: r.score for r in evaluation.ranking},
        labels={r.alternative.key: r.label for r in evaluation.ranking})


def row_label(kb: KnowledgeBase, row_id: str) -> str:
    """'AS × 1. Kvalitet og tilgjengelighet' for an assessment row id (the id itself is never shown)."""
    row = next((a for a in kb.assessments() if a.id == row_id), None)
    if row is None:
        return "Ukjent vurdering"
    model, form = getattr(row, "model", None), getattr(row, "form", None)
    subject = " + ".join(x for x in (kb.model(model).label if model else None,
                                     kb.form(form).label if form else None) if x)
    return f"{subject} × {row.factor}. {kb.factor(row.factor).label}"


def _changes(scenarios: list[Scenario], kb: KnowledgeBase) -> list[Change]:
    changes: list[Change] = []
    profiles = [profile_rows(s.profile, kb) for s in scenarios]
    for i, (label, _) in enumerate(profiles[0]):
        values = tuple(p[i][1] for p in profiles)
        if len(set(values)) > 1:
            changes.append(Change(kind="Profil", what=label, values=values))
    for f in FACTOR_IDS:
        points = [s.weights.points[f] for s in scenarios]
        fractions = [s.weights.fractions()[f] for s in scenarios]
        if len({round(x, 4) for x in fractions}) > 1:
            changes.append(Change(kind="Vekt", what=f"{f}. {kb.factor(f).label}",
                                  values=tuple(f"{fmt.percent(x, 1)} ({fmt.number(p, 1)} p)"
                                               for x, p in zip(fractions, points, strict=False))))
    sources = tuple(source_label(s.weights_source) for s in scenarios)
    if len(set(sources)) > 1:
        changes.append(Change(kind="Vekt", what="Kilde for vektene", values=sources))
    ids = sorted({k for s in scenarios for k in s.overrides})
    scores = {a.id: a.score for a in kb.assessments()}
    for row_id in ids:
        values = tuple(fmt.points(s.overrides.get(row_id, scores[row_id]))  # «+2», «−1» as on «Kunnskapsgrunnlag»
                       + (" (overstyrt)" if row_id in s.overrides else " (rapporten)") for s in scenarios)
        if len({s.overrides.get(row_id, scores[row_id]) for s in scenarios}) > 1:
            changes.append(Change(kind="Overstyring", what=row_label(kb, row_id), values=values))
    methods = tuple(METHOD_LABELS.get(s.method, s.method) for s in scenarios)
    if len(set(methods)) > 1:
        changes.append(Change(kind="Metode", what="Metode", values=methods))
    return changes


def compare(scenarios: list[Scenario], kb: KnowledgeBase | None = None) -> Comparison:
    """Compare 2-3 scenarios (ScenarioError otherwise)."""
    if not 2 <= len(scenarios) <= 3:
        raise ScenarioError("Velg to eller tre scenarier å sammenligne")
    if len({s.name for s in scenarios}) != len(scenarios):
        raise ScenarioError("Velg forskjellige scenarier")
    kb = kb or default_knowledge_base()
    return Comparison(results=tuple(_result(s, kb) for s in scenarios), changes=tuple(_changes(scenarios, kb)))
