"""«Vurdering» of the decision memo: the method and the scale the numbers can reach in this case, the weights
and where they come from, own assessments that differ from the report, how sure the ranking is (robustness),
what a workshop disagreed on, and what must be clarified (the evaluation's warnings)."""

from __future__ import annotations

from typing import Any

from .. import format as fmt
from ..decision.evaluation import Evaluation
from ..decision.knowledge import KnowledgeBase
from ..decision.lead import points_range
from ..decision.registry import FACTOR_IDS
from ..decision.weights import Weights
from ..scenarios.compare import row_label
from ..scenarios.model import METHOD_LABELS
from ..ties import leaders
from ..ui.session import source_label
from .document import SECTION_TITLES, Bullets, Paragraph, Quote, Section, Subheading, Table


def scale_text(evaluation: Evaluation) -> str:
    """What the numbers can reach, computed from this case: the points per factor (the report's −2 … +2
    plus adjustments from the profile, so they can reach ±3), and the range of the weighted sum (an
    alternative with the lowest / highest points on every factor, with the transition cost) beside
    where the twelve alternatives actually lie."""
    rows = evaluation.ranking
    lowest, highest = points_range(evaluation)
    w = evaluation.weights
    low = sum(w[f] * min(r.factor_scores[f] for r in rows) for f in FACTOR_IDS) + min(
        r.components.get("transition", 0.0) for r in rows)
    high = sum(w[f] * max(r.factor_scores[f] for r in rows) for f in FACTOR_IDS) + max(
        r.components.get("transition", 0.0) for r in rows)
    scores = [r.score for r in rows]
    widened = lowest < -2 or highest > 2  # the profile's adjustments reach past the report's scale
    return ("Hvert alternativ får poeng per suksessfaktor fra rapportens vurderinger (−2 til +2, 0 betyr «ingen "
            "forskjell»), justert for samarbeidets profil"
            + (f"; i denne saken går poengene fra {fmt.points(lowest)} til {fmt.points(highest)}"
               if widened else "")
            + ". Poengene vektes med vektene nedenfor og legges sammen. Den vektede "
            f"summen kan her gå fra {fmt.signed(low)} til {fmt.signed(high)}; de tolv alternativene ligger mellom "
            f"{fmt.signed(min(scores))} og {fmt.signed(max(scores))}.")


def _workshop_method(method: str | None) -> str:
    from ..workshop.models import METHOD_LABELS as WORKSHOP_METHODS

    if not method:
        return "ikke oppgitt"
    return fmt.in_sentence(WORKSHOP_METHODS[method]) if method in WORKSHOP_METHODS else method


def _weights_table(weights: Weights, kb: KnowledgeBase) -> Table:
    fractions = weights.fractions()
    return Table(caption="Vekter per suksessfaktor (faktorene i rapportens prioriterte rekkefølge, kap. 4.3)",
                 columns=("Nr.", "Suksessfaktor", "Poeng", "Vekt"),
                 rows=tuple((str(f), kb.factor(f).label, fmt.number(weights.points[f], 1), fmt.percent(fractions[f], 1))
                            for f in FACTOR_IDS), numeric=(True, False, True, True))


def _robustness_blocks(robustness: Any) -> list:
    if robustness is None:
        return [Paragraph(text="Robusthetsanalysen er ikke tatt med i dette notatet.")]
    blocks: list = [Subheading(text="Hvor sikker er rangeringen?"),
                    Paragraph(text="Robustheten er målt med stabilitetsintervaller per vekt og SMAA (stokastisk "
                                   f"multikriterieanalyse, {fmt.number(robustness.samples)} trukne vektinger)."),
                    Bullets(items=tuple(robustness.sentences))]
    return blocks


def _workshop_blocks(workshop: dict | None, kb: KnowledgeBase) -> list:
    if not workshop:
        return []
    dissent = [(int(f), float(s)) for f, s in (workshop.get("dissent") or [])]
    blocks: list = [Subheading(text="Workshop og uenighet"),
                    Paragraph(text=f"Vektene ble drøftet i workshopen «{workshop.get('title') or 'uten tittel'}» med "
                                   f"{fmt.plural(int(workshop.get('participants', 0)), 'deltaker', 'deltakere')} "
                                   f"(metode: {_workshop_method(workshop.get('method'))}).")]
    if dissent and leaders(dissent, key=lambda d: d[1]).everyone and max(s for _, s in dissent) <= 1e-12:
        blocks.append(Paragraph(text="Alle deltakerne ga de samme vektene: det var ingen uenighet om faktorene."))
    elif dissent:
        shown = sorted(dissent, key=lambda d: -d[1])[:5]
        blocks.append(Table(caption="Faktorene deltakerne var mest uenige om (standardavvik i vekt)",
                            columns=("Suksessfaktor", "Spredning"),
                            rows=tuple((f"{f}. {kb.factor(f).label}", fmt.percent(s, 1)) for f, s in shown),
                            numeric=(False, True)))
    return blocks


def assessment_section(evaluation: Evaluation, weights: Weights, weights_source: str, overrides: dict[str, int],
                       method: str, kb: KnowledgeBase, base_kb: KnowledgeBase, robustness: Any,
                       workshop: dict | None) -> Section:
    """«Vurdering»: the method and `scale_text`, where the weights come from and the weights table, own
    assessments (`overrides`, id -> score) beside the report's (`base_kb`), `robustness` (a robustness
    summary, or None: said to be left out), the `workshop` (dict with title, participants, method, dissent)
    when there is one, and the evaluation's warnings with the report's words."""
    blocks: list = [
        Paragraph(text=f"Metode: {METHOD_LABELS.get(method, method)}. {scale_text(evaluation)}"),
        Paragraph(text=f"Vektene kommer fra: {source_label(weights_source)}."),
        _weights_table(weights, kb),
    ]
    if overrides:
        scores = {a.id: a.score for a in base_kb.assessments()}
        blocks.append(Table(caption="Egne vurderinger som avviker fra rapporten",
                            columns=("Vurdering", "Rapporten", "Brukt"),
                            rows=tuple((row_label(kb, k), fmt.signed(scores.get(k, 0), 0), fmt.signed(v, 0))
                                       for k, v in sorted(overrides.items())), numeric=(False, True, True)))
    blocks += _robustness_blocks(robustness)
    blocks += _workshop_blocks(workshop, kb)
    if evaluation.warnings:
        blocks.append(Subheading(text="Forhold som må avklares"))
        for advice in evaluation.warnings:
            blocks.append(Paragraph(text=advice.message))
            blocks.append(Quote(text=advice.quote, source=f"Rapporten, kap. {advice.section}"))
    return Section(id="vurdering", title=SECTION_TITLES["vurdering"], blocks=tuple(blocks))
