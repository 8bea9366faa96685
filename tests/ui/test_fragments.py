"""ui.fragments: which parts of the drawn page a weight or profile change reruns (issue 14)."""

import pytest

from ikt_model.ui import fragments


def test_a_weight_change_reruns_the_sidebar_and_the_pages_weighted_fragments_only():
    state: dict = {}
    fragments.set_drawn_page(state, "robusthet-id")
    assert fragments.rerun_targets(state, page="robusthet-id", sliders=False) is None  # none registered: whole app
    fragments.set_weighted_fragments(state, "cmp_lead", "cmp_charts")
    assert fragments.rerun_targets(state, page="robusthet-id", sliders=False) == [
        fragments.WEIGHT_SET_FRAGMENT, fragments.WEIGHT_SHARES_FRAGMENT, "cmp_lead", "cmp_charts"]
    # a preset or a refused change redraws the sliders too
    assert fragments.WEIGHT_SLIDERS_FRAGMENT in fragments.rerun_targets(state, page="robusthet-id", sliders=True)
    # a slider moved again under «Egendefinert», or a profile change, leaves the weight set box as it is
    assert fragments.rerun_targets(state, page="robusthet-id", sliders=False, weight_set=False) == [
        fragments.WEIGHT_SHARES_FRAGMENT, "cmp_lead", "cmp_charts"]
    fragments.set_weighted_fragments(state)  # a full run of a page without them
    assert fragments.rerun_targets(state, page="robusthet-id", sliders=True) is None


def test_a_weight_change_on_a_page_that_shows_no_weights_reruns_the_weight_panel_only():
    """«Samarbeidet» has the weight panel but nothing that depends on the weights."""
    state: dict = {}
    fragments.set_drawn_page(state, "samarbeidet-id")
    fragments.set_weighted_fragments(state, unweighted=True)
    assert fragments.rerun_targets(state, page="samarbeidet-id", sliders=False) == [
        fragments.WEIGHT_SET_FRAGMENT, fragments.WEIGHT_SHARES_FRAGMENT]
    assert fragments.rerun_targets(state, page="samarbeidet-id", sliders=True, weight_set=False) == [
        fragments.WEIGHT_SLIDERS_FRAGMENT, fragments.WEIGHT_SHARES_FRAGMENT]
    assert fragments.rerun_targets(state, page="other-id", sliders=False) is None  # with a page switch: whole app
    fragments.set_weighted_fragments(state)  # the next page registers none and says nothing: whole app
    assert fragments.rerun_targets(state, page="samarbeidet-id", sliders=False) is None
    with pytest.raises(ValueError, match="cmp_lead"):
        fragments.set_weighted_fragments(state, "cmp_lead", unweighted=True)


def test_a_conditional_fragment_reruns_only_when_what_it_shows_changed():
    """«Forklar alternativ»'s select box: rerun when its labels (ranks) change, not on every weight change."""
    state: dict = {"labels": ("1. A", "2. B")}
    fragments.set_drawn_page(state, "sammenligning-id")
    fragments.set_weighted_fragments(state, "cmp_charts", "cmp_pick", "cmp_why",
                                   when_changed={"cmp_pick": lambda s: s["labels"]})
    targets = lambda: fragments.rerun_targets(state, page="sammenligning-id", sliders=False, weight_set=False)  # noqa: E731
    assert targets()[-3:] == ["cmp_charts", "cmp_pick", "cmp_why"]  # never drawn: drawn
    fragments.record_drawn(state, "cmp_pick", ("1. A", "2. B"))
    assert targets() == [fragments.WEIGHT_SHARES_FRAGMENT, "cmp_charts", "cmp_why"]  # the same: left as it is
    state["labels"] = ("1. B", "2. A")
    assert targets() == [fragments.WEIGHT_SHARES_FRAGMENT, "cmp_charts", "cmp_pick", "cmp_why"]  # in page order
    with pytest.raises(ValueError, match="cmp_other"):
        fragments.set_weighted_fragments(state, "cmp_pick", when_changed={"cmp_other": lambda s: 1})
    fragments.set_weighted_fragments(state)  # a full run of a page without them: no conditions left
    assert fragments.CONDITIONAL_FRAGMENTS in state and not state[fragments.CONDITIONAL_FRAGMENTS]
    assert fragments.fragments_or_app(state, "sammenligning-id", ["cmp_why"]) == ["cmp_why"]
    assert fragments.fragments_or_app(state, "robusthet-id", ["cmp_why"]) == "app"  # the run is for another page
    assert fragments.fragments_or_app(state, None, ["cmp_why"]) == "app"


def test_a_change_that_comes_with_a_page_switch_reruns_the_whole_app():
    """The registered fragments are the drawn page's: a change whose run is for another page (Streamlit merged
    it with a page switch) or an unknown page must not rerun them there."""
    state: dict = {}
    fragments.set_drawn_page(state, "robusthet-id")
    fragments.set_weighted_fragments(state, "rob_walk")
    assert fragments.rerun_targets(state, page="robusthet-id", sliders=False)[-1] == "rob_walk"
    assert fragments.rerun_targets(state, page="sammenligning-id", sliders=False) is None
    assert fragments.rerun_targets(state, page=None, sliders=False) is None
