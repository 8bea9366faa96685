"""The share link (`?s=`) kept in step in the address bar by the browser itself, without new history entries.

The address bar is always a share link (ui.share): every change of the weights or the profile writes the
new state into `?s=`. Through `st.query_params` each write makes Streamlit's frontend push a new browser
history entry and re-render the whole app (about 22 ms of the browser's work per weight change, measured
in a Chromium trace of «Sammenligning»: 112 ms without any page content against 90 ms without the write),
and Back then stepped through every weight change instead of going to the previous page.

The page therefore hands the value to this small `st.components.v2` component, which replaces `?s=` in
the current history entry (`history.replaceState`): no new entry, no re-render. That covers a page switch too:
Streamlit pushes one entry for the new page (it drops the query there), and the component adds `?s=` to
that entry, where `st.query_params` pushed a second one (Back then took two presses). Streamlit sends the
address bar's query with every rerun while its own record of it is empty (its record is emptied by a
page switch), so `st.query_params` on the server is not kept in step; the app reads `?s=` only on a
session's first run (app.py `apply_share_link`).

Usage: `st.components.v2.component(NAME, js=JS)` registered once, mounted with `data=payload(value)` under
a key starting with `KEY`; it draws nothing (`CSS_HIDDEN` hides its empty element).
"""

from __future__ import annotations

from .share import QUERY_PARAM

NAME = "ikt_address_bar"
KEY = "address_bar"  # the elements' keys start with it; Streamlit puts a key in the class «st-key-<key>»
JS = """export default function (component) {
  const value = new TextDecoder().decode(component.data);  // payload(): the ?s= value, ASCII
  const url = new URL(window.location.href);
  if (!value || url.searchParams.get("PARAM") === value) return;
  url.searchParams.set("PARAM", value);
  window.history.replaceState(window.history.state, "", url);  // this history entry: Back is one press
}
""".replace("PARAM", QUERY_PARAM)
# The elements hold nothing to see; without this each would add a gap to its column
CSS_HIDDEN = f'[class*="st-key-{KEY}"] {{ display: none; }}'


def payload(value: str) -> bytes:
    """The component's data: the `?s=` value (ui.share.encode_state: base64url, ASCII) as bytes.

    Bytes, not a str: Streamlit hands bytes to the browser as they are (see live_chart.payload).
    Raises UnicodeEncodeError for a value that is not ASCII (encode_state never gives one)."""
    return value.encode("ascii")
