"""The decision memo as data, in the structure of a Norwegian saksframlegg.

Sections: Sammendrag og forslag til vedtak (the plain answer first, as a saksframlegg opens), Bakgrunn,
Vurdering, Alternativer, Anbefaling, Vedlegg. Renderers (html.py, docx.py)
only lay out these blocks; every number and sentence is decided here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

import ikt_model

from .. import format as fmt
from ..costs.split import CostSplit, largest_payer_text
from ..decision.evaluation import COMPONENT_LABELS, Evaluation, evaluate
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import STATUS_LABELS, Profile
from ..decision.registry import FACTOR_IDS
from ..decision.weights import Weights
from ..municipalities import municipalities_today, population_label
from ..names import clean_text
from ..scenarios.compare import row_label
from ..scenarios.model import METHOD_LABELS, profile_rows
from ..ties import join_names, leaders
from ..ui.session import source_label

REPORT_SOURCE = ("PwC for KS (2015): «IKT-samarbeid i kommunal sektor – modeller for organisering, styring og "
                 "finansiering». FoU-prosjekt 144016, 30. oktober 2015.")
def ssb_source(years: set[int] | tuple[int, ...] = (2026,)) -> str:
    """The SSB source line for the population dates used (table 07459) and the municipality changes (KLASS 131)."""
    dates = " og ".join(f"1. januar {y}" for y in sorted(set(years)))
    return f"Statistisk sentralbyrå: folkemengde {dates} (tabell 07459) og kommuneendringer (KLASS 131)."
TOP_EXPLAINED = 3
AUTO = "auto"


class Paragraph(BaseModel, frozen=True):
    """A paragraph of plain text (rendered escaped)."""

    kind: Literal["paragraph"] = "paragraph"
    text: str


class Subheading(BaseModel, frozen=True):
    """A heading inside a section."""

    kind: Literal["subheading"] = "subheading"
    text: str


class Bullets(BaseModel, frozen=True):
    """A bulleted list of plain-text items."""

    kind: Literal["bullets"] = "bullets"
    items: tuple[str, ...]


class Quote(BaseModel, frozen=True):
    """A verbatim quote from the report with its source (section)."""

    kind: Literal["quote"] = "quote"
    text: str
    source: str  # "Rapporten, kap. 4.2"


class Table(BaseModel, frozen=True):
    """A table: caption, column names, rows of text; `numeric` marks right-aligned columns."""

    kind: Literal["table"] = "table"
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-align these columns


Block = Annotated[Paragraph | Subheading | Bullets | Quote | Table, Field(discriminator="kind")]


class Section(BaseModel, frozen=True):
    """One section of the memo (bakgrunn, vurdering, alternativer, anbefaling, vedlegg)."""

    id: str
    title: str
    blocks: tuple[Block, ...]


class Memo(BaseModel, frozen=True):
    """The decision memo as data; html.render_html and docx.render_docx turn it into files."""

    title: str
    subject: str
    date: date
    app_version: str
    sections: tuple[Section, ...]
    sources: tuple[str, ...]

    def section(self, section_id: str) -> Section:
        """The section with this id; StopIteration for an unknown id."""
        return next(s for s in self.sections if s.id == section_id)


SECTION_TITLES = {"innstilling": "Sammendrag og forslag til vedtak",
                  "bakgrunn": "Bakgrunn", "vurdering": "Vurdering", "alternativer": "Alternativer",
                  "anbefaling": "Anbefaling", "vedlegg": "Vedlegg"}


def _quote(part) -> Quote:
    return Quote(text=part.quote, source=f"Rapporten, kap. {part.section}")


def _members_text(profile: Profile) -> str:
    if not profile.members:
        return f"{fmt.plural(profile.municipalities, 'kommune', 'kommuner')} (medlemmene er ikke oppgitt)"
    names = ", ".join(municipalities_today()[m].visningsnavn for m in profile.members)
    return (f"{fmt.plural(len(profile.members), 'kommune', 'kommuner')} ({names}) med til sammen "
            f"{fmt.number(profile.members_population)} innbyggere ({population_label(profile.population_year)})")


def scale_text(evaluation: Evaluation) -> str:
    """What the numbers can reach, computed from this case: the points per factor (the report's −2 … +2
    plus adjustments from the profile, so they can reach ±3), and the range of the weighted sum (an
    alternative with the lowest / highest points on every factor, with the transition cost) beside
    where the twelve alternatives actually lie."""
    rows = evaluation.ranking
    points = [v for r in rows for v in r.factor_scores.values()]
    w = evaluation.weights
    low = sum(w[f] * min(r.factor_scores[f] for r in rows) for f in FACTOR_IDS) + min(
        r.components.get("transition", 0.0) for r in rows)
    high = sum(w[f] * max(r.factor_scores[f] for r in rows) for f in FACTOR_IDS) + max(
        r.components.get("transition", 0.0) for r in rows)
    scores = [r.score for r in rows]
    widened = min(points) < -2 or max(points) > 2  # the profile's adjustments reach past the report's scale
    return ("Hvert alternativ får poeng per suksessfaktor fra rapportens vurderinger (−2 til +2, 0 betyr «ingen "
            "forskjell»), justert for samarbeidets profil"
            + (f"; i denne saken går poengene fra {fmt.signed(min(points), 0)} til {fmt.signed(max(points), 0)}"
               if widened else "")
            + ". Poengene vektes med vektene nedenfor og legges sammen. Den vektede "
            f"summen kan her gå fra {fmt.signed(low)} til {fmt.signed(high)}; de tolv alternativene ligger mellom "
            f"{fmt.signed(min(scores))} og {fmt.signed(max(scores))}.")


def _workshop_method(method: str | None) -> str:
    from ..workshop.models import METHOD_LABELS as WORKSHOP_METHODS

    if not method:
        return "ikke oppgitt"
    return fmt.in_sentence(WORKSHOP_METHODS[method]) if method in WORKSHOP_METHODS else method


def _bakgrunn(profile: Profile, kb: KnowledgeBase) -> Section:
    who = f"IKT-samarbeidet {profile.name}" if profile.name else "IKT-samarbeidet"
    text = (f"Saken gjelder organisering og styring av {who}: "
            f"{STATUS_LABELS[profile.status].lower()}, {_members_text(profile)}.")
    if profile.is_existing:
        text += (f" I dag brukes {fmt.in_sentence(kb.model(profile.current_model).label)} som styringsmodell og "
                 f"{fmt.in_sentence(kb.form(profile.current_form).label)} som organisasjonsform.")
    return Section(id="bakgrunn", title=SECTION_TITLES["bakgrunn"], blocks=(
        Paragraph(text=text),
        Paragraph(text="Vurderingen bygger på rapporten «IKT-samarbeid i kommunal sektor» (PwC for KS, 2015), som "
                       "sammenligner tre styringsmodeller (kap. 3.3) og fire organisasjonsformer (kap. 3.4) mot "
                       "tolv suksessfaktorer (kap. 3.1 og 4.3). Alternativene er par av styringsmodell og "
                       "organisasjonsform, i alt tolv."),
        Table(caption="Samarbeidets profil", columns=("Forhold", "Verdi"),
              rows=tuple((k, v) for k, v in profile_rows(profile, kb))),
    ))


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


def _vurdering(evaluation: Evaluation, weights: Weights, weights_source: str, overrides: dict[str, int],
               method: str, kb: KnowledgeBase, base_kb: KnowledgeBase, robustness: Any,
               workshop: dict | None) -> Section:
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


def _net_reasons(r, sign: int, kb: KnowledgeBase) -> list[tuple[int, str, float, list]]:
    """Factors by net weighted contribution (parts of one factor merged), strongest first, with the
    report's justifications (parts pulling the same way) where the evaluation lists them."""
    parts: dict[int, list] = {}
    for reason in (*r.reasons_for, *r.reasons_against):
        parts.setdefault(reason.factor_id, []).append(reason)
    out = [(f, kb.factor(f).label, c, [x.part for x in sorted(parts.get(f, []), key=lambda x: -sign * x.weighted)
                                       if x.weighted * sign > 0])
           for f, c in r.contributions.items() if c * sign > 1e-12]
    return sorted(out, key=lambda x: -sign * x[2])[:TOP_EXPLAINED]


def _alternativer(evaluation: Evaluation, kb: KnowledgeBase) -> Section:
    def strongest(r, sign):
        reasons = _net_reasons(r, sign, kb)
        return reasons[0][1] if reasons else "–"

    rows = tuple((str(r.rank), r.label + (" (dagens)" if r.is_current else ""), fmt.signed(r.score),
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
                        rows=tuple((r.label, *[fmt.signed(r.components[c]) for c in parts], fmt.signed(r.score))
                                   for r in evaluation.ranking[:5]),
                        numeric=(False, *[True] * len(parts), True)))
    for r in evaluation.ranking[:TOP_EXPLAINED]:
        blocks.append(Subheading(text=f"{r.rank}. {r.label} (sum {fmt.signed(r.score)})"))
        for sign, word in ((1, "For"), (-1, "Mot")):
            reasons = _net_reasons(r, sign, kb)
            if reasons:
                blocks.append(Bullets(items=tuple(f"{word}: {label} ({fmt.signed(c)})" for _, label, c, _ in reasons)))
                if reasons[0][3]:
                    blocks.append(_quote(reasons[0][3][0]))
    return Section(id="alternativer", title=SECTION_TITLES["alternativer"], blocks=tuple(blocks))


def _resolution(evaluation: Evaluation, costs: CostSplit | None, subject: str) -> str:
    """The draft resolution: the first alternative(s) for further work, the stable-operations gate first."""
    winners = evaluation.winners
    names = join_names(w.label for w in winners)
    main = (f"{names} som likeverdige hovedalternativer" if len(winners) > 1 else f"{names} som hovedalternativ")
    resolution = (f"{subject} utredes videre med {main}, jf. vurderingen i dette saksframlegget"
                  + ("." if costs is None else ", og med kostnadsfordelingen i vedlegg 1."))
    if evaluation.recommendation.gate:
        resolution = f"Samarbeidet prioriterer å få stabil drift på plass (rapporten kap. 3.1). Deretter: {resolution}"
    return resolution


def _ranking_sentence(evaluation: Evaluation) -> str:
    names = join_names(w.label for w in evaluation.winners)
    if evaluation.disagreement:
        return evaluation.disagreement + " Begrunn valget særskilt."
    if len(evaluation.winners) > 1:
        return f"Den vektede rangeringen gir likt resultat for {names}."
    return f"Den vektede rangeringen peker på det samme: {names} kommer først."


def _innstilling(evaluation: Evaluation, costs: CostSplit | None, subject: str) -> Section:
    """The plain answer first, as a saksframlegg opens: the recommendation and the draft resolution."""
    blocks = [Paragraph(text=evaluation.recommendation.text), Paragraph(text=_ranking_sentence(evaluation)),
              Subheading(text="Forslag til vedtak (utkast)"), Paragraph(text=_resolution(evaluation, costs, subject))]
    return Section(id="innstilling", title=SECTION_TITLES["innstilling"], blocks=tuple(blocks))


def _anbefaling(evaluation: Evaluation, robustness: Any, costs: CostSplit | None) -> Section:
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


def _vedlegg(evaluation: Evaluation, kb: KnowledgeBase, costs: CostSplit | None, sources: tuple[str, ...],
             today: date) -> Section:
    blocks: list = []
    if costs is not None:
        blocks.append(Subheading(text="Vedlegg 1: Kostnadsfordeling (fordelingsnøkkel, kap. 2.8)"))
        blocks.append(Paragraph(text=f"Årsbudsjett {fmt.kroner(costs.budget)}. Nøkkel: {costs.method_text}. "
                                     "Andelene er avrundet til hele kroner og summerer til budsjettet."))
        blocks.extend(Paragraph(text=notice) for notice in costs.notices)
        blocks.append(Table(caption="Hver kommunes andel", columns=("Kommune", f"Folketall 1.1.{costs.population_year}",
                                                                    "Andel", "Andel (kr)", "Kr per innbygger"),
                            rows=tuple((m.label, fmt.number(m.folketall), fmt.percent(m.prosent / 100, 1),
                                        fmt.kroner(m.andel_kr), fmt.kroner(m.kr_per_innbygger, 2))
                                       for m in costs.members)
                            + (("Sum", fmt.number(costs.folketall), fmt.percent(1), fmt.kroner(costs.budget), ""),),
                            numeric=(False, True, True, True, True)))
    number = 2 if costs is not None else 1
    blocks.append(Subheading(text=f"Vedlegg {number}: Poeng per suksessfaktor for de tre beste alternativene"))
    top = evaluation.ranking[:3]
    blocks.append(Table(caption="Poeng per faktor (før vekting)", columns=("Suksessfaktor", *[r.label for r in top]),
                        rows=tuple((f"{f}. {kb.factor(f).label}", *[fmt.signed(r.factor_scores[f], 0) for r in top])
                                   for f in FACTOR_IDS),
                        numeric=(False, *[True] * len(top))))
    blocks.append(Subheading(text="Kilder"))
    blocks.append(Bullets(items=sources))
    # date and version are in the footer of both the HTML and the Word document: said once, not twice
    blocks.append(Paragraph(text="Poengene er ordinale vurderinger hentet fra rapportens tekst og tabeller, "
                                 "ikke målinger."))
    return Section(id="vedlegg", title=SECTION_TITLES["vedlegg"], blocks=tuple(blocks))


def _auto_robustness(profile: Profile, weights: Weights, kb: KnowledgeBase):
    try:
        from ..robustness.reading import robustness_summary
    except ImportError:  # the robustness module is optional for the memo
        return None
    return robustness_summary(profile, weights, kb)


def build_memo(profile: Profile, weights: Weights, weights_source: str = "rapport",
               overrides: dict[str, int] | None = None, *, method: str = "vektet_sum",
               kb: KnowledgeBase | None = None, workshop: dict | None = None, costs: CostSplit | None = None,
               robustness: Any = AUTO, today: date | None = None, title: str | None = None) -> Memo:
    """The whole memo. `robustness`: AUTO computes `robustness_summary`; None leaves it out."""
    overrides = dict(overrides or {})
    base_kb = kb or default_knowledge_base()
    kb = base_kb.with_overrides(overrides)
    evaluation = evaluate(profile, weights, kb)
    if robustness == AUTO:
        robustness = _auto_robustness(profile, weights, kb)
    today = today or date.today()
    sources = [REPORT_SOURCE, "Rapportens kapitler og sitater er oppgitt ved hver vurdering."]
    if profile.members or costs is not None:
        years = ({profile.population_year} if profile.members else set()) | \
            ({costs.population_year} if costs is not None else set())
        sources.append(ssb_source(years))
    sources = tuple(sources)
    subject = profile.name or "IKT-samarbeidet"
    title = clean_text(title) if title else ""
    return Memo(
        title=title or f"Organisering og styring av {subject}",
        subject=subject, date=today, app_version=ikt_model.__version__,
        sections=(_innstilling(evaluation, costs, subject), _bakgrunn(profile, kb),
                  _vurdering(evaluation, weights, weights_source, overrides, method, kb, base_kb, robustness,
                             workshop),
                  _alternativer(evaluation, kb), _anbefaling(evaluation, robustness, costs),
                  _vedlegg(evaluation, kb, costs, sources, today)),
        sources=sources)
