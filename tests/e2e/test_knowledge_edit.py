"""Browser: a what-if edit in the knowledge base's data editor is marked and reaches the comparison."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


def _navigate(page, link: str, title: str) -> None:
    """Click a sidebar page link and confirm the page arrived (a click during a re-render can be lost)."""
    for _ in range(3):
        wait_for_app(page)  # a click while the page is rerunning can be lost
        page.locator("[data-testid='stSidebarNav'] a", has_text=link).first.click()
        try:
            page.get_by_role("heading", name=title).wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            continue
    else:  # say so here, not as a missing text on the page it never reached
        page.screenshot(path="/tmp/knowledge_edit_navigation.png")
        raise AssertionError(f"the sidebar link «{link}» did not open its page (still at {page.url})")
    wait_for_app(page)


# «Din vurdering» of the first table's first row, as the grid's accessible cells give it (the grid is a canvas)
FIRST_SCORE = ("(document.querySelectorAll('[data-testid=stDataFrame]')[0]"
               ".querySelectorAll('[role=gridcell]')[3] || {}).textContent")


def test_edit_an_assessment_marks_it_and_reset_restores(app_page, app_server, external_requests):
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_server.url}/kunnskapsgrunnlag")
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    page.wait_for_timeout(1500)  # the grid is a canvas: let it become interactive before the gesture
    grid.click(position={"x": 40, "y": 50})  # a cell in the first rows, first column (Gjelder)
    page.wait_for_timeout(500)
    for _ in range(3):  # Gjelder -> Faktor -> Rapportens poeng -> Din vurdering
        page.keyboard.press("ArrowRight")
    page.keyboard.type("-2", delay=150)  # typing on a selected cell opens its editor (a text cell: not too fast)
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")
    page.get_by_text("1 vurdering er endret fra rapportens").wait_for()
    wait_for_app(page)

    _navigate(page, "Sammenligning", "Sammenligning av alternativene")
    try:
        page.get_by_text("1 egen vurdering (✎)", exact=False).wait_for()
    except Exception:
        page.screenshot(path="/tmp/knowledge_edit_fail.png")
        raise

    # every page link is in the menu (no «View N more» folding half of it away)
    assert page.locator("[data-testid='stSidebarNav']").get_by_text("View", exact=False).count() == 0
    _navigate(page, "Kunnskapsgrunnlag", "Kunnskapsgrunnlag")
    wait_for_app(page)  # the page's run ended: a click during it can be lost (two busy CPU loops, session 10)
    page.wait_for_function(f"() => ({FIRST_SCORE}) === '\u22122'")  # the edit, in its cell (real minus)
    page.get_by_role("button", name="Tilbakestill alle").click()
    page.get_by_text("1 vurdering er endret").wait_for(state="detached")
    wait_for_app(page)
    page.wait_for_function(f"() => ({FIRST_SCORE}) === '0'")  # the report's score again

    # out of range: a 7 is not dropped without a word, and nothing is stored
    grid = page.locator('[data-testid="stDataFrame"]').first
    page.wait_for_timeout(1500)
    grid.click(position={"x": 40, "y": 50})
    page.wait_for_timeout(500)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.type("7", delay=150)
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")
    page.get_by_text("7 er utenfor skalaen").wait_for()
    assert page.get_by_text("er endret fra rapportens").count() == 0
    assert external_requests == []


def _type_in_first_score_cell(page, text: str) -> None:
    """Type `text` into «Din vurdering» of the first table's first row and press Enter."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    page.wait_for_timeout(1500)  # the grid is a canvas: let it become interactive before the gesture
    grid.click(position={"x": 40, "y": 50})
    page.wait_for_timeout(500)
    for _ in range(3):  # Gjelder -> Faktor -> Rapportens poeng -> Din vurdering
        page.keyboard.press("ArrowRight")
    page.keyboard.type(text, delay=150)  # a text cell opens on the first key: slower than a script types
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")


def test_a_decimal_comma_is_refused_as_typed_and_the_table_stays_in_place(app_page, app_server):
    """Found by a fresh tester: «0,2» in «Din vurdering» was stored as 2 (the number cell dropped the comma) and
    «1,5» refused as «15»; the banner that came with the first edit pushed the table 70 px down, so the next
    click hit another row. The cell is text now, and the line over the tables is there from the start. «Tilbakestill
    alle» draws the editors anew: they kept showing the edits they had been given."""
    page = app_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_server.url}/kunnskapsgrunnlag")
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    wait_for_app(page)
    before = page.locator('[data-testid="stDataFrame"]').first.bounding_box()

    _type_in_first_score_cell(page, "+2")  # accepted: the first edit, and the table has not moved
    page.get_by_text("1 vurdering er endret fra rapportens").wait_for()
    wait_for_app(page)
    assert page.locator('[data-testid="stDataFrame"]').first.bounding_box()["y"] == before["y"]
    page.get_by_text("Endret fra rapportens: Aksjeselskap (AS) · 1. Kvalitet og tilgjengelighet.").wait_for()
    page.wait_for_function(f"() => ({FIRST_SCORE}) === '+2'")
    # reset on the same visit: the old editor kept its «+2» (drawn on the canvas beside «Ingen vurderinger er
    # endret»), and the next text typed in that cell was lost without a word
    page.get_by_role("button", name="Tilbakestill alle").click()
    page.get_by_text("Ingen vurderinger er endret").wait_for()
    wait_for_app(page)

    _type_in_first_score_cell(page, "0,2")
    page.get_by_text("«0,2» er ikke et heltall").wait_for()
    wait_for_app(page)
    assert page.get_by_text("er endret fra rapportens").count() == 0  # nothing stored
    assert page.locator('[data-testid="stDataFrame"]').first.bounding_box()["y"] == before["y"]
