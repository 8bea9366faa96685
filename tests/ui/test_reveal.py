"""ui.reveal: the component that scrolls the element drawn before it into view (a refused weight change)."""

from ikt_model.ui import reveal


def test_payload_changes_with_each_message_and_is_ascii():
    assert reveal.payload(1) == b"1" and reveal.payload(2) != reveal.payload(1)


def test_it_scrolls_the_element_before_it_by_the_least_amount_and_draws_nothing():
    assert 'scrollIntoView({ block: "nearest" })' in reveal.JS and "previousElementSibling" in reveal.JS
    assert reveal.CSS_HIDDEN == '[class*="st-key-reveal"] { display: none; }'
