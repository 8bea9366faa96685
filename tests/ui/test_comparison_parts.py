"""ui.comparison_parts: what the weighted parts of «Sammenligning» show, read from the session state."""

from ikt_model.decision.profile import STATUS_LABELS, Profile
from ikt_model.ui import comparison_parts as parts
from ikt_model.ui import session


def test_explain_follows_todays_best_until_the_user_picks_another():
    state: dict = {}
    result = session.current(state).evaluation
    labels, value = parts.explain_options(state)
    assert list(labels) == [r.alternative.key for r in result.ranking]  # rank order
    assert value == result.best.alternative.key
    assert parts.explain_shown(state) == (tuple(labels.items()), value)
    other = list(labels)[-1]
    state[parts.EXPLAIN_CHOICE] = other
    assert parts.explain_options(state)[1] == other
    state[parts.EXPLAIN_CHOICE] = "finnes.ikke"  # a pick no longer among the alternatives: today's best again
    assert parts.explain_options(state)[1] == result.best.alternative.key


def test_caption_names_the_collaboration_the_weights_and_own_scores():
    state: dict = {}
    view = session.current(state)
    text = parts.caption_text(state)
    assert text.startswith(STATUS_LABELS[view.profile.status] + " · ")
    assert text.endswith(f" · Vekter: {view.source_label}")
    state[session.PROFILE] = Profile(name="IKT *Nord*")
    state[session.OVERRIDES] = {"ff.par27.2": -2}
    text = parts.caption_text(state)
    assert text.startswith(r"IKT \*Nord\* · ") and text.endswith(" · 1 egen vurdering (✎)")


def test_what_the_advice_notes_and_details_show():
    state: dict = {}
    view = session.current(state)
    rec = view.evaluation.recommendation
    assert parts.advice_shown(state) == (rec.section, rec.text, rec.quote)
    assert parts.notes_shown(state) == tuple((w.severity, w.message, w.section) for w in view.evaluation.warnings)
    assert parts.details_shown(state) == (False,)  # off: nothing to compare, a weight change leaves it be
    state["show_details"] = True
    assert parts.details_shown(state) == (True, view.key)
