"""«Vedlegg» of the decision memo: the cost split when there is one (2.8), the points per factor of the three
best alternatives, and the sources."""

from __future__ import annotations

from datetime import date

from .. import format as fmt
from ..costs.split import CostSplit
from ..decision.evaluation import Evaluation
from ..decision.knowledge import KnowledgeBase
from ..decision.registry import FACTOR_IDS
from .document import SECTION_TITLES, Bullets, Paragraph, Section, Subheading, Table


def appendix_section(evaluation: Evaluation, kb: KnowledgeBase, costs: CostSplit | None, sources: tuple[str, ...],
                     today: date) -> Section:
    """«Vedlegg»: vedlegg 1 the cost split when `costs` is given (2.8), then the points per factor of the
    three best alternatives (before weighting), and the `sources` as a list."""
    blocks: list = []
    if costs is not None:
        blocks.append(Subheading(text="Vedlegg 1: Kostnadsfordeling (fordelingsnøkkel, kap. 2.8)"))
        blocks.append(Paragraph(text=f"Årsbudsjett {fmt.kroner(costs.budget)}. Nøkkel: {costs.method_text}. "
                                     "Andelene er avrundet til hele kroner og summerer til budsjettet."))
        blocks.extend(Paragraph(text=notice) for notice in costs.notices)
        blocks.append(Table(caption="Hver kommunes andel", columns=("Kommune", f"Folketall 1.1.{costs.population_year}",
                                                                    "Andel", "Andel (kr)", "Kr per innbygger"),
                            rows=tuple((m.label, fmt.number(m.folketall), fmt.percent(m.prosent / 100, 2),
                                        fmt.kroner(m.andel_kr), fmt.kroner(m.kr_per_innbygger, 2))
                                       for m in costs.by_share)
                            + (("Sum", fmt.number(costs.folketall), fmt.percent(1, 2), fmt.kroner(costs.budget), ""),),
                            numeric=(False, True, True, True, True)))
    number = 2 if costs is not None else 1
    blocks.append(Subheading(text=f"Vedlegg {number}: Poeng per suksessfaktor for de tre beste alternativene"))
    top = evaluation.ranking[:3]
    blocks.append(Table(caption="Poeng per faktor (før vekting)", columns=("Suksessfaktor", *[r.label for r in top]),
                        rows=tuple((f"{f}. {kb.factor(f).label}", *[fmt.points(r.factor_scores[f]) for r in top])
                                   for f in FACTOR_IDS),
                        numeric=(False, *[True] * len(top))))
    blocks.append(Subheading(text="Kilder"))
    blocks.append(Bullets(items=sources))
    # date and version are in the footer of both the HTML and the Word document: said once, not twice
    blocks.append(Paragraph(text="Poengene er ordinale vurderinger hentet fra rapportens tekst og tabeller, "
                                 "ikke målinger."))
    return Section(id="vedlegg", title=SECTION_TITLES["vedlegg"], blocks=tuple(blocks))
