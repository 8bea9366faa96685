"""Tables (pandas DataFrames) and small view helpers for the robustness and pairwise pages."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .. import format as fmt
from ..decision.knowledge import KnowledgeBase
from ..ties import join_names
from .ahp import CR_LIMIT, AhpResult, GroupedResult, best_single_change, value_to_position
from .reading import FactorInterval
from .smaa import SmaaResult


def interval_table(intervals: Sequence[FactorInterval]) -> pd.DataFrame:
    """The stability chart as a table (its text alternative)."""
    return pd.DataFrame([{
        "Faktor": f"{i.factor_id}. {i.label}", "Din vekt": fmt.percent(i.current, 1),
        "Står seg fra": fmt.percent(i.lower, 1), "Står seg til": fmt.percent(i.upper, 1),
        "Overtar under": i.takeover_below_label or "–", "Overtar over": i.takeover_above_label or "–",
    } for i in intervals])


def _most_often_best(result: SmaaResult) -> list[int]:
    """Alternatives most often best first (then by holistic acceptability).

    Sorted before a frame is built: pandas' sort, drop and reset cost 4 ms of the 6 ms this took on every
    weight change on «Robusthet» (issue 14)."""
    return sorted(range(len(result.holistic)), key=lambda i: -result.first_rank[i] - 1e-3 * result.holistic[i])


def acceptability_data(result: SmaaResult, labels: Sequence[str]) -> pd.DataFrame:
    """The acceptability table with numbers as numbers, for the downloads: percentages as percent (0..100,
    two decimals), holistic acceptability with four decimals, no confidence as an empty cell. Most often
    best first, as on the page."""
    order = _most_often_best(result)
    return pd.DataFrame([{
        "Alternativ": labels[i], "Best (b¹) (%)": round(100 * result.first_rank[i], 2),
        "Blant de tre beste (%)": round(100 * sum(result.rank_acceptability[i][:3]), 2),
        "Helhetlig aksept": round(result.holistic[i], 4),
        "Konfidens (%)": None if result.confidence[i] is None else round(100 * result.confidence[i], 2),
    } for i in order], columns=["Alternativ", "Best (b¹) (%)", "Blant de tre beste (%)", "Helhetlig aksept",
                                "Konfidens (%)"])


def acceptability_table(result: SmaaResult, labels: Sequence[str]) -> pd.DataFrame:
    """First-rank acceptability, holistic acceptability and confidence as the page shows them (Norwegian
    text), most often first on top."""
    order = _most_often_best(result)
    return pd.DataFrame([{
        "Alternativ": labels[i], "Best (b¹)": fmt.percent(result.first_rank[i], 1),
        "Blant de tre beste": fmt.percent(sum(result.rank_acceptability[i][:3]), 1),
        "Helhetlig aksept": fmt.number(result.holistic[i], 3),
        "Konfidens": "–" if result.confidence[i] is None else fmt.percent(result.confidence[i], 0),
    } for i in order])


def ranking_table(ranking: Sequence[tuple[int, int, float]], labels: Sequence[str]) -> pd.DataFrame:
    """(rank, alternative index, total) rows as a table with labels and signed totals."""
    return pd.DataFrame([{"Rang": r, "Alternativ": labels[i], "Totalskår": fmt.signed(t)} for r, i, t in ranking])


def scale_option(position: int, left: str, right: str) -> str:
    """Short text for a Saaty slider position: «Ledelse 5», «Like», «Samarbeid 3»."""
    if position == 0:
        return "Like viktige"
    return f"{left if position < 0 else right} {abs(position) + 1}"


def short_label(kb: KnowledgeBase, factor_id: int) -> str:
    """Factor label without the parenthesis: «Gjennomføringsevne»."""
    return kb.factor(factor_id).label.split(" (")[0]


def ahp_weights_data(kb: KnowledgeBase, weights: dict[int, float]) -> pd.DataFrame:
    """AHP weights per factor with numbers as numbers, for the downloads: weight in percent and slider
    points (both x 100, two decimals)."""
    return pd.DataFrame([{"Faktor": f"{fid}. {kb.factor(fid).label}", "Vekt (%)": round(w * 100, 2),
                          "Poeng": round(w * 100, 2)} for fid, w in sorted(weights.items())])


def ahp_weights_table(kb: KnowledgeBase, weights: dict[int, float]) -> pd.DataFrame:
    """AHP weights per factor as the page shows them: percent and slider points (x 100, one decimal)."""
    return pd.DataFrame([{"Faktor": f"{fid}. {kb.factor(fid).label}", "Vekt": fmt.percent(w, 1),
                          "Poeng": fmt.number(w * 100, 1)} for fid, w in sorted(weights.items())])


def consistency_rows(names: Sequence[str], results: Sequence[AhpResult | None]) -> pd.DataFrame:
    """CR per matrix asked, with the flag and the judgment that contributes most to the inconsistency."""
    return pd.DataFrame([{
        "Sammenligning": name, "λmax": fmt.number(r.lambda_max, 3), "CI": fmt.number(r.ci, 3),
        "RI": fmt.number(r.ri, 4), "CR": fmt.number(r.cr, 3),
        "Vurdering": "✓ konsistent (CR ≤ 0,10)" if r.consistent else "⚠ inkonsistent (CR > 0,10)",
    } for name, r in zip(names, results, strict=False) if r is not None])


def worst_judgment_text(result: AhpResult, names: Sequence[str], matrix=None) -> str | None:
    """What to change: the one judgment whose change helps most, and to what (never the answer given).

    With `matrix` (the judgments asked), the advice is `ahp.best_single_change`: «Endre «A mot B» fra
    «A 9» til «Like viktige»; da blir CR 0,00.» Without it, the judgment that contributes most, and the
    value the other answers imply — only when that differs from the answer given. None if no advice.
    """
    if matrix is not None:
        change = best_single_change(matrix)
        if change is None:
            return None
        left, right = names[change.row], names[change.col]
        # one change may not be enough (a tester's three answers at 9 in a circle: CR 0,50 after it): say so
        still = ("" if change.cr <= CR_LIMIT else
                 f", fortsatt over {fmt.number(CR_LIMIT, 2)}: endre også andre svar som trekker i hver sin retning")
        return (f"Forslag: endre «{left} mot {right}» fra «{scale_option(change.said, left, right)}» til "
                f"«{scale_option(change.better, left, right)}»; da blir CR {fmt.number(change.cr, 2)}{still}.")
    if result.worst is None:
        return None
    w = result.worst
    said, suggested = value_to_position(w.value), value_to_position(w.suggested)
    if said == suggested:  # the consistent value is off the scale: no honest single suggestion here
        return f"Vurderingen som bidrar mest til inkonsistensen: «{names[w.row]}» mot «{names[w.col]}»."
    return (f"Vurderingen som bidrar mest til inkonsistensen: «{names[w.row]}» mot «{names[w.col]}». "
            f"Du valgte «{scale_option(said, names[w.row], names[w.col])}»; resten av svarene tilsier omtrent "
            f"«{scale_option(suggested, names[w.row], names[w.col])}».")


def ahp_lead(weights: dict[int, float], labels: dict[int, str], consistent: bool) -> str:
    """The AHP page's answer in one plain sentence: which factors weigh most and least, and whether the
    answers hang together (CR ≤ 0,10). Ties are named together («X og Y veier mest, 8 % hver»)."""
    top = max(weights.values())
    low = min(weights.values())
    most = [labels[f] for f, w in sorted(weights.items()) if abs(w - top) < 5e-4]
    least = [labels[f] for f, w in sorted(weights.items()) if abs(w - low) < 5e-4]
    if len(most) == len(weights):
        text = f"Svarene gir alle de {len(weights)} faktorene lik vekt ({fmt.percent(top, 1)} hver)."
    else:
        def named(items, w):  # more than three alike: counted, not listed (ten names joined by «og» read badly)
            if len(items) == 1:
                return f"«{items[0]}» ({fmt.percent(w, 1)})"
            if len(items) > 3:
                return f"{fmt.number(len(items))} av faktorene ({fmt.percent(w, 1)} hver)"
            return join_names(f"«{i}»" for i in items) + f" ({fmt.percent(w, 1)} hver)"
        text = (f"Med svarene dine veier {named(most, top)} mest og {named(least, low)} minst.")
    return text + (" Svarene henger godt sammen." if consistent else
                   " Noen svar trekker i hver sin retning – se forslaget under før du bruker vektene.")


def grouped_summary(result: GroupedResult) -> str:
    """One Norwegian sentence: how many judgments the grouped path took, and whether all are consistent."""
    return (f"{result.judgments} vurderinger i stedet for 66. "
            + ("Alle matrisene er konsistente." if result.consistent else "Minst én matrise er inkonsistent."))
