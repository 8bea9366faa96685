"""A tiny knowledge base for unit tests that need the mechanics, not the report's 200-odd rows.

Every factor, model and form exists (labels are looked up), but only six scores are set; every other
(alternative, factor) cell is 0. Scores (ordinal, -2..2):
  form x factor    as x 1 = +1, iks x 1 = -1
  model x factor   alternativ x 2 = +2
  fit              hybrid + vertskommune x 3 = -1
  context rules    host on ROBEK: vertskommune x 4 = -2 (score); always: a note on par27; an advice
"""

import pytest

from ikt_model.decision.knowledge import ContextRule, FitRow, FormFactorRow, KnowledgeBase, ModelFactorRow
from ikt_model.decision.registry import FACTOR_IDS, FORM_IDS, MODEL_IDS, Factor, GovernanceModel, OrganisationForm


def _cell(cls, id_, score, factor, **where):
    return cls(id=id_, factor=factor, score=score, section="4.2", basis="tabell", quote=f"sitat {id_}", **where)


def make_tiny_kb() -> KnowledgeBase:
    return KnowledgeBase(
        factors=tuple(Factor(id=i, slug=f"f{i}", label=f"Faktor {i}", description="", section="3.1")
                      for i in FACTOR_IDS),
        models=tuple(GovernanceModel(id=m, label=f"Modell {m}", short=m, description="", section="3.3")
                     for m in MODEL_IDS),
        forms=tuple(OrganisationForm(id=f, label=f"Form {f}", report_term=f, law_2015="", law_now="", note_now="",
                                     section="2.4") for f in FORM_IDS),
        form_factor=(_cell(FormFactorRow, "ff.as.1", 1, 1, form="as"),
                     _cell(FormFactorRow, "ff.iks.1", -1, 1, form="iks")),
        model_factor=(_cell(ModelFactorRow, "mf.alternativ.2", 2, 2, model="alternativ"),),
        fit=(_cell(FitRow, "fit.hybrid.vertskommune.3", -1, 3, model="hybrid", form="vertskommune"),),
        rules=(ContextRule(id="r.robek", condition="host_on_robek", form="vertskommune", factor=4, delta=-2,
                           kind="score", section="3.4.4", quote="sitat robek", message="ROBEK"),
               ContextRule(id="r.note", condition="always", form="par27", delta=0, kind="note",
                           section="2.4", quote="sitat note", message="Merknad om § 27"),
               ContextRule(id="r.advice", condition="always", delta=0, kind="advice", severity="warning",
                           section="4.2", quote="sitat råd", message="Et råd")),
    )


@pytest.fixture
def tiny_kb() -> KnowledgeBase:
    return make_tiny_kb()
