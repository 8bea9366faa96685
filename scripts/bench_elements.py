"""What a page switch costs per element, and what the app's pages hold (issue 14). Prints figures; asserts nothing.

The page switch «Samarbeidet» <-> «Sammenligning» (scripts/bench_speed.py) has a target of 1,5x a minimal
two-page app. Nearly all of the difference is the browser mounting Streamlit's elements of the new page. This
script measures that cost per element kind and counts the kinds on the two pages, so the note on the target
can say what it would take:
1. For each kind (a toggle with help, a slider, a heading, ...), a two-page app switches between «Tom» (a
   title) and «Full» (the title and `N_ELEMENTS` elements of that kind); the cost of one element is
   (settled «Full» - settled «Tom»-only app) / N_ELEMENTS. «Settled» is bench_speed.py's: no DOM change in
   the main area for 600 ms after the click, medians over IKT_BENCH_INPUTS switches.
2. The app's «Samarbeidet» and «Sammenligning» are opened and their elements counted by kind, in the main area
   only: the sidebar's weight panel is on both pages and stays in the browser between them (app.py).
3. Each page's elements are priced with 1 and set against the budget the 1,5x target leaves: half of the
   title-only switch (the reference app is a title and a line of text). The measured switch to each page is
   printed beside it: the prices add up to more than it (the browser lays a page out once, not once per
   element), so the priced sum is an upper bound and the measured excess the figure to hold to the budget.
Charts (the live-chart component) and layout blocks (columns, expanders' frames) are counted but not priced.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
from bench_rerun import load  # noqa: E402
from bench_server import Server  # noqa: E402
from bench_speed import CHROMIUM, N_INPUTS, _nav_act, _open, _press_loop  # noqa: E402

N_ELEMENTS = 12
HELP = "help='Forklaring, med kapittel i rapporten (3.4).'"
# kind -> one element of it (`i` is its number); the kinds are those the two pages use
KINDS = {
    "toggle with help": f"st.toggle(f'Bryter {{i}}', key=f'e{{i}}', {HELP})",
    "slider with help": f"st.slider(f'{{i}}. Faktor', 0.0, 100.0, 50.0, step=0.1, key=f'e{{i}}', format='localized', "
                        f"{HELP})",
    "selectbox": "st.selectbox(f'Valg {i}', ['a', 'b', 'c'], key=f'e{i}')",
    "multiselect": "st.multiselect(f'Valg {i}', ['a', 'b', 'c'], key=f'e{i}')",
    "radio (horizontal)": "st.radio(f'Valg {i}', ['a', 'b', 'c'], key=f'e{i}', horizontal=True)",
    "text input": "st.text_input(f'Felt {i}', key=f'e{i}')",
    "heading": "st.subheader(f'Overskrift {i}')",
    "markdown": "st.markdown(f'Et avsnitt med **fet** tekst nummer {i} og litt mer tekst.')",
    "caption": "st.caption(f'En bildetekst nummer {i}.')",
    "html": "st.html(f'<p>Et avsnitt med <b>fet</b> tekst nummer {i}.</p>')",
    "metric": "st.metric(f'Tall {i}', '1 234')",
    "alert": "st.info(f'En merknad nummer {i}.')",
    "page link": "st.page_link(a, label=f'Lenke {i}')",
    "download button": "st.download_button(f'Last ned {i}', 'x', key=f'e{i}')",
    "file uploader": "st.file_uploader(f'Fil {i}', key=f'e{i}')",
}
APP = """import streamlit as st
def full():
    st.title("Full")
    for i in range({n}):
        {element}
a = st.Page(lambda: st.title("Tom"), title="Tom", url_path="tom", default=True)
b = st.Page(full, title="Full", url_path="full")
st.navigation([a, b]).run()
"""
# data-testid inside an element container -> its kind: the first of these (in this order) found inside it, so
# a kind that holds another's testid comes before it (an alert holds Markdown)
TESTIDS = {"stCheckbox": "toggle with help", "stSlider": "slider with help", "stSelectbox": "selectbox",
           "stMultiSelect": "multiselect", "stRadio": "radio (horizontal)", "stTextInput": "text input",
           "stHeading": "heading", "stMetric": "metric", "stAlert": "alert", "stPageLink": "page link",
           "stDownloadButton": "download button", "stFileUploader": "file uploader", "stTable": "table",
           "stBidiComponentRegular": "chart or other component", "stButtonGroup": "pills", "stButton": "button",
           "stHtml": "html", "stCaptionContainer": "caption", "stMarkdown": "markdown"}
COUNT_JS = """(ids) => {
  const out = {};
  for (const root of document.querySelectorAll('[data-testid=stMain]')) {
    for (const box of root.querySelectorAll('[data-testid=stElementContainer]')) {
      let kind = 'other';
      for (const id of ids) { if (box.querySelector(`[data-testid=${id}]`)) { kind = id; break; } }
      out[kind] = (out[kind] || 0) + 1;
    }
    out.stExpander = (out.stExpander || 0) + root.querySelectorAll('[data-testid=stExpander]').length;
  }
  return out;
}"""


def switch_to_full(browser, script: Path, tmp: Path) -> float:
    """Median settled time (ms) of the switch «Tom» -> «Full» of the app in `script`."""
    server = Server(script, tmp)
    try:
        page = _open(browser, server.url, "h1")
        runs = _press_loop([(page, _nav_act("Tom", "Full"))], N_INPUTS)[0]
        page.close()
        return statistics.median(r["settled"] for r in runs[0::2])  # even inputs go to «Full»
    finally:
        server.stop()


def element_costs(browser, tmp: Path) -> tuple[float, dict[str, float]]:
    """The title-only switch (ms) and each kind's cost per element (ms)."""
    def app(kind: str | None) -> Path:
        folder = tmp / f"app{len(list(tmp.glob('app*')))}"
        folder.mkdir()
        element = KINDS[kind] if kind else "pass"
        (folder / "app.py").write_text(APP.format(n=N_ELEMENTS if kind else 0, element=element))
        return folder / "app.py"

    base = switch_to_full(browser, app(None), tmp)
    print(f"switch to a page with a title only: {base:.0f} ms ({load()})")
    costs = {}
    for kind in KINDS:
        full = switch_to_full(browser, app(kind), tmp)
        costs[kind] = (full - base) / N_ELEMENTS
        print(f"  {kind:<22} {N_ELEMENTS} of them: {full:5.0f} ms -> {costs[kind]:4.1f} ms an element ({load()})",
              flush=True)
    return base, costs


def app_pages(browser, tmp: Path) -> tuple[dict[str, dict[str, int]], dict[str, float]]:
    """Elements by kind on «Samarbeidet» and «Sammenligning» (main area, as the browser has it),
    and the median settled switch to each (ms), as bench_speed.py measures it."""
    server = Server(None, tmp)
    counts = {}
    try:
        for path in ("samarbeidet", "sammenligning"):
            page = _open(browser, f"{server.url}/{path}", "h1")
            raw = page.evaluate(COUNT_JS, list(TESTIDS))
            counts[path] = {TESTIDS.get(k, k): n for k, n in raw.items() if n}
            page.close()
        page = _open(browser, f"{server.url}/samarbeidet", "h1")
        runs = _press_loop([(page, _nav_act("Samarbeidet", "Sammenligning"))], N_INPUTS)[0]
        page.close()
    finally:
        server.stop()
    switch = {"sammenligning": statistics.median(r["settled"] for r in runs[0::2]),
              "samarbeidet": statistics.median(r["settled"] for r in runs[1::2])}
    return counts, switch


if __name__ == "__main__":
    if not Path(CHROMIUM).exists():
        print(f"browser: no chromium at {CHROMIUM}, skipped")
        sys.exit(0)
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS

    tmp = Path(tempfile.mkdtemp(prefix="bench-elements-"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base, costs = element_costs(browser, tmp)
        counts, switch = app_pages(browser, tmp)
        browser.close()
    budget = 0.5 * base
    print(f"\nthe 1,5x target leaves {budget:.0f} ms for a page's elements (half the title-only switch, {base:.0f} ms)")
    for path, kinds in counts.items():
        priced = sum(n * costs[k] for k, n in kinds.items() if k in costs)
        unpriced = {k: n for k, n in kinds.items() if k not in costs}
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]) if k in costs)
        print(f"  «{path}»: switch to it {switch[path]:.0f} ms, {switch[path] - base:.0f} ms above the title-only "
              f"switch; its elements priced: {priced:.0f} ms ({detail}; not priced: {unpriced or 'none'})")
