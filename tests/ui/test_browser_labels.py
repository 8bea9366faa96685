"""ui.browser_labels: the page script that says Streamlit's English in Norwegian (the browser tests in
tests/e2e/test_trust.py check what a user reads; here, that the script carries what it must)."""

import json
import re

from ikt_model.ui.browser_labels import (
    ARIA_LABELS,
    ARIA_PREFIXES,
    CSS_TEXT_NAMES,
    GRID_STATISTICS,
    GRID_TEXT_SCOPE,
    GRID_TEXTS,
    NORWEGIAN_LABELS_JS,
)


def test_the_script_carries_every_table_and_nothing_is_left_to_fill_in():
    assert NORWEGIAN_LABELS_JS.startswith("<script>") and NORWEGIAN_LABELS_JS.rstrip().endswith("</script>")
    assert not re.search(r"__[A-Z]+__", NORWEGIAN_LABELS_JS)  # every placeholder replaced
    for table in (ARIA_LABELS, ARIA_PREFIXES, CSS_TEXT_NAMES, GRID_TEXTS):
        assert json.dumps(table, ensure_ascii=False) in NORWEGIAN_LABELS_JS
    assert json.dumps(GRID_TEXT_SCOPE) in NORWEGIAN_LABELS_JS and GRID_STATISTICS in GRID_TEXT_SCOPE


def test_a_word_has_one_norwegian_form_wherever_streamlit_writes_it():
    shared = set(GRID_TEXTS) & set(ARIA_LABELS)
    assert shared and all(GRID_TEXTS[w] == ARIA_LABELS[w] for w in shared)
