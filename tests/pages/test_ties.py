"""Pages say «shared first place» when totals tie, never name one of the tied as the winner."""

from ikt_model.decision.evaluation import evaluate
from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.decision.weights import Weights
from ikt_model.ui import session

ONLY_FACTOR_4 = Weights(points={f: (100.0 if f == 4 else 0.0) for f in FACTOR_IDS})  # two alternatives tie


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_start_comparison_and_robustness_show_the_shared_first_place(at):
    a, b = (r.label for r in evaluate(Profile(), ONLY_FACTOR_4).winners)
    session.set_weights(at.session_state, ONLY_FACTOR_4, session.CUSTOM)
    at.switch_page("pages/home.py").run()
    assert not at.exception and f"høyest rangert er **{a}** og **{b}** (likt)" in _markdown(at)
    at.switch_page("pages/comparison.py").run()
    assert not at.exception and f"**{a}** og **{b}** (likt)" in _markdown(at)
    at.switch_page("pages/robustness.py").run()
    assert not at.exception
    assert f"**Delt førsteplass med dine vekter:** {a} og {b}." in _markdown(at)
    assert "**Høyest rangert med dine vekter:**" not in _markdown(at)
