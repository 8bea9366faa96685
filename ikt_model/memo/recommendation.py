"""The recommendation in the decision memo, said twice as a saksframlegg says it: first as the plain answer
with the draft resolution («Sammendrag og forslag til vedtak», the memo's opening section), then with its
reasons («Anbefaling»: the report's words, how the ranking agrees, how sure it is, who pays most)."""

from __future__ import annotations

from typing import Any

from .. import format as fmt
from ..costs.split import CostSplit, largest_payer_text
from ..decision.evaluation import Evaluation
from ..ties import join_names, leaders_counted
from .document import SECTION_TITLES, Paragraph, Quote, Section, Subheading


def _resolution(evaluation: Evaluation, costs: CostSplit | None, subject: str) -> str:
    """The draft resolution: the first alternative(s) for further work, the stable-operations gate first."""
    winners = evaluation.winners
    names = join_names(w.label for w in winners)
    main = (f"med {names} som likeverdige hovedalternativer" if len(winners) > 1 else
            f"med {names} som hovedalternativ")
    if counted := leaders_counted(len(winners), len(evaluation.ranking)):  # the weights do not separate them
        rec = evaluation.recommendation
        advice = next((w.label for w in winners if w.alternative == rec.alternative), None)
        main = (f"med {advice} som hovedalternativ, etter rapportens råd (kap. {rec.section}): de valgte vektene "
                f"gir likt resultat for {counted}" if advice else
                f"med en ny drøfting av vektene: de valgte vektene gir likt resultat for {counted}")
    resolution = (f"{subject} utredes videre {main}, jf. vurderingen i dette saksframlegget"
                  + ("." if costs is None else ", og med kostnadsfordelingen i vedlegg 1."))
    if evaluation.recommendation.gate:
        resolution = f"Samarbeidet prioriterer å få stabil drift på plass (rapporten kap. 3.1). Deretter: {resolution}"
    return resolution


def _ranking_sentence(evaluation: Evaluation) -> str:
    winners = evaluation.winners
    names = leaders_counted(len(winners), len(evaluation.ranking)) or join_names(w.label for w in winners)
    if evaluation.disagreement:
        return evaluation.disagreement + " Begrunn valget særskilt."
    if len(evaluation.winners) > 1:
        return f"Den vektede rangeringen gir likt resultat for {names}."
    return f"Den vektede rangeringen peker på det samme: {names} kommer først."


def summary_section(evaluation: Evaluation, costs: CostSplit | None, subject: str) -> Section:
    """The plain answer first, as a saksframlegg opens: the recommendation and the draft resolution."""
    blocks = [Paragraph(text=evaluation.recommendation.text), Paragraph(text=_ranking_sentence(evaluation)),
              Subheading(text="Forslag til vedtak (utkast)"), Paragraph(text=_resolution(evaluation, costs, subject))]
    return Section(id="innstilling", title=SECTION_TITLES["innstilling"], blocks=tuple(blocks))


def recommendation_section(evaluation: Evaluation, robustness: Any, costs: CostSplit | None) -> Section:
    """Why: the recommendation with the report's words, how the ranking agrees, how sure it is, who pays most."""
    rec = evaluation.recommendation
    blocks: list = [Paragraph(text=rec.text), Quote(text=rec.quote, source=f"Rapporten, kap. {rec.section}"),
                    Paragraph(text=_ranking_sentence(evaluation))]
    if robustness is not None:
        blocks.append(Paragraph(text=robustness.sentences[0] if robustness.sentences else ""))
    if costs is not None:
        blocks.append(Paragraph(text=f"Med et årsbudsjett på {fmt.kroner(costs.budget)} fordelt etter nøkkelen "
                                     f"«{costs.method_text}» {largest_payer_text(costs)}; se vedlegg."))
    blocks.append(Paragraph(text="Forslag til vedtak: se første del av saksframlegget."))
    return Section(id="anbefaling", title=SECTION_TITLES["anbefaling"], blocks=tuple(blocks))
