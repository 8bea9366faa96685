"""Browser: «Kart» draws today's 357 municipalities (and the 428 of 2015 when the user switches) with every
request outside the app's own server blocked (plotly's world topojson and the boundaries come from
/app/static/), a click shows the collaboration, and an unrelated widget does not make the server re-send
the map."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import choose_option, wait_for_app

pytestmark = pytest.mark.e2e

SCREENSHOT = "/tmp/kart-e2e.png"
RENDALEN = "3424"  # a large municipality in IKT Fjellregionen IKS (0432 in 2015)

# A point inside the municipality's own path (its bounding-box centre can fall on a neighbour or the sea).
# Plotly geo paths have pointer-events: none; the map's background layer takes the click and plotly finds
# the location under it, so a real mouse click at that point is what a user does.
_POINT_IN = """(loc) => {
  const path = [...document.querySelectorAll('path.choroplethlocation')]
    .find(p => p.__data__ && p.__data__.loc === loc);
  if (!path) return null;
  path.scrollIntoView({block: 'center', inline: 'center'});
  const box = path.getBBox(), ctm = path.getScreenCTM();
  for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
    const x = box.x + box.width * i / 20, y = box.y + box.height * j / 20;
    const inside = [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]]
      .every(([dx, dy]) => path.isPointInFill(new DOMPoint(x + dx, y + dy)));
    if (!inside) continue;
    const p = new DOMPoint(x, y).matrixTransform(ctm);
    return {x: p.x, y: p.y};
  }
  return null;
}"""


def _open_map(page, url: str, count: int = 357) -> None:
    page.set_viewport_size({"width": 1400, "height": 1500})  # the whole map and what is below it
    page.goto(url + "/kart")
    wait_for_app(page)
    _wait_for_paths(page, count)


def _wait_for_paths(page, count: int) -> None:
    page.wait_for_function(
        "(n) => new Set([...document.querySelectorAll('path.choroplethlocation')].map(p => p.__data__ && "
        "p.__data__.loc)).size === n", arg=count, timeout=60_000)


def _locations(page) -> set[str]:
    return set(page.evaluate(
        "() => [...document.querySelectorAll('path.choroplethlocation')].map(p => p.__data__.loc)"))


def test_on_a_phone_the_map_takes_the_screen_width_and_the_legend_is_below_it(app_page, app_server):
    """A phone in a workshop (390 px): the legend beside the map left Norway 174 px wide."""
    app_page.set_viewport_size({"width": 390, "height": 844})
    app_page.goto(app_server.url + "/kart")
    wait_for_app(app_page)
    _wait_for_paths(app_page, 357)
    geo = app_page.locator(".js-plotly-plot .geo").first.bounding_box()
    plot = app_page.locator(".js-plotly-plot").first.bounding_box()
    legend = app_page.locator(".js-plotly-plot .legend").first.bounding_box()
    assert geo["width"] > 0.9 * plot["width"] and plot["width"] > 340
    assert legend["y"] >= geo["y"] + geo["height"] - 1  # below the map, not beside it


def test_map_draws_todays_municipalities_offline_and_2015_on_request(app_page, app_server, external_requests):
    topojson, boundaries = [], []
    app_page.on("response", lambda r: topojson.append((r.url, r.status)) if "world_110m" in r.url else None)
    app_page.on("response", lambda r: boundaries.append((r.url, r.status)) if "/kommuner_20" in r.url else None)
    _open_map(app_page, app_server.url)
    assert app_page.locator("path.choroplethlocation").count() == 357
    today = _locations(app_page)
    assert len(today) == 357 and {"1508", "1580", "3907"} <= today and "1504" not in today
    box = app_page.locator(".js-plotly-plot .geo").first.bounding_box()
    assert box["width"] > 300 and box["height"] > 300  # drawn at a usable size, not a speck
    assert external_requests == []
    assert topojson and all(u.startswith(app_server.url + "/app/static/") and s == 200 for u, s in topojson)
    assert boundaries == [(app_server.url + "/app/static/kommuner_2024.geojson", 200)]  # fetched once
    app_page.get_by_text("Kart: © Kartverket (CC BY 4.0). Folketall: Statistisk sentralbyrå.").first.wait_for()
    app_page.screenshot(path=SCREENSHOT, full_page=True)

    app_page.get_by_text("Kommunene i 2015 (428, rapportens tid)").click()
    _wait_for_paths(app_page, 428)
    wait_for_app(app_page)
    old = _locations(app_page)
    assert len(old) == 428 and {"1504", "1523", "0719"} <= old and "1508" not in old
    assert app_page.get_by_text("Vis dagens kommune (etter sammenslåinger)").count() == 1
    assert boundaries[-1] == (app_server.url + "/app/static/kommuner_2015.geojson", 200)

    app_page.get_by_text("Dagens kommuner (357)").click()
    _wait_for_paths(app_page, 357)
    wait_for_app(app_page)
    assert external_requests == []
    assert [u for u, _ in boundaries].count(app_server.url + "/app/static/kommuner_2024.geojson") <= 2
    app_page.screenshot(path="/tmp/kart-e2e-2015.png", full_page=True)


def test_click_on_a_municipality_shows_its_collaboration(app_page, app_server):
    _open_map(app_page, app_server.url)
    point = app_page.evaluate(_POINT_IN, RENDALEN)
    assert point, "no clickable point inside Rendalen's path"
    app_page.mouse.click(point["x"], point["y"])
    details = app_page.locator(f'.st-key-kart_valgt_{RENDALEN}:not([data-stale="true"])')
    details.get_by_text("Medlemmer", exact=False).wait_for(timeout=30_000)
    wait_for_app(app_page)
    text = details.inner_text()
    assert "Rendalen (3424, Innlandet)" in text and "innbyggere 1.1.2026" in text
    assert "IKT Fjellregionen" in text and "IKS" in text and "2005" in text
    assert "Folldal" in text and "Tynset" in text
    app_page.screenshot(path="/tmp/kart-e2e-click.png", full_page=True)


def test_unrelated_widget_does_not_resend_the_map(app_page, app_server):
    frames: list[int] = []
    app_page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    _open_map(app_page, app_server.url)
    first_load = max(frames)
    assert first_load > 50_000  # the map element (hover texts, locations; the boundaries come by URL)
    frames.clear()
    app_page.get_by_text("Kartet som tabell (tekstalternativ)").click()
    choose_option(app_page, app_page.locator('[data-testid="stSelectbox"]').filter(has_text="Fylke"), "Oslo")
    app_page.locator('[data-testid="stDataFrame"]').wait_for()
    app_page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stCaptionContainer\"]')]"
                               ".some(c => c.innerText.startsWith('1 kommune.'))")
    wait_for_app(app_page)
    assert frames, "the rerun sent nothing"
    assert max(frames) < 20_000, f"a {max(frames)} byte message after an unrelated widget change"
    assert app_page.locator("path.choroplethlocation").count() == 357


def test_the_chart_toolbar_speaks_norwegian(app_page, app_server):
    """plotly's toolbar shows its tooltips from data-title; Streamlit's chart toolbar from aria-label/title."""
    from ikt_model.ui.browser_labels import ARIA_LABELS

    _open_map(app_page, app_server.url)
    chart = app_page.locator(".js-plotly-plot").first
    chart.hover()
    app_page.wait_for_function("() => document.querySelectorAll('.modebar-btn[data-title]').length > 0")
    app_page.wait_for_timeout(500)  # the labels script rewrites on the next mutation callback
    titles = app_page.evaluate("() => [...document.querySelectorAll('.modebar [data-title]')]"
                               ".map(b => b.getAttribute('data-title'))")
    toolbar = app_page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=\"stElementToolbar\"] [aria-label], "
        "[data-testid=\"stElementToolbar\"] [title]')]"
        ".map(b => b.getAttribute('aria-label') || b.getAttribute('title'))")
    assert titles, "no toolbar buttons found"
    english = set(ARIA_LABELS)
    assert not [t for t in titles + toolbar if t in english], (titles, toolbar)
    assert {"Last ned figuren som PNG", "Zoom inn", "Zoom ut", "Tilbakestill"} <= set(titles), titles
