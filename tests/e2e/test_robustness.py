"""Browser: moving a weight changes the stability chart; the walking-weights fragment moves the ranking."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import choose_option, hold_answers, let_through, wait_for_answers, wait_for_app

pytestmark = pytest.mark.e2e

LIVE = ':not([data-stale="true"])'  # Streamlit keeps a stale copy of an element while a (fragment) rerun runs

CHART_DATA = """(key) => {
  // a fragment rerun briefly keeps a stale copy of the element: read the live one
  const el = document.querySelector('.st-key-' + key + ':not([data-stale="true"]) .js-plotly-plot');
  if (!el || !el.data) return null;
  return {data: el.data.map(t => ({x: Array.from(t.x || []), base: Array.from(t.base || [])})),
          shapes: ((el.layout || {}).shapes || []).map(s => s.x0)};
}"""


def own_requests(blocked: list[str]) -> list[str]:
    """Requests that left for another host (none may: the favicon and everything else are local)."""
    return list(blocked)


def chart(page, key):
    """The live chart `key`'s data and shapes, scrolled into view first (a chart below the window is drawn when
    it comes near)."""
    page.locator(f".st-key-{key}{LIVE}").scroll_into_view_if_needed()
    page.wait_for_function(f"() => {{ const el = document.querySelector('.st-key-{key}{LIVE} .js-plotly-plot');"
                           " return el && el.data; }")
    return page.evaluate(CHART_DATA, key)


def open_robustness(app_page, app_server):
    app_page.goto(app_server.url + "/robusthet")
    wait_for_app(app_page)
    try:
        app_page.get_by_text("Stabilitetsintervaller: én faktor om gangen").wait_for()
    except Exception:
        app_page.screenshot(path="/tmp/robusthet_failed.png", full_page=True)
        raise
    return chart(app_page, "stability_chart")


def press_slider(page, key: str, keyname: str, times: int) -> None:
    thumb = page.locator(f".st-key-{key}{LIVE} input[type='range']")
    thumb.focus()
    for _ in range(times):
        page.keyboard.press(keyname)


def test_sidebar_weight_moves_the_stability_chart(app_page, app_server, external_requests):
    before = open_robustness(app_page, app_server)
    app_page.locator(".st-key-weight_slider_6 input[type='range']").wait_for()  # the sidebar's weight panel
    snapshot = f"() => JSON.stringify(({CHART_DATA})('stability_chart'))"
    app_page.evaluate(f"() => {{ window.__before = ({snapshot})(); }}")
    press_slider(app_page, "weight_slider_6", "PageUp", 3)  # +30 points on Gjennomføringsevne
    # wait for the chart's own data to change (a DOM mutation alone can come before the rerun)
    app_page.wait_for_function(  # a live chart whose data differs (not the brief gap while it is swapped)
        f"() => {{ const now = ({snapshot})(); return now !== 'null' && now !== window.__before; }}", timeout=30_000)
    wait_for_app(app_page)
    after = chart(app_page, "stability_chart")
    assert after != before
    # the marker for factor 6 (row 7 from the top; the chart lists factor 12 first) moved right
    assert after["data"][1]["x"][6] > before["data"][1]["x"][6]
    app_page.screenshot(path="/tmp/robusthet_after_weight.png", full_page=True)
    assert own_requests(external_requests) == []


def test_walking_weights_fragment_moves_the_ranking(app_page, app_server, external_requests):
    stability_before = open_robustness(app_page, app_server)
    walking_before = chart(app_page, "walking_ranking")
    app_page.locator(f".st-key-walking_chart{LIVE}").scroll_into_view_if_needed()
    press_slider(app_page, "walk_weight_1", "End", 1)
    app_page.wait_for_function("""(before) => {
        const el = document.querySelector('.st-key-walking_ranking:not([data-stale="true"]) .js-plotly-plot');
        return el && el.data && JSON.stringify(Array.from(el.data[0].x)) !== before; }""",
                               arg=str(walking_before["data"][0]["x"]).replace(" ", ""), timeout=30_000)
    wait_for_app(app_page)
    walking_after = chart(app_page, "walking_ranking")
    assert walking_after["data"][0]["x"] != walking_before["data"][0]["x"]
    assert chart(app_page, "walking_chart")["shapes"][1] == pytest.approx(100)
    assert chart(app_page, "stability_chart") == stability_before  # only the fragment reran
    app_page.locator(f".st-key-walking_chart{LIVE}").screenshot(path="/tmp/robusthet_walking.png")
    assert own_requests(external_requests) == []


def test_walking_weight_shows_a_norwegian_percentage_in_an_english_browser(app_server, browser):
    """The walking-weights slider showed «25.9 %» (a printf format writes a decimal point in every browser)."""
    context = browser.new_context(locale="en-US")
    try:
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(app_server.url) else r.abort())
        page = context.new_page()
        page.set_default_timeout(30_000)
        open_robustness(page, app_server)
        chart(page, "walking_chart")
        value = page.locator(f".st-key-walk_weight_1{LIVE} [data-testid='stSliderThumbValue']")
        assert value.inner_text().replace("\u00a0", " ") == "25,9 %"  # factor 1's weight, 25,9 % of the total
        press_slider(page, "walk_weight_1", "ArrowLeft", 1)  # the slider's 0,5-point steps: 26 -> 25,5
        page.wait_for_function("(sel) => { const el = document.querySelector(sel);"
                               " return el && el.innerText.replace(/\\u00a0/g, ' ') === '25,5 %'; }",
                               arg=f".st-key-walk_weight_1{LIVE} [data-testid='stSliderThumbValue']")
        page.locator(f".st-key-walk_weight_1{LIVE}").wait_for()
        page.locator("[data-testid='stMarkdownContainer']",  # the sentence under the slider, same number
                     has_text=re.compile(r"Med 25,5\s%\s+på Kvalitet og tilgjengelighet")).first.wait_for()
    finally:
        context.close()


SCROLL_BOX = """(heading) => { const box = [...document.querySelectorAll('[data-testid=stTable] > div')]
  .find((b) => b.querySelector('th') && b.innerText.includes(heading)); box.scrollLeft = 0;
  return {wider: box.scrollWidth > box.clientWidth + 20, background: getComputedStyle(box).backgroundImage}; }"""


@pytest.mark.parametrize(("path", "opens", "heading"), [
    ("robusthet", "Tabell og setninger for alle faktorer", "Står seg fra"),  # the stability intervals
    ("sammenligning", "Vis alle poeng per faktor og tabell", "Rang")])  # the ranking, with reasons
def test_a_table_wider_than_a_phone_shows_that_it_scrolls(app_page, app_server, path, opens, heading):
    """Found by a fresh tester: on a phone the interval table («Robusthet») scrolled sideways with nothing to say
    so; the ranking table on «Sammenligning» does too (alternatives and the strongest factors, in words).
    A shadow at the edge with more to show is the cue."""
    page = app_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    page.get_by_text(opens).click()
    page.locator('[data-testid="stTable"]').filter(has_text=heading).first.wait_for()
    wait_for_app(page)
    box = page.evaluate(SCROLL_BOX, heading)
    assert box["wider"], "the table fits a phone: nothing to scroll"
    assert box["background"].count("radial-gradient") == 2 and box["background"].count("linear-gradient") == 2


TABLE_WIDTHS = """() => [...document.querySelectorAll('[data-testid=stTable] > div')]
  .filter((box) => box.getBoundingClientRect().width > 0)
  .map((box) => ({text: box.innerText.slice(0, 40), client: box.clientWidth, scroll: box.scrollWidth,
                  font: getComputedStyle(box.querySelector('td')).fontSize}))"""


@pytest.mark.parametrize(("path", "opens", "tables"), [
    ("kostnader", None, 1),  # the cost split: 12 px too wide with «kr» after every amount
    ("robusthet", None, 1),  # the acceptability of each alternative (SMAA): 24 px too wide
    ("parvis", "Vektene som tabell", 2)])  # the consistency ratios: 45 px too wide
def test_the_plain_tables_fit_a_phone(app_page, app_server, path, opens, tables):
    """On a 390 px phone three plain tables scrolled sideways for a few pixels, their last column cut off with only
    a faint shadow to say so. On a phone the cells are tighter (3 px sides, 13 px text; ui.widgets.WIDE_TABLE_CSS)
    and the cost split says «kr» in its headings only: every one fits the screen, text not shrunk further."""
    from ikt_model.decision.profile import Profile
    from ikt_model.decision.weights import default_weights
    from ikt_model.ui.share import QUERY_PARAM, encode_state

    page = app_page
    page.set_viewport_size({"width": 390, "height": 844})
    members = ["1508", "1532", "1531", "1517", "1516"]  # Ålesund, Giske, Sula, Hareid, Ulstein
    link = encode_state(Profile(members=members, municipalities=len(members)), default_weights(), {})
    page.goto(f"{app_server.url}/{path}?{QUERY_PARAM}={link}")
    wait_for_app(page)
    if opens:
        page.get_by_text(opens).click()
    page.wait_for_function(f"() => [...document.querySelectorAll('[data-testid=stTable]')]"
                           f".filter((t) => t.getBoundingClientRect().width > 0).length >= {tables}")
    wait_for_app(page)
    shown = page.evaluate(TABLE_WIDTHS)
    assert len(shown) >= tables, shown
    assert [t for t in shown if t["scroll"] > t["client"] + 1] == [], shown
    assert {t["font"] for t in shown} == {"13px"}, shown


def _pairwise_weights_table(page, url: str):
    """«Parvise vekter»'s weights table, opened («Vektene som tabell»)."""
    page.goto(f"{url}/parvis")
    wait_for_app(page)
    page.get_by_text("Vektene som tabell").click()
    table = page.locator('[data-testid="stTable"]').filter(has_text="Sentral styring")
    table.wait_for()
    return table


def test_a_plain_tables_cells_are_text_not_markdown(app_page, app_server):
    """st.table renders a cell as Markdown: «10. Samarbeid» was an ordered list whose «1» was cut off at the
    cell's edge (a fresh tester). The cells are escaped: the text reads as written, with no list in the table."""
    table = _pairwise_weights_table(app_page, app_server.url)
    assert table.locator("ol, ul").count() == 0
    cells = table.locator("td").all_inner_texts()
    assert any(c.startswith("10. Samarbeid") for c in cells) and any(c == "12. Ledelse" for c in cells), cells


ALIGNMENT = """(table) => { const cols = [...table.querySelectorAll('thead th')].map((th) => th.innerText.trim());
  const cell = (tr, i) => getComputedStyle(tr.children[i]).textAlign;
  const row = table.querySelector('tbody tr');
  return cols.map((name, i) => ({name, heading: getComputedStyle(table.querySelectorAll('thead th')[i]).textAlign,
                                 cell: cell(row, i)})); }"""


def test_a_plain_tables_numbers_and_their_headings_are_right_aligned(app_page, app_server):
    """The numbers of a plain table stood left-aligned, so their digits did not stand under each other, and over
    the one table that aligned them right the headings stayed left (a fresh tester). Checked as the browser draws
    them, on «Parvise vekter»'s weights table: the text column left, the number columns and their headings
    right."""
    columns = _pairwise_weights_table(app_page, app_server.url).locator("table").evaluate(ALIGNMENT)
    assert columns[0]["heading"] in ("left", "start") and columns[0]["cell"] in ("left", "start"), columns
    numbers = columns[1:]
    assert numbers and all(c["heading"] == "right" and c["cell"] == "right" for c in numbers), columns


def test_back_right_after_choosing_a_weight_set_shows_the_page_before_with_the_chosen_weights(app_page, app_server):
    """Found this session: a weight set chosen on «Robusthet», then Back within a second. The page switch left
    the browser before the weight set's answer came back, carrying the sliders' old values: they were taken for
    the user's moves (the old weights back as «Egendefinert»), and the reruns they asked for drew «Robusthet»'s
    parts into «Sammenligning»: Streamlit's page went blank («Bad delta path index»), about 4 times in 10.
    Repeated, the timing varies: every time the page before shows, with the chosen weight set."""
    page = app_page
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_server.url + "/sammenligning")
    page.locator(".st-key-ranking_chart .ikt-live-chart.js-plotly-plot").wait_for()
    wait_for_app(page)
    weight_set = page.locator('[data-testid="stSelectbox"]').filter(has_text="Vektsett")
    for chosen in ["Like vekter", "Rapportens prioritering"] * 4:
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Robusthet").first.click()
        page.get_by_role("heading", level=1).filter(has_text="Robusthet").wait_for()
        wait_for_app(page)
        choose_option(page, weight_set.locator("input"), chosen)
        wait_for_app(page)  # returns at once: the weight set's run is shorter than Streamlit's running sign's delay
        page.go_back()
        page.get_by_role("heading", level=1).filter(has_text="Sammenligning").wait_for(timeout=10_000)
        wait_for_app(page)
        assert errors == []
        page.wait_for_function(  # the chosen set, not «Egendefinerte vekter»
            "chosen => document.querySelector('[data-testid=\"stSidebar\"] input[aria-label=\"Vektsett\"]')"
            "?.value === chosen", arg=chosen, timeout=10_000)
        assert "/sammenligning" in page.url


def test_a_judgment_moved_before_the_filled_in_values_arrived_leaves_them_in_place(app_page, app_server):
    """«Fyll inn fra vektene som brukes nå» sets the judgments; a slider moved before that answer reached the
    browser sent every other judgment as the browser still showed it (all «Like viktige»), and the filled-in
    values were undone. A judgment the button changes now gets a new key (ui.widgets.server_value_key)."""
    page = app_page
    held = hold_answers(page)
    page.goto(app_server.url + "/parvis")
    wait_for_app(page)
    thumbs = page.locator('[data-testid="stSlider"] [data-testid="stSliderThumbValue"]')
    thumbs.nth(18).wait_for()  # the short path's 19 judgments
    assert {t.inner_text() for t in thumbs.all()} == {"Like viktige"}
    held["on"] = True
    page.get_by_role("button", name="Fyll inn fra vektene som brukes nå").click()
    wait_for_answers(page, held, 1)  # filled in on the server; the browser still shows every slider at «Like»
    last = page.locator('[data-testid="stSlider"]').last.get_by_role("slider")
    last.focus()
    last.press("ArrowRight")
    wait_for_answers(page, held, 2)
    let_through(held)
    wait_for_app(page)
    page.wait_for_timeout(300)
    moved = [t.inner_text() for t in thumbs.all() if t.inner_text() != "Like viktige"]
    assert len(moved) > 1, moved  # the filled-in judgments (25,9 against 10,6 gives «… 2») and the one moved


ENDS = """(slider) => {
  const bar = slider.querySelector('[data-testid="stSliderTickBar"]');
  const ends = [...bar.children].map(e => e.getBoundingClientRect());
  const box = slider.getBoundingClientRect();
  const p = bar.lastElementChild.querySelector('p');
  return {opacity: getComputedStyle(bar).opacity, texts: [...bar.children].map(e => e.innerText),
          left: ends[0].left - box.left, right: box.right - ends[ends.length - 1].right,
          bottom: ends.map(e => e.bottom), sliderBottom: box.bottom, cut: p.scrollWidth > p.clientWidth};
}"""


def test_a_judgments_ends_are_shown_on_a_phone_without_hover(app_page, app_server):
    """Found by a fresh tester: «Parvise vekter»'s end labels (which side each end stands for) showed only while
    the pointer was over a slider, which a phone has not. They are shown always in the main area, each on one line
    inside the slider's box, above the next slider; the sidebar's weight sliders keep Streamlit's hover-only ends."""
    page = app_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(app_server.url + "/parvis")
    wait_for_app(page)
    sliders = page.locator('[data-testid="stMain"] [data-testid="stSlider"]')
    sliders.nth(1).wait_for()
    first = sliders.first.evaluate(ENDS)
    assert first["opacity"] == "1", first
    assert first["texts"] == ["Tjenester og utvikling 9", "Økonomi, kompetanse og innkjøpsmakt 9"], first
    assert first["left"] >= -1 and first["right"] >= -1, first  # inside the slider's box, the long one cut with «…»
    assert first["cut"] and max(first["bottom"]) <= first["sliderBottom"] + 1, first
    next_label = sliders.nth(1).locator('[data-testid="stWidgetLabel"]').bounding_box()
    assert max(first["bottom"]) <= next_label["y"], (first, next_label)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    weight = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').first
    weight.wait_for()
    assert weight.evaluate(ENDS)["opacity"] == "0"
