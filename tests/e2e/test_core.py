"""Browser: fill the profile, move a weight, the ranking changes — all with third-party hosts blocked."""

import statistics

import pytest

from tests.e2e.conftest import (
    choose_option,
    draw_every_chart,
    fresh_page,
    hold_answers,
    is_open,
    let_through,
    open_expander,
    open_folded_parts,
    switch_on,
    wait_for_answers,
    wait_for_app,
)

pytestmark = pytest.mark.e2e

TOP = '[data-testid="stMarkdownContainer"]:has-text("Høyest rangert med disse vektene")'
CONDITIONS = "Forhold som påvirker vurderingen"  # «Samarbeidet»'s expander with the toggles (drawn only while open)
WHY = "Hvorfor? De sterkeste grunnene"  # «Sammenligning»'s expander with the reasons and the difference chart
WHAT_IF = "Hva om …? (endrer profilen)"


def _top_text(page) -> str:
    return page.locator(TOP).first.inner_text()


def _selectbox(page, label: str):
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input")


def _slider(page, label: str):
    return page.locator('[data-testid="stSlider"]').filter(has_text=label).locator('input[type=range]')


def test_fill_profile_move_weight_ranking_changes(app_page, app_server, external_requests):
    page = app_page
    page.goto(app_server.url + "/samarbeidet")
    wait_for_app(page)
    page.get_by_text("Eksisterende samarbeid som fungerer", exact=True).click()
    wait_for_app(page)
    choose_option(page, _selectbox(page, "Nåværende styringsmodell"), "KS-modellen")
    wait_for_app(page)
    choose_option(page, _selectbox(page, "Nåværende organisasjonsform"), "Interkommunalt selskap (IKS)")
    wait_for_app(page)
    page.get_by_text("Dagens ordning: KS-modellen + Interkommunalt selskap (IKS)").wait_for()

    page.get_by_role("link", name="Se sammenligningen av alternativene").click()
    page.locator(TOP).first.wait_for()
    wait_for_app(page)
    # 4.2: an existing collaboration that works keeps its form and changes the model
    assert "Alternativ modell + Interkommunalt selskap (IKS)" in _top_text(page)
    page.locator(".js-plotly-plot").first.wait_for()

    thumb = _slider(page, "Digitalisering og teknologisk utvikling")
    thumb.focus()
    thumb.press("End")  # digitalisation to 100 points: KO's «Bedre muligheter» (4.2) outweighs keeping the form
    page.locator('[data-testid="stMarkdownContainer"]',
                 has_text="Høyest rangert med disse vektene: Alternativ modell + Kommunalt oppgavefellesskap"
                 ).wait_for()
    # the report's advice stays, and the page says which weights overruled it
    assert "Behold organisasjonsformen" in page.locator(
        '[data-testid="stMarkdownContainer"]:has-text("Rapportens råd")').first.inner_text()
    assert "Digitalisering og teknologisk utvikling" in page.locator(
        '[data-testid="stAlertContentInfo"]').first.inner_text()
    assert external_requests == []


def test_a_click_before_the_profile_page_has_drawn_loses_no_toggle(app_page, app_server):
    """Status clicked while the page's first run is still drawing: the run is interrupted before the toggles
    arrive, and the next run (invalid profile until model and form are chosen) must still send their values.
    Before the fix the browser drew them at the toggle's default (off) and sent «off» back with the next
    change: «stabil drift» was lost and «Sammenligning» put the gate first. The click is repeated on fresh
    pages because it only sometimes lands before the toggles. The toggles are drawn only while «Forhold som
    påvirker vurderingen» is open (issue 14): it is opened first, and the page is come back to by the menu
    (the expander is remembered open), so the first run the click interrupts is one that draws them."""
    page = app_page
    expected = None
    for _ in range(3):
        page.goto(app_server.url + "/samarbeidet")
        wait_for_app(page)
        open_expander(page, CONDITIONS)
        _nav(page, "Sammenligning")
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Samarbeidet").first.click()
        page.get_by_text("Eksisterende samarbeid som fungerer", exact=True).click()  # no wait: early click
        wait_for_app(page)
        assert is_open(page, CONDITIONS)
        toggles = page.locator('[data-testid="stCheckbox"]').filter(has_text="stabil drift").locator("input")
        assert toggles.is_checked(), "«Samarbeidet har stabil drift» drawn as off"
        # the page's nine yes/no questions; read them once all are drawn and none is left from a run before (the
        # status click puts the model and form fields above the part: until the run ends, Streamlit keeps the old
        # toggles beside the new ones, marked stale; a loaded machine read ten)
        fresh = ('[data-testid="stMain"] [data-testid="stElementContainer"]:not([data-stale="true"]) '
                 '[data-testid="stCheckbox"] input')
        page.wait_for_function(f"() => document.querySelectorAll('{fresh}').length >= 9")
        wait_for_app(page)
        states = page.locator(fresh).evaluate_all("es => es.map(e => e.checked)")
        labels = page.locator(fresh).evaluate_all(
            "es => es.map(e => e.closest('[data-testid=\"stCheckbox\"]').innerText + ' | ' + "
            "e.closest('[data-testid=\"stElementContainer\"]').className + ' | ' + "
            "(e.closest('[data-testid=\"stExpander\"]') || {innerText: 'no expander'}).innerText.slice(0, 40))")
        assert len(states) == 9, labels
        expected = expected or states
        assert states == expected and sum(states) == 3, states  # board, stable operations, borrowing on
        choose_option(page, _selectbox(page, "Nåværende styringsmodell"), "KS-modellen")
        wait_for_app(page)
        choose_option(page, _selectbox(page, "Nåværende organisasjonsform"), "Interkommunalt selskap (IKS)")
        wait_for_app(page)
        page.get_by_text("Dagens ordning: KS-modellen + Interkommunalt selskap (IKS)").wait_for()
        assert page.locator('[data-testid="stCheckbox"]').filter(has_text="stabil drift").locator(
            "input").is_checked()
        page.get_by_role("link", name="Se sammenligningen av alternativene").click()
        page.locator(TOP).first.wait_for()
        wait_for_app(page)
        advice = page.locator('[data-testid="stMarkdownContainer"]:has-text("Rapportens råd")').first.inner_text()
        assert "stabil drift på plass" not in advice and "Behold organisasjonsformen" in advice, advice


def test_slider_to_chart_latency_measured_in_page(app_page, app_server, record_property):
    """Not a timed assertion: records the in-page latency from key press to the chart's text change."""
    page = app_page
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    page.locator(".js-plotly-plot .textpoint").first.wait_for()
    page.evaluate("""() => {
        window.__lat = [];
        document.addEventListener('keydown', () => {
            const t0 = performance.now();
            const bars = () => Array.from(document.querySelectorAll('.js-plotly-plot .textpoint'))
                .map(e => e.textContent).join('|');
            const before = bars();
            const obs = new MutationObserver(() => {
                if (bars() !== before) {
                    obs.disconnect();
                    requestAnimationFrame(() => window.__lat.push(performance.now() - t0));
                }
            });
            obs.observe(document.body, {subtree: true, childList: true, characterData: true});
        }, true);
    }""")
    thumb = _slider(page, "Omstillingsevne")
    thumb.focus()
    for i in range(8):
        count = page.evaluate("window.__lat.length")
        thumb.press("PageUp" if i % 2 == 0 else "PageDown")
        page.wait_for_function(f"window.__lat.length > {count}", timeout=30_000)
        wait_for_app(page)
    latencies = page.evaluate("window.__lat")
    record_property("slider_to_chart_ms_median", statistics.median(latencies))
    print(f"slider -> ranking chart updated: median {statistics.median(latencies):.0f} ms, "
          f"min {min(latencies):.0f}, max {max(latencies):.0f} (n={len(latencies)})")
    assert len(latencies) == 8


def test_a_weight_change_redraws_the_charts_in_place(app_page, app_server, external_requests):
    """Issue 14: the charts that follow the weights are the same plotly charts after a weight change, redrawn
    (the ranking's totals change), not thrown away and built again; plotly.js comes from the app itself."""
    page = app_page
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    page.locator(".ikt-live-chart .textpoint").first.wait_for()
    wait_for_app(page)  # the first run finished (on a busy machine the charts can come before its end)
    open_expander(page, WHY)  # the difference chart is drawn only while «Hvorfor?» is open
    assert draw_every_chart(page) == 3  # the ones below the window too
    page.wait_for_timeout(300)
    before = page.evaluate("""() => {
        window.__charts = Array.from(document.querySelectorAll('.ikt-live-chart.js-plotly-plot'));
        return Array.from(document.querySelectorAll('.ikt-live-chart .textpoint')).map(e => e.textContent).join('|');
    }""")
    thumb = _slider(page, "Digitalisering og teknologisk utvikling")
    thumb.focus()
    thumb.press("End")
    page.wait_for_function("""before => Array.from(document.querySelectorAll('.ikt-live-chart .textpoint'))
        .map(e => e.textContent).join('|') !== before""", arg=before)
    wait_for_app(page)
    draw_every_chart(page)  # a chart below the window gets the new figure when it comes near
    renewed = page.evaluate("""() => {  // the keys of the charts that are not the same elements as before
        const key = (c) => (c.closest('[class*="st-key-"]') || {className: '?'}).className.match(/st-key-\\S+/)?.[0];
        const now = Array.from(document.querySelectorAll('.ikt-live-chart.js-plotly-plot'));
        return [...now.filter((c) => !window.__charts.includes(c)).map(key),
                ...window.__charts.filter((c) => !c.isConnected).map((c) => 'gone: ' + key(c))];
    }""")
    assert renewed == [], f"charts built anew instead of being updated: {renewed}"
    assert external_requests == []



RANKING = ".st-key-ranking_chart .ikt-live-chart.js-plotly-plot"
RANKING_X = f"document.querySelector('{RANKING}').data.map(t => Array.from(t.x).join('|')).join(';')"


def _nav(page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    page.get_by_role("heading", level=1).filter(has_text=title).wait_for()
    wait_for_app(page)


def test_a_chart_is_kept_while_its_page_is_left_and_updated_when_its_figure_changed(app_page, app_server, browser):
    """Issue 14 (page switch): the ranking drawn on «Sammenligning» is kept while another page is shown and put
    back when the user returns: the same drawing when nothing changed (not laid out anew), updated when the
    profile changed meanwhile (the figure a new browser draws for the same state), and not thrown away by a
    page with live charts of its own («Robusthet»)."""
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_server.url + "/sammenligning")
    page.locator(RANKING).wait_for()
    wait_for_app(page)
    before = page.evaluate(f"() => {{ window.__ranking = document.querySelector('{RANKING}'); return {RANKING_X}; }}")
    _nav(page, "Samarbeidet")
    assert page.evaluate("window.__ranking.isConnected") is False
    _nav(page, "Sammenligning")
    page.locator(RANKING).wait_for()
    assert page.evaluate(f"document.querySelector('{RANKING}') === window.__ranking")  # the same drawing
    assert page.evaluate(RANKING_X) == before
    _nav(page, "Robusthet")  # a page that draws live charts of its own (and clears charts no page keeps)
    _nav(page, "Sammenligning")
    page.locator(RANKING).wait_for()
    assert page.evaluate(f"document.querySelector('{RANKING}') === window.__ranking")
    assert page.locator(f"{RANKING} .textpoint").count() >= 12  # still drawn: every alternative's total

    _nav(page, "Samarbeidet")
    open_expander(page, CONDITIONS)
    switch_on(page, "Strategi om å selge tjenester til andre")  # the totals change (AS, 4.2)
    _nav(page, "Sammenligning")
    page.wait_for_function(f"b => {RANKING_X} !== b", arg=before)
    wait_for_app(page)
    assert page.evaluate(f"document.querySelector('{RANKING}') === window.__ranking")  # updated, not built anew
    updated = page.evaluate(RANKING_X)
    with fresh_page(browser, app_server) as other:  # the same state from its share link, in a new browser
        other.set_viewport_size({"width": 1400, "height": 1000})
        other.goto(page.url)
        other.locator(RANKING).wait_for()
        wait_for_app(other)
        assert other.evaluate(RANKING_X) == updated
    _nav(page, "Samarbeidet")
    page.set_viewport_size({"width": 1000, "height": 900})  # the window narrowed while the chart was away
    _nav(page, "Sammenligning")
    fits = f"""() => {{ const c = document.querySelector('{RANKING}'), svg = c.querySelector('.main-svg');
        const box = c.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
        return c === window.__ranking && drawn.right <= box.right + 1 && drawn.width >= box.width - 2; }}"""
    page.wait_for_function(fits)


def test_a_kept_chart_is_fitted_to_a_column_that_changed_width_while_its_page_was_left(app_page, app_server):
    """The same figure, kept while «Kunnskapsgrunnlag» was open and the window was narrowed: back on
    «Sammenligning» the chart is the same drawing, laid out again for its narrower column (the browser's resize
    observer does it; the chart is not measured while Streamlit puts the page together, issue 14)."""
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_server.url + "/sammenligning")
    page.locator(RANKING).wait_for()
    wait_for_app(page)
    page.evaluate(f"window.__ranking = document.querySelector('{RANKING}')")
    wide = page.locator(f"{RANKING} .main-svg").first.bounding_box()["width"]
    _nav(page, "Kunnskapsgrunnlag")
    page.set_viewport_size({"width": 1000, "height": 1000})
    _nav(page, "Sammenligning")
    fits = f"""() => {{ const c = document.querySelector('{RANKING}'), svg = c && c.querySelector('.main-svg');
        if (!svg) return false;
        const box = c.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
        return drawn.right <= box.right + 1 && drawn.width >= box.width - 2; }}"""
    page.wait_for_function(fits, timeout=10_000)
    assert page.evaluate(f"document.querySelector('{RANKING}') === window.__ranking")  # kept, not built anew
    assert page.locator(f"{RANKING} .main-svg").first.bounding_box()["width"] < wide - 200


def test_a_kept_chart_of_old_weights_is_not_shown_and_is_drawn_anew_for_a_phone(app_page, app_server, browser):
    """Found by a fresh tester: «Sammenligning» at 1400 px, other weights on «Robusthet», the window narrowed to
    a phone's, Back. The kept ranking is far below the phone's window: its old drawing (old totals, 1400 px
    wide) is hidden while it waits, and when scrolled to it is drawn with the new weights for the phone's column,
    as a new browser draws it."""
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_server.url + "/sammenligning")
    page.locator(RANKING).wait_for()
    wait_for_app(page)
    before = page.evaluate(RANKING_X)
    _nav(page, "Robusthet")
    choose_option(page, _selectbox(page, "Vektsett"), "Like vekter")
    wait_for_app(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.go_back()
    page.get_by_role("heading", level=1).filter(has_text="Sammenligning").wait_for()
    wait_for_app(page)
    chart = page.locator(RANKING)
    if chart.evaluate("d => d.iktPending"):  # far below the window: the old drawing is not shown meanwhile
        assert chart.evaluate("d => getComputedStyle(d.querySelector('.plot-container')).visibility") == "hidden"
    chart.scroll_into_view_if_needed()
    drawn = f"""() => {{ const c = document.querySelector('{RANKING}'), svg = c.querySelector('.main-svg');
        const box = c.getBoundingClientRect(), inner = svg.getBoundingClientRect();
        return !c.iktPending && getComputedStyle(c.querySelector('.plot-container')).visibility === 'visible'
               && inner.right <= box.right + 1 && inner.width >= box.width - 2 && ({RANKING_X}) !== {before!r}; }}"""
    page.wait_for_function(drawn)
    now = page.evaluate(RANKING_X)
    with fresh_page(browser, app_server) as other:  # a new browser, the same link, the same width
        other.set_viewport_size({"width": 390, "height": 844})
        other.goto(page.url)
        wait_for_app(other)
        other.locator(".st-key-ranking_chart").scroll_into_view_if_needed()
        other.locator(RANKING).wait_for()
        assert other.evaluate(RANKING_X) == now

DIFFERENCE = ".st-key-difference_chart .ikt-live-chart"
DRAWN_DATA = f"""() => {{ const d = document.querySelector('{DIFFERENCE}.js-plotly-plot');
    return d && d.data ? JSON.stringify(d.data.map(t => [Array.from(t.x || []), Array.from(t.y || [])])) : null; }}"""


def _far_chart_data(page) -> str:
    """The «Hvorfor?» difference chart's data, once the page has drawn it."""
    page.wait_for_function(DRAWN_DATA)
    return page.evaluate(DRAWN_DATA)


def test_a_chart_below_the_window_is_drawn_when_it_comes_near_with_the_latest_weights(app_page, app_server, browser):
    """Issue 14: a weight change redraws the charts in view at once; a chart far below the window waits (with
    its accessible name and its height, so the page does not jump) and is drawn when scrolled to, with the
    latest figure: the same chart a new browser draws from the same share link. Printing draws every chart.
    The chart is in «Hvorfor?», drawn only while open (issue 14): opened without scrolling to it, as the page
    comes back when the user left it open."""
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_server.url + "/sammenligning")
    page.locator(".st-key-ranking_chart .js-plotly-plot").wait_for()
    wait_for_app(page)
    open_expander(page, WHY, scroll=False)
    far = page.locator(DIFFERENCE)
    assert far.evaluate("d => d.iktPending") is True and page.evaluate(DRAWN_DATA) is None
    assert far.get_attribute("role") == "img" and far.get_attribute("aria-label")
    assert far.bounding_box()["height"] >= 200
    thumb = _slider(page, "Digitalisering og teknologisk utvikling")
    before = page.evaluate("document.querySelector('.st-key-ranking_chart .js-plotly-plot').data[0].x.join('|')")
    thumb.focus()
    thumb.press("End")
    page.wait_for_function("b => document.querySelector('.st-key-ranking_chart .js-plotly-plot').data[0].x"
                           ".join('|') !== b", arg=before)
    wait_for_app(page)
    assert far.evaluate("d => d.iktPending") is True and page.evaluate(DRAWN_DATA) is None  # not redrawn unseen
    far.scroll_into_view_if_needed()
    lazily_drawn = _far_chart_data(page)
    with fresh_page(browser, app_server) as other:  # the same state from its share link, in a new browser
        other.set_viewport_size({"width": 1400, "height": 1000})
        other.goto(page.url)
        wait_for_app(other)
        open_expander(other, WHY)
        other.locator(DIFFERENCE).scroll_into_view_if_needed()
        assert _far_chart_data(other) == lazily_drawn
    with fresh_page(browser, app_server) as printed:  # the defaults, drawn for printing without a scroll
        printed.set_viewport_size({"width": 1400, "height": 1000})
        printed.goto(app_server.url + "/sammenligning")
        printed.locator(".st-key-ranking_chart .js-plotly-plot").wait_for()
        wait_for_app(printed)
        open_expander(printed, WHY, scroll=False)
        assert printed.evaluate(DRAWN_DATA) is None
        printed.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert printed.locator(".ikt-live-chart.js-plotly-plot").count() == 3
        assert _far_chart_data(printed) != lazily_drawn  # the weight change did reach the far chart


def test_a_far_chart_drawn_on_a_phone_fits_a_desktop_column_when_scrolled_to(app_page, app_server):
    """A chart drawn on a phone, then changed while far below the window, then the window grown to a desktop's:
    when scrolled to it is drawn for the column it is in now, not the phone's width it was last drawn at."""
    page = app_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(app_server.url + "/sammenligning")
    page.locator(".ikt-chart").first.wait_for(state="attached")
    wait_for_app(page)
    open_expander(page, WHY)
    assert draw_every_chart(page) == 3  # each drawn once at a phone's width; the page is back at the top
    narrow = page.locator(DIFFERENCE).bounding_box()["width"]
    open_expander(page, WHAT_IF)
    switch_on(page, "Strategi om å selge tjenester til andre")  # the profile changes: new figures
    try:  # far away: it waits
        page.wait_for_function(f"document.querySelector('{DIFFERENCE}').iktPending === true", timeout=10_000)
    except Exception:  # noqa: BLE001 (said with where the chart is, to tell a near chart from a lost figure)
        state = page.evaluate(f"""() => {{ const c = document.querySelector('{DIFFERENCE}');
            return {{pending: c.iktPending, top: c.getBoundingClientRect().top, window: innerHeight}}; }}""")
        raise AssertionError(f"the far chart is not waiting for its new figure: {state}") from None
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_timeout(1500)  # the sidebar comes back
    page.locator(DIFFERENCE).scroll_into_view_if_needed()
    fits = f"""() => {{ const c = document.querySelector('{DIFFERENCE}'), svg = c.querySelector('.main-svg');
        const box = c.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
        return !c.iktPending && box.width > {narrow} + 100 && drawn.right <= box.right + 1
               && drawn.width >= box.width - 2; }}"""
    page.wait_for_function(fits)
    page.wait_for_timeout(500)
    assert page.evaluate(fits), page.evaluate(f"""() => {{ const c = document.querySelector('{DIFFERENCE}');
        return [c.getBoundingClientRect().width, c.querySelector('.main-svg').getBoundingClientRect().width]; }}""")


def test_a_live_chart_opens_full_screen_and_comes_back(app_page, app_server):
    """The full-screen button Streamlit's own charts have: the chart fills the screen, and returns to its
    height when closed."""
    page = app_page
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    chart = page.locator(".ikt-chart").first
    chart.locator(".main-svg").first.wait_for()
    height = chart.locator(".ikt-live-chart").bounding_box()["height"]
    chart.hover()
    chart.get_by_role("button", name="Vis diagrammet i fullskjerm").click()
    page.wait_for_function("document.fullscreenElement && document.fullscreenElement.classList.contains('ikt-chart')")
    page.wait_for_function(f"document.querySelector('.ikt-chart .ikt-live-chart').getBoundingClientRect().height "
                           f"> {height} + 50")
    chart.get_by_role("button", name="Lukk fullskjerm").click()
    page.wait_for_function("!document.fullscreenElement")
    page.wait_for_function(f"Math.abs(document.querySelector('.ikt-chart .ikt-live-chart').getBoundingClientRect()"
                           f".height - {height}) < 2")
    # the tester's finding: after a smaller window, closing full screen brought the chart back at its old width
    wide = chart.locator(".ikt-live-chart").bounding_box()["width"]
    page.set_viewport_size({"width": 900, "height": 1000})
    fits = f"""() => {{ const c = document.querySelector('.ikt-chart .ikt-live-chart');
        const svg = c.querySelector('.main-svg'); return svg && svg.getBoundingClientRect().right
        <= c.getBoundingClientRect().right + 1 && c.getBoundingClientRect().width < {wide} - 100; }}"""
    page.wait_for_function(fits)
    chart.hover()
    chart.get_by_role("button", name="Vis diagrammet i fullskjerm").click()
    page.wait_for_function("document.fullscreenElement && document.fullscreenElement.classList.contains('ikt-chart')")
    chart.get_by_role("button", name="Lukk fullskjerm").click()
    page.wait_for_function("!document.fullscreenElement")
    page.wait_for_timeout(500)
    assert page.evaluate(fits), "the chart came back wider than its column"


def test_a_chart_that_cannot_be_drawn_says_so_in_norwegian(app_page, app_server):
    """plotly.js not reachable (a proxy, a broken deploy): each live chart says so on the page, not only in the
    browser's console, and the rest of the page works."""
    page = app_page
    page.route("**/vendor/plotly-cartesian.min.js", lambda route: route.abort())
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    page.locator(".ikt-live-chart", has_text="nettleseren fikk ikke hentet tegnebiblioteket").first.wait_for()
    open_expander(page, WHY)
    charts = draw_every_chart(page)  # those below the window try when they come near
    assert charts == 3 and page.locator(".ikt-live-chart", has_text="Last siden på nytt").count() == charts
    assert "Høyest rangert med disse vektene" in _top_text(page)


def test_explain_box_shows_the_new_best_with_its_rank_after_a_weight_change(app_page, app_server):
    """The fresh tester's finding: «Forklar alternativ» kept showing «1. Alternativ modell + …» (by then 3rd)
    after a weight change, and explained it. It now shows today's best with today's rank, and the reason
    cards below it explain that one."""
    page = app_page
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    open_expander(page, WHY)
    box = _selectbox(page, "Forklar alternativ")
    box.wait_for()
    assert box.input_value().startswith("1. Alternativ modell")
    cards = page.locator(".ikt-why-card")  # «Hvorfor?»'s reason cards: one st.html block, styled as cards
    cards.first.wait_for()
    assert cards.first.evaluate("c => getComputedStyle(c).borderTopWidth") == "1px"
    before = page.locator(".ikt-why").inner_text()
    assert before.startswith("For\n") and "\nMot\n" in before and "kap. " in before
    thumb = _slider(page, "Gjennomføringsevne")
    thumb.focus()
    thumb.press("End")
    page.locator('[data-testid="stMarkdownContainer"]',
                 has_text="Høyest rangert med disse vektene: Hybridmodell + Kommunalt oppgavefellesskap").wait_for()
    wait_for_app(page)
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stSelectbox"]')]
        .filter(b => b.textContent.includes('Forklar alternativ'))
        .some(b => (b.querySelector('input') || {}).value === '1. Hybridmodell + Kommunalt oppgavefellesskap (KO)')""")
    page.wait_for_function("(before) => document.querySelector('.ikt-why').innerText !== before", arg=before)
    assert cards.first.evaluate("c => getComputedStyle(c).borderTopWidth") == "1px"  # still styled after the rerun


ALL_PATHS = ["start", "samarbeidet", "sammenligning", "robusthet", "parvis", "workshop", "delta", "scenarier", "notat",
             "kostnader", "oversikt", "kart", "lignende", "sql", "kunnskapsgrunnlag", "om"]


@pytest.mark.parametrize("path", ALL_PATHS)
def test_pages_have_no_serious_accessibility_violations(app_page, app_server, path):
    """axe-core on every page of the app. Streamlit's own sectioned sidebar navigation (<li> in <div> in
    <ul>) fails axe's two list-structure rules, which the app cannot change: the navigation is checked on
    its own with every other rule (names, contrast, focus); the rest of the page with all rules."""
    from axe_playwright_python.sync_playwright import Axe

    app_page.goto(f"{app_server.url}/{path}")
    # the page's first element before the status check: on a busy machine the first run may not have begun yet,
    # and axe would then check Streamlit's transient «Stop» button (Streamlit's colours, shown while a run lasts)
    app_page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]:visible').first.wait_for()
    wait_for_app(app_page)
    app_page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    open_folded_parts(app_page, path)  # the parts drawn only while their expander is open are checked too
    app_page.wait_for_timeout(500)
    wait_for_app(app_page)
    axe = Axe()
    results = axe.run(app_page, context={"exclude": [['[data-testid="stSidebarNav"]']]})
    bad = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], results.generate_report()
    if app_page.locator('[data-testid="stSidebarNav"]').count():
        nav = axe.run(app_page, context={"include": [['[data-testid="stSidebarNav"]']]},
                      options={"rules": {"list": {"enabled": False}, "listitem": {"enabled": False}}})
        bad = [v["id"] for v in nav.response["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], nav.generate_report()


def test_weight_change_keeps_the_share_link_in_step(app_page, app_server, browser, external_requests):
    """A weight change reruns only the weighted fragments (sidebar + page); the address bar's ?s= must still
    follow, and the link must reproduce the new ranking in a fresh browser."""
    page = app_page
    page.goto(app_server.url + "/sammenligning")
    page.locator(TOP).first.wait_for()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('s=')")
    before = page.evaluate("location.search")
    title = page.locator("h1").first.element_handle()
    thumb = _slider(page, "Gjennomføringsevne")
    thumb.focus()
    thumb.press("End")  # 100 points: Hybridmodell + KO overtakes (see the robustness intervals)
    page.locator(TOP, has_text="Hybridmodell + Kommunalt oppgavefellesskap").wait_for()
    page.wait_for_function(f"() => location.search !== {before!r}")
    wait_for_app(page)
    assert title.evaluate("el => el.isConnected")  # the title was not redrawn: only the fragments reran
    here, link = _top_text(page), page.url
    with fresh_page(browser, app_server) as other:
        other.goto(link)
        other.locator(TOP).first.wait_for()
        wait_for_app(other)
        assert _top_text(other) == here
    assert external_requests == []


def test_back_goes_to_the_previous_page_after_weight_and_profile_changes(app_page, app_server):
    """The share link is kept in the current history entry (ui.address_bar): weight changes add no entries,
    even with the weight panel folded, and one Back press goes to the page before."""
    page = app_page
    page.goto(app_server.url + "/samarbeidet")
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Sammenligning").first.click()
    page.locator(TOP).first.wait_for()
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('s=')")
    entries = page.evaluate("history.length")
    thumb = _slider(page, "Omstillingsevne")
    for key in ("PageUp", "PageUp"):
        before = page.evaluate("location.search")
        thumb.focus()
        thumb.press(key)
        page.wait_for_function(f"() => location.search !== {before!r}")
        wait_for_app(page)
    page.locator('[data-testid="stSidebar"] summary').filter(has_text="Vekter på suksessfaktorene").click()
    wait_for_app(page)
    open_expander(page, WHAT_IF)
    switch_on(page, "Vertskommunen havner på ROBEK")  # a profile change with the panel folded
    assert page.evaluate("history.length") == entries
    page.go_back()
    page.get_by_role("heading", name="Samarbeidet").first.wait_for()
    assert page.evaluate("location.pathname").endswith("/samarbeidet")


CHART_BOXES = """() => [...document.querySelectorAll('.ikt-live-chart')].map((chart) => {
  const box = (el) => { const r = el.getBoundingClientRect();
                        return {l: r.left, r: r.right, t: r.top, b: r.bottom, w: r.width}; };
  const all = (q) => [...chart.querySelectorAll(q)].map(box);
  const panels = all('.nsewdrag'), l = Math.min(...panels.map((p) => p.l)), r = Math.max(...panels.map((p) => p.r));
  return {chart: box(chart), svg: box(chart.querySelector('.main-svg')), plot: {...panels[0], l, r, w: r - l},
          ylabels: all('.ytick text'), xlabels: all('.xtick text'), values: all('.bartext, .textpoint'),
          title: all('.gtitle')[0] || null, xtitle: all('.g-xtitle text')[0] || null};
})"""


def _overlap(a: dict, b: dict, slack: float = 1) -> bool:
    return a["l"] < b["r"] - slack and b["l"] < a["r"] - slack and a["t"] < b["b"] - slack and b["t"] < a["b"] - slack


def _check_chart_boxes(boxes: list[dict]) -> None:
    """Every live chart fits its column: the bars have room, nothing is cut at an edge, the title sits above
    everything else, the axis title is clear of its tick labels and the tick labels of each other."""
    for b in boxes:
        chart, plot = b["chart"], b["plot"]
        assert b["svg"]["r"] <= chart["r"] + 1, b  # drawn for this column's width (not an older, wider one)
        assert plot["w"] >= 0.35 * chart["w"], b  # the bars have room (panels side by side: together)
        for label in (*b["ylabels"], *b["xlabels"], *b["values"]):
            assert chart["l"] - 1 <= label["l"] and label["r"] <= chart["r"] + 1, (label, b)  # nothing cut
        if b["title"]:  # whole (a glyph's ascent may reach 4 px above the box) and clear of everything else
            title = b["title"]
            assert chart["t"] - 4 <= title["t"] and title["r"] <= chart["r"] + 1, b
            for other in (plot, *b["xlabels"], *([b["xtitle"]] if b["xtitle"] else [])):
                assert not _overlap(title, other), (other, b)
        if b["xtitle"]:  # the axis title clear of its tick labels
            assert not any(_overlap(b["xtitle"], label) for label in b["xlabels"]), b
        for labels in (b["xlabels"], b["ylabels"]):  # tick labels clear of each other (turned names ran together)
            assert not any(_overlap(a, c) for i, a in enumerate(labels) for c in labels[i + 1:]), labels
        # column labels clear of the plot (turned form names under the heatmap lost their ends under its cells)
        assert not any(_overlap(label, plot, slack=2) for label in b["xlabels"]), (b["xlabels"], plot)


def _open_charts(page, url: str, charts: int) -> list[dict]:
    page.goto(url)
    if "/sammenligning" in url:  # its difference chart is drawn only while «Hvorfor?» is open
        wait_for_app(page)
        open_expander(page, WHY)
    # every chart there (on a phone they are below the window, not yet drawn), the run finished
    page.wait_for_function(f"document.querySelectorAll('.ikt-chart').length >= {charts}", timeout=60_000)
    wait_for_app(page)
    assert draw_every_chart(page) == charts
    page.wait_for_timeout(300)  # a re-layout for the column's final width
    return page.evaluate(CHART_BOXES)


@pytest.mark.parametrize("width", [390, 768, 1280])
@pytest.mark.parametrize(("path", "charts"), [("sammenligning", 3), ("robusthet", 5), ("parvis", 1)])
def test_charts_fit_a_phone_a_tablet_and_a_projector(app_page, app_server, path, charts, width):
    """On a phone the long category labels (alternatives, factors) took the whole width and left the bars none;
    on a tablet column labels and titles ran off. They are now broken to the width (ui.live_chart, fitWidth)."""
    app_page.set_viewport_size({"width": width, "height": 844})
    boxes = _open_charts(app_page, f"{app_server.url}/{path}", charts)
    assert len(boxes) == charts
    _check_chart_boxes(boxes)


PANEL_TITLES = """() => [...document.querySelectorAll('.st-key-kost_chart .annotation-text')].map((t) => {
  const r = t.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom, w: r.width}; })"""
# each amount written on or after a bar with its panel (the bar's subplot), and every value-axis tick label's turn
COST_VALUES = """() => { const chart = document.querySelector('.st-key-kost_chart .ikt-live-chart');
  const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const values = [...chart.querySelectorAll('.cartesianlayer .subplot')].flatMap((subplot) => {
    const panel = box(chart.querySelector(`.nsewdrag[data-subplot="${subplot.classList[1]}"]`));
    return [...subplot.querySelectorAll('.bartext')].map((t) => ({text: t.textContent, box: box(t), panel})); });
  const turned = [...chart.querySelectorAll('.xtick text, .x2tick text')]
    .filter((t) => (t.getAttribute('transform') || '').includes('rotate')).map((t) => t.textContent);
  return {values, turned}; }"""


@pytest.mark.parametrize("width", [390, 768, 1280])
@pytest.mark.parametrize("members", [["1508", "1532", "1531", "1517", "1516"],  # Ålesund, Giske, Sula, Hareid, Ulstein
                                     ["1515", "1511", "1514"]])  # Herøy, Vanylven, Sande: shares 54, 25, 22 %
def test_the_cost_chart_fits_a_phone_a_tablet_and_a_projector(app_page, app_server, width, members):
    """The cost chart is drawn by the live-chart component too: on a phone the two panel titles side by side ran
    into each other, the amounts after short bars ran past their panel's edge and lost their «kr», and the value
    axis's tick labels were turned. The panels are one above the other now; every amount is whole inside its
    panel and the tick labels are upright."""
    from ikt_model.decision.profile import Profile
    from ikt_model.decision.weights import default_weights
    from ikt_model.ui.share import QUERY_PARAM, encode_state

    link = encode_state(Profile(members=members, municipalities=len(members)), default_weights(), {})
    app_page.set_viewport_size({"width": width, "height": 844})
    [box] = _open_charts(app_page, f"{app_server.url}/kostnader?{QUERY_PARAM}={link}", 1)
    _check_chart_boxes([box])
    titles = app_page.evaluate(PANEL_TITLES)
    assert len(titles) == 2 and not _overlap(*titles), titles
    assert all(box["chart"]["l"] - 1 <= t["l"] and t["r"] <= box["chart"]["r"] + 1 for t in titles), titles
    drawn = app_page.evaluate(COST_VALUES)
    assert len(drawn["values"]) == 2 * len(members) and not drawn["turned"], drawn
    for value in drawn["values"]:
        assert value["text"].endswith("\u00a0kr"), value
        assert value["panel"]["l"] - 1 <= value["box"]["l"] and value["box"]["r"] <= value["panel"]["r"] + 1, value


def test_charts_are_laid_out_again_when_the_window_grows(app_page, app_server):
    """From a phone's width to a desktop's: the sidebar comes back after the window has grown, and the charts
    must follow the column's final width (they stayed as wide as the column without the sidebar)."""
    app_page.set_viewport_size({"width": 390, "height": 844})
    _open_charts(app_page, f"{app_server.url}/sammenligning", 3)
    app_page.set_viewport_size({"width": 1280, "height": 900})
    app_page.wait_for_timeout(1500)
    boxes = app_page.evaluate(CHART_BOXES)
    assert len(boxes) == 3
    _check_chart_boxes(boxes)


THUMB = '[data-testid="stSliderThumbValue"]'


def test_weight_sliders_show_norwegian_numbers_in_an_english_browser(app_server, browser):
    """The sliders' numbers are drawn by the browser in its own language: an en-US browser wrote «25.9».
    The page pins the number format to Norwegian (decimal comma), on the first drawing and after a change."""
    context = browser.new_context(locale="en-US")
    try:
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(app_server.url) else r.abort())
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(app_server.url + "/sammenligning")
        page.locator(TOP).first.wait_for()
        wait_for_app(page)
        assert page.evaluate("navigator.language") == "en-US"  # the browser keeps its own language
        first = page.locator('[data-testid="stSlider"]').filter(has_text="1. Kvalitet og tilgjengelighet")
        first.locator(THUMB).wait_for()
        assert first.locator(THUMB).inner_text() == "25,9"  # factor 1, the report's ROC weight in points
        thumb = _slider(page, "Omstillingsevne")
        thumb.focus()
        thumb.press("ArrowRight")  # 17,5 -> 17,6
        page.locator('[data-testid="stSlider"]').filter(has_text="Omstillingsevne").locator(
            THUMB, has_text="17,6").wait_for()
        wait_for_app(page)
        shown = page.locator(f'[data-testid="stSidebar"] {THUMB}').all_inner_texts()
        assert len(shown) == 12 and not [s for s in shown if "." in s], shown
    finally:
        context.close()


HEATMAP_TEXTS = """() => { const chart = document.querySelector('.st-key-factor_heatmap .ikt-live-chart');
  const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  return {columns: [...chart.querySelectorAll('.xtick text')].map((t) => ({...box(t), text: t.textContent})),
          values: [...chart.querySelectorAll('.hm text')].map(box),
          colourbar: chart.querySelectorAll('.colorbar').length}; }"""


@pytest.mark.parametrize("width", [390, 768, 1400])
def test_the_factor_scores_are_readable_on_a_phone_a_tablet_and_a_desk(app_page, app_server, width):
    """«Poeng per suksessfaktor» (under «Vis alle poeng per faktor og tabell»): its twelve factor names, turned
    under twelve narrow columns, ran into each other at 1400 px, and on a phone the cells' values ran together.
    The columns are headed by the factors' numbers (a key beneath the chart names them); where a cell is too
    narrow for its value, the cells show colours with a colour bar (the value on a tap)."""
    app_page.set_viewport_size({"width": width, "height": 900})
    _open_charts(app_page, f"{app_server.url}/sammenligning", 3)
    app_page.get_by_text("Vis alle poeng per faktor og tabell").click()
    app_page.wait_for_function("document.querySelectorAll('.ikt-chart').length >= 4", timeout=30_000)
    wait_for_app(app_page)
    assert draw_every_chart(app_page) == 4
    app_page.wait_for_timeout(300)
    _check_chart_boxes(app_page.evaluate(CHART_BOXES))
    heat = app_page.evaluate(HEATMAP_TEXTS)
    assert [c["text"] for c in heat["columns"]] == [str(n) for n in range(1, 13)]  # every column, by number
    columns = heat["columns"]
    # side by side with room between them («10», «11», «12» touching read as «101112» on a phone)
    gaps = [round(b["l"] - a["r"], 1) for a, b in zip(columns, columns[1:], strict=False)]
    assert min(gaps) >= 3, str(gaps)
    values = heat["values"]
    if width >= 768:  # values in the cells, clear of each other
        assert len(values) == 144 and heat["colourbar"] == 1
        assert not any(_overlap(a, b) for i, a in enumerate(values) for b in values[i + 1:]), values
    else:  # a phone: colours and the colour bar
        assert not values and heat["colourbar"] == 1
    key = app_page.locator('[data-testid="stCaptionContainer"]').filter(has_text="Kolonnene: 1 Kvalitet")
    assert "12 Ledelse" in key.inner_text()


def test_a_refused_weight_change_is_said_in_view_under_the_slider_moved(app_page, app_server):
    """Every weight at zero is refused; the message stood at the top of the panel, out of view when slider 12
    was the last one moved (a fresh tester), and under slider 12 it then ended below the window (the next
    tester). By keyboard, as a user would: the whole message is in the window, right under slider 12, which
    shows the weight kept; the next valid change takes it away."""
    from ikt_model.decision.knowledge import default_knowledge_base

    page = app_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(app_server.url + "/sammenligning")
    page.locator(RANKING).wait_for()
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    thumbs = {f.id: sidebar.locator('[data-testid="stSlider"]').filter(has_text=f"{f.id}. {f.label}")
              .locator('input[type=range]') for f in default_knowledge_base().factors}
    for factor_id in range(1, 12):
        thumbs[factor_id].focus()
        thumbs[factor_id].press("Home")
        wait_for_app(page)
    kept = thumbs[12].input_value()
    thumbs[12].focus()
    thumbs[12].press("Home")
    message = sidebar.locator('[data-testid="stAlertContentError"]').filter(has_text="Vektene ble ikke endret")
    message.wait_for()
    wait_for_app(page)
    assert "Minst én faktor må ha vekt større enn null" in message.inner_text()
    assert message.count() == 1
    # the whole message in the window (under slider 12 it ended below the window's edge: the sidebar is scrolled)
    page.wait_for_function("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= 800; }",
                           arg=message.element_handle(), timeout=5_000)
    box, slider = message.bounding_box(), thumbs[12].bounding_box()
    assert slider["y"] >= 0 and slider["y"] < box["y"] < slider["y"] + 120, (slider, box)  # right under slider 12
    page.wait_for_function("([el, v]) => el.value === v", arg=[thumbs[12].element_handle(), kept])
    assert float(kept) > 0
    thumbs[3].focus()
    thumbs[3].press("End")  # a valid change: the message goes
    message.wait_for(state="detached")


def test_every_page_keeps_the_cases_link_in_the_address_bar(app_page, app_server, browser):
    """Found by a fresh tester: «Samarbeidet» says to keep the link in the address bar, but «Kart» (and «SQL»,
    «Nasjonal oversikt» …) dropped ?s=, so a link copied there lost the case. Every page keeps it now, and the
    link copied on «Kart» brings the case back."""
    page = app_page
    page.goto(app_server.url + "/samarbeidet")
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('s=')")
    open_expander(page, CONDITIONS)
    switch_on(page, "Vertskommunen står på ROBEK")  # a case that differs from the defaults
    case = page.evaluate("new URLSearchParams(location.search).get('s')")
    for title in ("Nasjonal oversikt", "SQL", "Om", "Kostnadsfordeling", "Parvise vekter (AHP)", "Kart"):
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
        wait_for_app(page)
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('s') === {case!r}", timeout=10_000)
    with fresh_page(browser, app_server) as other:
        other.goto(page.url)
        wait_for_app(other)
        other.locator('[data-testid="stSidebarNav"] a').filter(has_text="Samarbeidet").first.click()
        other.get_by_role("heading", level=1).filter(has_text="Samarbeidet").wait_for()
        open_expander(other, CONDITIONS)
        robek = other.locator('[data-testid="stCheckbox"]').filter(has_text="Vertskommunen står på ROBEK")
        robek.wait_for()
        assert robek.locator("input").is_checked()


def test_explain_follows_the_new_best_when_a_weight_moves_again_before_the_answer(app_page, app_server):
    """«Forklar alternativ» follows today's best until the user picks another. A second weight change sent
    before the first one's answer arrived (a slider dragged on a loaded laptop) carries the old best as the box
    still shows it. A guard, not a fault found: the box sends its label, which carries the old rank and is no
    longer an option, so the server does not take it for the user's pick (as it did the member list)."""
    page = app_page
    held = hold_answers(page)
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    open_expander(page, WHY)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Forklar alternativ")
    assert box.locator("input").input_value().startswith("1. Alternativ modell")
    held["on"] = True
    thumb = _slider(page, "Gjennomføringsevne")
    thumb.focus()
    thumb.press("End")  # Gjennomføringsevne to 100 points: Hybridmodell + KO leads
    wait_for_answers(page, held, 1)
    thumb.press("ArrowLeft")  # and on, before the answer is there
    wait_for_answers(page, held, 2)
    let_through(held)
    wait_for_app(page)
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stSelectbox"]')]
        .some(e => e.innerText.includes('Forklar alternativ')
                   && e.querySelector('input').value.startsWith('1. Hybridmodell'))""", timeout=10_000)


def test_explain_options_are_read_whole_on_a_phone(app_page, app_server):
    """Found by a fresh tester: on a 390 px phone «Forklar alternativ» cut its options at the box's edge («… (KO»)
    and the chosen one without a sign. The open list's options wrap (each whole, inside the list), and the closed
    box ends its text in «…»."""
    page = app_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    open_expander(page, WHY)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Forklar alternativ").locator("input")
    box.scroll_into_view_if_needed()
    assert box.evaluate("e => getComputedStyle(e).textOverflow") == "ellipsis"
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # cut: «1. Alternativ modell + Kommunalt oppgave…»
    box.click()
    options = page.get_by_role("option")
    options.nth(11).wait_for(state="attached")
    rows = options.evaluate_all("""os => os.map(o => { const r = o.getBoundingClientRect(),
        t = o.firstElementChild; return {text: o.innerText, top: r.top, bottom: r.bottom, right: r.right,
        whole: t.scrollWidth <= t.clientWidth + 1 && t.scrollHeight <= t.clientHeight + 1}; })""")
    assert len(rows) == 12 and all(r["whole"] for r in rows), rows
    heights = [r["bottom"] - r["top"] for r in rows]
    assert max(heights) > min(heights) + 15, heights  # the long ones take two lines
    assert all(a["bottom"] <= b["top"] + 1 for a, b in zip(rows, rows[1:], strict=False)), rows  # none over the next
    assert max(r["right"] for r in rows) <= 390
    page.keyboard.press("Escape")
