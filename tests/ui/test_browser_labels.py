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
    INPUT_HINTS,
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


def test_the_input_hint_is_written_in_norwegian_and_the_css_steps_aside_once_it_is():
    """The script writes «Trykk Enter for å bruke» into the hint and marks it data-nb; the style sheet draws the
    Norwegian over the English only on a hint not yet marked (before the script has run)."""
    from ikt_model.ui.widgets import INPUT_HINT, NORWEGIAN_WIDGETS_CSS
    assert json.dumps(INPUT_HINTS, ensure_ascii=False) in NORWEGIAN_LABELS_JS
    assert json.dumps(INPUT_HINT) in NORWEGIAN_LABELS_JS and 'span.dataset.nb = "1"' in NORWEGIAN_LABELS_JS
    rules = [line for line in NORWEGIAN_WIDGETS_CSS.splitlines() if INPUT_HINT in line]
    assert len(rules) == 4 and all(f"{INPUT_HINT}:not([data-nb])" in rule for rule in rules)
    assert set(INPUT_HINTS.values()) == {"Trykk Enter for å bruke", "Trykk Enter for å sende",
                                         "Trykk Ctrl+Enter (⌘+Enter på Mac) for å bruke"}


def test_the_page_block_is_sent_once_per_session():
    """app.py draws the style sheet and the page script as one block on every page. Streamlit's browser keeps
    an element of at least global.minCachedMessageSize bytes and later runs send only its hash: below it, the
    block (11 kB) travelled in full with every page switch (the script alone was 9,5 kB)."""
    from streamlit import config

    from ikt_model.ui.address_bar import CSS_HIDDEN
    from ikt_model.ui.browser_labels import norwegian_page_block
    from ikt_model.ui.widgets import NORWEGIAN_WIDGETS_CSS
    block = norwegian_page_block(NORWEGIAN_WIDGETS_CSS + CSS_HIDDEN)
    assert block.startswith(f"<style>{NORWEGIAN_WIDGETS_CSS}") and block.endswith(NORWEGIAN_LABELS_JS)
    assert len(block.encode()) >= config.get_option("global.minCachedMessageSize")


def test_every_label_of_streamlits_table_menus_is_said_in_norwegian():
    """Found by a fresh tester: the statistics of a number column read «25th percentile» and «75th percentile».
    Every menu label in the table component of the installed Streamlit is now in GRID_TEXTS, except currency
    names (the same in Norwegian) and what this app never shows (editing and CSV export are off)."""
    import re
    from pathlib import Path

    import streamlit

    from ikt_model.ui.browser_labels import GRID_TEXTS

    bundles = list((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("DataFrame.*.js"))
    assert bundles
    # words a user reads start with a capital or a digit (the lower-case ones are a select box's part names)
    labels = {m for b in bundles for m in re.findall(r"label:`([A-Z0-9][^`$]*)`", b.read_text(encoding="utf-8"))}
    assert "25th percentile" in labels  # the pattern still finds the menu's labels
    not_shown = {"Dollar", "Euro", "Yen", "Edit", "Cancel (Escape)"}
    assert sorted(labels - set(GRID_TEXTS) - not_shown) == []
