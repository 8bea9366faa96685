"""«Alternativer» of the decision memo: the twelve alternatives ranked, what each sum is made of, and for the
first ones the factors that count most for and against, with the report's words."""

from __future__ import annotations

from .. import format as fmt
from ..decision.evaluation import COMPONENT_LABELS, Evaluation
from ..decision.knowledge import KnowledgeBase
from ..decision.views import NO_STRONGEST
from .document import SECTION_TITLES, Bullets, Paragraph, Quote, Section, Subheading, Table

TOP_EXPLAINED = 3


def _quote(part) -> Quote:
    return Quote(text=part.quote, source=f"Rapporten, kap. {part.section}")


def _net_reasons(r, sign: int) -> list[tuple[int, str, float, list]]:
    """The factors by net weighted contribution (RankedAlternative.factors_for/_against: parts of one factor
    added), strongest first, with the report's justifications (parts pulling the same way) where the
    evaluation lists them."""
    parts: dict[int, list] = {}
    for reason in (*r.reasons_for, *r.reasons_against):
        parts.setdefault(reason.factor_id, []).append(reason)
    net = r.factors_for if sign > 0 else r.factors_against
    return [(n.factor_id, n.factor_label, n.contribution,
             [x.part for x in sorted(parts.get(n.factor_id, []), key=lambda x: -sign * x.weighted)
              if x.weighted * sign > 0])
            for n in net[:TOP_EXPLAINED]]


def alternatives_section(evaluation: Evaluation, kb: KnowledgeBase) -> Section:
    """«Alternativer»: the ranking of the twelve alternatives (with the strongest reason for and against
    each), the parts of the sum for the five best, and for the first `TOP_EXPLAINED` the factors for and
    against with a quote from the report."""
    def strongest(r, sign):
        reasons = _net_reasons(r, sign)
        return reasons[0][1] if reasons else NO_STRONGEST

    decimals = evaluation.sum_decimals  # totals of different rank never print alike
    rows = tuple((str(r.rank), r.label + (" (dagens)" if r.is_current else ""), fmt.signed(r.score, decimals),
                  strongest(r, 1), strongest(r, -1)) for r in evaluation.ranking)
    blocks: list = [Table(caption="Rangering av de tolv alternativene (vektet sum)",
                          columns=("Rang", "Alternativ", "Sum", "Sterkeste grunn for", "Sterkeste grunn mot"),
                          rows=rows, numeric=(True, False, True, False, False))]
    parts = tuple(COMPONENT_LABELS)
    blocks.append(Paragraph(text="Summen er satt sammen av styringsmodell, organisasjonsform og samspillet mellom dem "
                                 "(formens deler teller halvt, fordi rapporten sier at endring av styringsmodell og "
                                 "oppgaver er det viktigste, kap. 4.2), kontekst fra profilen og, for et eksisterende "
                                 "samarbeid, kostnaden ved å endre det som finnes (kap. 4.1 og 4.2)."))
    blocks.append(Table(caption="Summens deler for de fem beste alternativene",
                        columns=("Alternativ", *[COMPONENT_LABELS[c] for c in parts], "Sum"),
                        rows=tuple((r.label, *[fmt.signed(r.components[c]) for c in parts],
                                    fmt.signed(r.score, decimals)) for r in evaluation.ranking[:5]),
                        numeric=(False, *[True] * len(parts), True)))
    for r in evaluation.ranking[:TOP_EXPLAINED]:
        blocks.append(Subheading(text=f"{r.rank}. {r.label} (sum {fmt.signed(r.score, decimals)})"))
        for sign, word in ((1, "For"), (-1, "Mot")):
            reasons = _net_reasons(r, sign)
            if reasons:
                blocks.append(Bullets(items=tuple(f"{word}: {label} ({fmt.signed(c)})" for _, label, c, _ in reasons)))
                if reasons[0][3]:
                    blocks.append(_quote(reasons[0][3][0]))
    return Section(id="alternativer", title=SECTION_TITLES["alternativer"], blocks=tuple(blocks))
