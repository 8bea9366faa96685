"""Bring a message the server just drew into view: a small `st.components.v2` component placed right after it.

A refused weight change is said under the slider that was moved (app.py): under slider 12, near the bottom of a
1280 x 800 window, the message began in view and ended below it (a fresh tester had to scroll the sidebar to read
it). Placed right after the message, this component has the browser scroll the message's element into view, by
the least amount (`scrollIntoView({block: "nearest"})`: nothing moves when it is in view already). It draws
nothing (`CSS_HIDDEN`).

Usage: `st.components.v2.component(NAME, js=JS)` registered once; mounted right after the element to show, under
a key starting with `KEY`, with `data=payload(n)`, where `n` changes for each new message (a mounted component
whose data is unchanged is not run again).
"""

from __future__ import annotations

NAME = "ikt_reveal"
KEY = "reveal"  # the elements' keys start with it; Streamlit puts a key in the class «st-key-<key>»
JS = """export default function (component) {
  let node = component.parentElement;
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) node = root.host;  // the component's own styles are isolated
  const own = node.closest('[data-testid="stElementContainer"]');
  const target = own && own.previousElementSibling;  // the element drawn right before this one
  if (target) requestAnimationFrame(() => target.scrollIntoView({ block: "nearest" }));
}
"""
CSS_HIDDEN = f'[class*="st-key-{KEY}"] {{ display: none; }}'


def payload(sequence: int) -> bytes:
    """The component's data: `sequence` (an int that changes for each new message to show) as ASCII bytes."""
    return str(int(sequence)).encode("ascii")
