"""The decision memo as data, in the structure of a Norwegian saksframlegg: `build_memo` assembles it.

Sections: Sammendrag og forslag til vedtak (the plain answer first, as a saksframlegg opens), Bakgrunn,
Vurdering, Alternativer, Anbefaling, Vedlegg; each is built in its own module (recommendation, background,
assessment, alternatives, appendix) from the blocks of `document`, and the sources are gathered here.
Renderers (html.py, docx.py) only lay out these blocks; every number and sentence is decided in this package.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ikt_model

from ..costs.split import CostSplit
from ..decision.evaluation import evaluate
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import Profile
from ..decision.weights import Weights
from ..names import clean_text
from .alternatives import alternatives_section
from .appendix import appendix_section
from .assessment import assessment_section
from .background import background_section
from .document import Memo
from .recommendation import recommendation_section, summary_section

REPORT_SOURCE = ("PwC for KS (2015): «IKT-samarbeid i kommunal sektor – modeller for organisering, styring og "
                 "finansiering». FoU-prosjekt 144016, 30. oktober 2015.")


def ssb_source(years: set[int] | tuple[int, ...] = (2026,)) -> str:
    """The SSB source line for the population dates used (table 07459) and the municipality changes (KLASS 131)."""
    dates = " og ".join(f"1. januar {y}" for y in sorted(set(years)))
    return f"Statistisk sentralbyrå: folkemengde {dates} (tabell 07459) og kommuneendringer (KLASS 131)."


AUTO = "auto"


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
        sections=(summary_section(evaluation, costs, subject), background_section(profile, kb),
                  assessment_section(evaluation, weights, weights_source, overrides, method, kb, base_kb,
                                     robustness, workshop),
                  alternatives_section(evaluation, kb), recommendation_section(evaluation, robustness, costs),
                  appendix_section(evaluation, kb, costs, sources, today)),
        sources=sources)
