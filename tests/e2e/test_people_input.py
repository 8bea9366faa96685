"""Browser (en-US locale, as many Norwegian offices have): Norwegian numbers in the cost key, input that
survives a page switch and a new member, and downloads that Norwegian Excel opens correctly."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ikt_model.costs.inputs import member_options
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e
NBSP = "\u00a0"
OPTIONS = member_options()  # kommunenummer -> the label the member picker shows


@pytest.fixture
def browser_context_args(browser_context_args):
    """An English (US) browser: a number input there reads «60,5» as 605."""
    return {**browser_context_args, "locale": "en-US", "accept_downloads": True}


def _navigate(page, link: str, title: str) -> None:
    """Click a sidebar page link (unfolding «View N more» if needed) and wait until the page arrived."""
    nav = page.locator("[data-testid='stSidebarNav']")
    for _ in range(3):
        target = nav.locator("a", has_text=link).first
        if not target.is_visible():
            more = nav.get_by_text("View", exact=False)
            if more.count():
                more.first.click()
        target.click()
        try:
            page.get_by_role("heading", name=title).wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            continue
    wait_for_app(page)


def _edit_percent(page, grid, row: int, text: str) -> None:
    """Type into the «Prosent» cell of `row` (0-based) of the fixed-percentage editor (a canvas grid)."""
    grid.click(position={"x": 30, "y": 55 + 35 * row})  # first column of the row
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # opens the cell's editor with its current text
    page.wait_for_timeout(500)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text, delay=50)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    wait_for_app(page)


def test_cost_key_reads_norwegian_numbers_and_keeps_them_across_pages(app_page, app_server, external_requests):
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(app_server.url + "/kostnader")
    wait_for_app(page)
    assert page.evaluate("navigator.language") == "en-US"
    members = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Medlemskommuner").locator("input")
    chips = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Medlemskommuner")
    for number in ("1515", "1511"):
        members.click()
        members.fill(OPTIONS[number].split(" ")[0])  # the picker filters by the start of the name
        page.get_by_role("option").filter(has_text=number).first.click()
        chips.get_by_text(OPTIONS[number]).wait_for()
        wait_for_app(page)
    page.keyboard.press("Escape")
    budget = page.locator(".st-key-kost_budget input")
    budget.fill("250.000")
    budget.press("Enter")
    wait_for_app(page)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Årsbudsjett")
    metric.get_by_text(f"250{NBSP}000{NBSP}kr", exact=True).wait_for()  # «250.000» is 250 000 kr, not 250 kr

    page.get_by_test_id("stRadioGroup").get_by_text("Faste prosenter").click()
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    page.wait_for_timeout(1500)  # the grid is a canvas: let it become interactive
    assert page.locator(".st-key-kost_chart").count() == 1  # the equal split it starts from
    _edit_percent(page, grid, 0, "-10")  # refused in words, naming the member and what was typed
    page.locator('[data-testid="stAlert"]').filter(
        has_text="Prosenten for Herøy (Møre og Romsdal, 1515) kan ikke være negativ (skrevet: «-10»)").wait_for()
    assert page.locator(".st-key-kost_chart").count() == 0  # no split shown for a key that was refused
    _edit_percent(page, grid, 0, "60,5")
    _edit_percent(page, grid, 1, "39,5")
    page.get_by_text(f"Sum: 100,00{NBSP}%").wait_for()  # 60,5 + 39,5: never 605
    chart = page.locator(".js-plotly-plot").first
    chart.get_by_text(f"151{NBSP}250{NBSP}kr").first.wait_for()  # 60,5 % of 250 000 kr
    assert page.locator('[data-testid="stAlert"]').filter(has_text="Prosent").count() == 0

    _navigate(page, "Start", "IKT-samarbeid: hvilken styringsmodell og organisasjonsform?")
    _navigate(page, "Kostnadsfordeling", "Kostnadsfordeling")
    assert page.locator(".st-key-kost_budget input").input_value() == "250.000"
    assert chips.get_by_text(OPTIONS["1515"]).count() == 1 and chips.get_by_text(OPTIONS["1511"]).count() == 1
    page.get_by_text(f"Sum: 100,00{NBSP}%").wait_for()
    page.locator(".js-plotly-plot").first.get_by_text(f"151{NBSP}250{NBSP}kr").first.wait_for()

    members.click()  # a new member: what was typed stays, the new member starts blank and the sum says so
    members.fill(OPTIONS["1514"].split(" ")[0])
    page.get_by_role("option").filter(has_text="1514").first.click()
    chips.get_by_text(OPTIONS["1514"]).wait_for()
    wait_for_app(page)
    page.keyboard.press("Escape")
    page.get_by_text(f"Prosentene summerer til 100,00{NBSP}% uten Sande (1514)").wait_for()  # 60,5 + 39,5 kept
    page.wait_for_timeout(1500)  # a new editor (another member list): let the canvas become interactive
    _edit_percent(page, grid, 0, "50,5")
    _edit_percent(page, grid, 2, "10")  # the new member's row, blank until now
    page.get_by_text(f"Sum: 100,00{NBSP}%").wait_for()  # 50,5 + 39,5 + 10: no edit carried over to another row
    page.locator(".js-plotly-plot").first.get_by_text(f"126{NBSP}250{NBSP}kr").first.wait_for()  # 50,5 %

    _navigate(page, "Beslutningsnotat", "Beslutningsnotat")
    include = page.locator(".st-key-notat_costs input")
    assert include.is_checked()
    page.locator(".st-key-notat_robust label").click()
    wait_for_app(page)
    _navigate(page, "Start", "IKT-samarbeid: hvilken styringsmodell og organisasjonsform?")
    _navigate(page, "Beslutningsnotat", "Beslutningsnotat")
    assert page.locator(".st-key-notat_costs input").is_checked()
    assert not page.locator(".st-key-notat_robust input").is_checked()
    assert external_requests == []


def test_sql_result_downloads_open_in_norwegian_excel(app_page, app_server, external_requests):
    page = app_page
    page.goto(app_server.url + "/sql")
    wait_for_app(page)
    area = page.get_by_label("Spørring (én SELECT)")
    area.fill("SELECT navn, fylke, folketall, areal_km2, 'Østfold' AS tekst FROM kommuner WHERE navn = 'Ås'")
    page.get_by_role("button", name="Kjør spørringen").click()
    page.get_by_text(re.compile(r"^1 rad på")).wait_for()  # this query's result (the example's has many rows)
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned for Excel (CSV)").click()
    data = download.value.path().read_bytes()
    assert download.value.suggested_filename == "sporring.csv"
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 (Våler, not «VÃ¥ler»)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["navn", "fylke", "folketall", "areal_km2", "tekst"]
    assert rows[1] == ["Ås", "Akershus", "18503", "103,12", "Østfold"]  # decimal comma, no «Ã˜stfold»
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned som Excel (.xlsx)").click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet["A2"].value == "Ås" and sheet["C2"].value == 18503 and sheet["D2"].value == 103.12
    assert external_requests == []
