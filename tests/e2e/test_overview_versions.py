"""Browser: a KS adviser uploads a small 2026 overview on «Nasjonal oversikt», sees it validated and saved as
version 2, sees it in the overview and on today's map, and switches back to the report's 2015 list —
with every request outside the app's own server aborted. Runs its own server (own store), so the other
browser tests keep seeing version 1 only."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import AppServer, choose_option, wait_for_app

pytestmark = pytest.mark.e2e

OVERVIEW_2026 = ("\ufeffSamarbeid;Organisasjonsform;Medlemmer (kommunenummer);Etablert (år);Ansatte;Merknad\r\n"
                 "IKT Sunnmøre;KO;1508, 1580, 1577;2020;25;Ny i 2020\r\n"
                 "IKT Valdres;IKS;3450, 3451, 3452, 3453, 3454;2010;14;\r\n").encode()
BAD_2026 = "Samarbeid;Organisasjonsform;Medlemmer;Etablert\r\nX;§ 27;1508, 9999;2020\r\n".encode()
SAMKOMMUNE = b"Samarbeid;Organisasjonsform;Medlemmer;Etablert\r\nX;Samkommune;5037, 5038;2004\r\n"
REPORT = "Versjon 1 – rapporten 2015 (Vedlegg 5, 41 samarbeid)"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("versions"))
    yield server
    server.stop()


@pytest.fixture
def offline_page(page, context, own_server):
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(own_server.url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.set_default_timeout(30_000)
    page.set_viewport_size({"width": 1400, "height": 1500})
    return page, blocked


def _metric(page, label: str) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).locator(
        '[data-testid="stMetricValue"]').inner_text()


def _wait_metric(page, label: str, value: str) -> None:
    page.wait_for_function("""([label, value]) => [...document.querySelectorAll('[data-testid="stMetric"]')]
        .some(m => m.innerText.includes(label)
                   && m.querySelector('[data-testid="stMetricValue"]').innerText === value)""",
                           arg=[label, value], timeout=60_000)


def _upload(page, name: str, data: bytes) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data})


def _choose_version(page, label: str) -> None:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Versjon av oversikten").first
    choose_option(page, box.locator("input").first, label)


def test_the_longest_upload_error_is_readable_whole_at_desk_width(offline_page, own_server):
    """At 1400 px the error grid cut «… samkommuner ble avviklet innen 1.1.20…»; the plain table wraps it."""
    page, _ = offline_page
    page.goto(own_server.url + "/oversikt")
    page.get_by_role("heading", name="Nasjonal oversikt").wait_for(timeout=60_000)
    wait_for_app(page)
    _upload(page, "samkommune.csv", SAMKOMMUNE)
    cell = page.locator('[data-testid="stTable"] td').filter(has_text="Ukjent organisasjonsform")
    cell.wait_for()
    wait_for_app(page)
    assert "avviklet innen 1.1.2020" in cell.inner_text()
    cut = cell.evaluate("""c => [c, ...c.querySelectorAll('*')].some(
        e => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis')""")
    box, width = cell.bounding_box(), page.viewport_size["width"]
    assert not cut and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_upload_2026_overview_see_it_on_overview_and_map_then_back_to_2015(offline_page, own_server):
    page, blocked = offline_page
    geojson: list[str] = []
    page.on("response", lambda r: geojson.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(".geojson") else None)
    page.goto(own_server.url + "/oversikt")
    page.get_by_role("heading", name="Nasjonal oversikt").wait_for(timeout=60_000)  # first run builds the data
    _wait_metric(page, "Samarbeid", "41")
    wait_for_app(page)

    # a refused file: the row-by-row table, nothing stored
    _upload(page, "feil.csv", BAD_2026)
    page.get_by_text("ble ikke lagret: 2 feil", exact=False).wait_for()
    wait_for_app(page)
    assert page.get_by_role("button", name="Lagre som ny versjon").count() == 0

    # a valid one: checked, then saved with a comment
    _upload(page, "oversikt_2026.csv", OVERVIEW_2026)
    page.get_by_text("Alle 2 rader i «oversikt_2026.csv» er gyldige", exact=False).wait_for()
    page.get_by_label("Kommentar til versjonen").fill("Kartlagt av KS november 2026")
    page.get_by_role("button", name="Lagre som ny versjon").click()
    _wait_metric(page, "Samarbeid", "2")
    wait_for_app(page)
    page.get_by_text("Kommentar: Kartlagt av KS november 2026", exact=False).wait_for()
    assert _metric(page, "Kommuner med") == "8"
    page.get_by_text("Fra versjon 1 til versjon 2: 1 nytt samarbeid, 40 fjernet", exact=False).wait_for()
    page.get_by_role("tab", name="Organisasjonsform").click()
    page.locator(".js-plotly-plot .bars path").first.wait_for()

    # the map shows version 2 on today's borders (the choice follows the user between the pages)
    page.get_by_role("link", name="Kart").click()
    page.get_by_text("av den nasjonale oversikten", exact=False).wait_for()
    page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation').length === 357",
                           timeout=60_000)
    assert page.get_by_text("Kommunegrenser").count() == 0  # uploaded versions: today's borders only
    legend = page.locator(".legendtext").all_text_contents()
    assert "Kommunalt oppgavefellesskap (KO)" in legend and "Interkommunalt selskap (IKS)" in legend
    assert "kommuner_2024.geojson" in geojson

    # back to the report's 2015 list, one choice away, and on the 2015 borders
    _choose_version(page, REPORT)
    page.get_by_text("Kommunene i 2015 (428, rapportens tid)").click()
    page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation').length >= 428",
                           timeout=60_000)
    assert "kommuner_2015.geojson" in geojson
    page.get_by_role("link", name="Nasjonal oversikt").first.click()
    _wait_metric(page, "Samarbeid", "41")
    page.get_by_text("Versjon 1: interkommunale IKT-samarbeid i 2015", exact=False).wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert blocked == []
