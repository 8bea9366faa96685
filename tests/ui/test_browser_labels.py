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


def test_the_number_field_refusal_is_recognised_in_each_of_its_forms():
    """Streamlit 1.67's NumberInput says «Number is outside/below/above the allowed range.», with «Please enter a
    value between A and B.» / «greater than or equal to A.» / «less than or equal to B.»; the script's pattern is
    a JavaScript regular expression in a string, and Python's `re` reads this one the same way."""
    source = re.search(r'const RANGE = new RegExp\((".*?")\s*\+\s*(".*?")\);', NORWEGIAN_LABELS_JS, re.S)
    pattern = re.compile(json.loads(source.group(1)) + json.loads(source.group(2)))
    said = {"Number is outside the allowed range. Please enter a value between 0 and 2147483647.": ("0", "2147483647"),
            "Number is below the allowed range. Please enter a value greater than or equal to 1.": ("1",),
            "Number is above the allowed range. Please enter a value less than or equal to 5.5.": ("5.5",),
            "Number is below the allowed range.": ()}
    for text, bounds in said.items():
        match = pattern.search("Error: " + text)
        assert match and match.group(0) == text and tuple(g for g in match.groups()[1:] if g) == bounds
