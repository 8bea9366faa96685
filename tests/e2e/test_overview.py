"""Browser: «Nasjonal oversikt» draws figures, tables and charts and a filter works, with every
request outside the app's own server blocked; «SQL» refuses a file read with a Norwegian message."""

import pytest

from tests.e2e.conftest import choose_option, wait_for_app

pytestmark = pytest.mark.e2e


def _third_party(requests: list[str]) -> list[str]:
    return list(requests)  # every request that left for another host (the favicon is served locally)


def _metric(page, label: str) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).locator(
        '[data-testid="stMetricValue"]').inner_text()


def test_overview_page_offline(app_page, app_server, external_requests):
    page = app_page
    page.goto(app_server.url + "/oversikt")
    wait_for_app(page)
    page.get_by_role("heading", name="Nasjonal oversikt").wait_for()
    assert _metric(page, "Samarbeid") == "41"
    page.get_by_text("Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015)", exact=False).wait_for()
    # a year Vedlegg 5 does not give is «–» (as text: the grid draws a missing number as «None»); the grid's
    # hidden table for screen readers holds the cells' values
    # (the table whose heading row has «Etablert»: other tables on the page name the same collaboration)
    established = """() => {
      for (const table of document.querySelectorAll('[data-testid="stDataFrame"] table')) {
        const heads = [...table.querySelectorAll('thead th, thead td')].map(h => h.textContent.trim());
        const column = heads.indexOf('Etablert');
        const row = [...table.querySelectorAll('tbody tr')].find(r => r.textContent.includes('Astafjord IKT-drift'));
        if (column >= 0 && row) return row.children[column].textContent;
      }
      return null;
    }"""
    page.wait_for_function(f"() => ({established})() !== null")
    assert page.evaluate(established) == "–"

    page.get_by_role("tab", name="Organisasjonsform").click()
    page.locator(".js-plotly-plot .bars path").first.wait_for()

    forms = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Organisasjonsform")
    choose_option(page, forms.locator("input"), "IKS")
    page.keyboard.press("Escape")
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stMetric"]')]
        .some(m => m.innerText.includes('Samarbeid')
                   && m.querySelector('[data-testid="stMetricValue"]').innerText === '5')""")
    wait_for_app(page)
    page.wait_for_function("() => window.location.search.includes('ov_forms=')")  # shareable URL
    assert _third_party(external_requests) == []


def test_sql_page_refuses_file_read(app_page, app_server, external_requests):
    page = app_page
    page.goto(app_server.url + "/sql")
    wait_for_app(page)
    area = page.get_by_label("Spørring (én SELECT)")
    area.fill("SELECT * FROM read_csv('/etc/passwd')")
    page.get_by_role("button", name="Kjør spørringen").click()
    page.get_by_text("Ingen tilgang", exact=False).wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _third_party(external_requests) == []
