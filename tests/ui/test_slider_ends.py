"""A slider's end labels in the main area are shown without hover; the sidebar's weight sliders keep Streamlit's."""

import re

from ikt_model.ui.slider_ends import SLIDER_ENDS_CSS


def test_every_rule_is_for_the_main_area_only():
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", SLIDER_ENDS_CSS) for s in block.split(",")]
    assert selectors and all(s.startswith('[data-testid="stMain"]') for s in selectors), selectors


def test_the_ends_are_shown_and_kept_to_one_line_each():
    assert re.search(r'stSliderTickBar"\]\s*\{[^}]*opacity:\s*1', SLIDER_ENDS_CSS)
    assert "max-width: 50%" in SLIDER_ENDS_CSS and "text-overflow: ellipsis" in SLIDER_ENDS_CSS
