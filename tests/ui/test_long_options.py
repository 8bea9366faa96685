"""Long select-box options: the open list's options wrap, the closed box's text ends in «…»."""

from ikt_model.ui.long_options import LONG_OPTIONS_CSS


def test_options_wrap_and_the_chosen_one_is_cut_with_an_ellipsis():
    assert "white-space: normal" in LONG_OPTIONS_CSS and "height: auto" in LONG_OPTIONS_CSS
    assert '[data-testid="stSelectbox"] input { text-overflow: ellipsis; }' in LONG_OPTIONS_CSS
