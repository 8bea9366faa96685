"""Browser: save a scenario, open its share link in a NEW browser context and see the same ranking;
download the decision memo as HTML and as Word."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import fresh_page, wait_for_app

pytestmark = pytest.mark.e2e
WINNER = "Høyest rangert med disse vektene:"


def winner_text(page) -> str:
    box = page.locator("p", has_text=WINNER).first
    box.wait_for()
    return box.inner_text()


def save_scenario_with_custom_weights(page, base_url: str, name: str) -> str:
    """On «Scenarier»: push «Gjennomføringsevne» to 100 points, save, return the scenario's share link."""
    page.goto(base_url + "/")  # a cold server must run app.py (st.navigation) once before deep links work
    wait_for_app(page)
    page.goto(base_url + "/scenarier")
    wait_for_app(page)
    try:
        page.get_by_text("Lagre det du ser nå").wait_for()
    except PlaywrightTimeout:
        page.screenshot(path="/tmp/e2e_scenarier_timeout.png", full_page=True)
        raise
    thumb = page.locator(".st-key-weight_slider_6 input[type='range'], .st-key-weight_slider_6 [role='slider']")
    thumb.first.wait_for(state="attached", timeout=30_000)  # the sidebar's weight panel: no skip if it is missing
    thumb.first.focus()
    page.keyboard.press("End")  # 100 points: Hybridmodell + § 27 overtakes (see the robustness intervals)
    page.get_by_text("Vekter: Egendefinerte vekter").wait_for()  # the rerun with the new weights is done
    wait_for_app(page)
    page.locator(".st-key-scen_name input").fill(name)
    page.get_by_role("button", name="Lagre scenario").click()
    page.get_by_text(f"Lagret scenarioet «{name}»").wait_for()
    wait_for_app(page)
    # the first save also shows the new workspace's link (once); the scenario's share link is the view link
    link = page.locator("[data-testid='stCode'] code", has_text="/sammenligning?s=").first.inner_text().strip()
    assert "/sammenligning?s=" in link and "sak=" not in link
    return link


def test_share_link_reproduces_ranking_in_new_context(app_page, app_server, browser, external_requests):
    link = save_scenario_with_custom_weights(app_page, app_server.url, "E2E hybrid")
    app_page.locator("[data-testid='stSidebarNav'] a", has_text="Sammenligning").first.click()  # same session
    app_page.get_by_text("Sammenligning av alternativene").wait_for()
    wait_for_app(app_page)
    here = winner_text(app_page)
    assert "Hybridmodell + Kommunalt oppgavefellesskap (KO)" in here

    with fresh_page(browser, app_server) as other:
        other.goto(link)
        wait_for_app(other)
        assert winner_text(other) == here
        other.screenshot(path="/tmp/share_link_new_context.png", full_page=True)
    assert external_requests == []


def test_saved_scenario_is_listed_and_memo_downloads(app_page, app_server, external_requests):
    save_scenario_with_custom_weights(app_page, app_server.url, "E2E notat")
    chosen = app_page.locator(".st-key-scen_chosen")
    assert "E2E notat" in chosen.inner_text() + " ".join(chosen.locator("input").evaluate_all(
        "els => els.map(e => e.value + ' ' + (e.getAttribute('aria-label') || ''))"))

    app_page.locator("[data-testid='stSidebarNav'] a", has_text="Beslutningsnotat").first.click()  # same session
    app_page.get_by_role("button", name="Lag beslutningsnotat").wait_for()
    wait_for_app(app_page)
    app_page.get_by_role("button", name="Lag beslutningsnotat").click()
    app_page.get_by_text("Notatet «").wait_for()
    wait_for_app(app_page)

    with app_page.expect_download() as html_dl:
        app_page.get_by_role("button", name="Last ned HTML").click()
    html_path = html_dl.value.path()
    html = Path(html_path).read_text(encoding="utf-8")
    assert html_dl.value.suggested_filename.endswith(".html")
    for title in ("Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering", "Alternativer", "Anbefaling", "Vedlegg"):
        assert f"<h2>{title}</h2>" in html

    with app_page.expect_download() as docx_dl:
        app_page.get_by_role("button", name="Last ned Word (.docx)").click()
    assert docx_dl.value.suggested_filename.endswith(".docx")
    doc = Document(io.BytesIO(Path(docx_dl.value.path()).read_bytes()))
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        "Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering", "Alternativer", "Anbefaling",
        "Vedlegg"]
    assert any(t.rows[0].cells[0].text == "Rang" for t in doc.tables)
    app_page.screenshot(path="/tmp/notat_page.png", full_page=True)
    assert external_requests == []


CODE_BOXES = """() => [...document.querySelectorAll('[data-testid=stCode]')].map((box) => {
  const pre = box.querySelector('pre'), code = box.querySelector('code'), button = box.querySelector('button');
  const style = getComputedStyle(button.parentElement.parentElement.parentElement);
  return {text: code.innerText, client: pre.clientWidth, scroll: pre.scrollWidth,
          visible: style.visibility === 'visible' && style.opacity === '1',
          apart: code.getBoundingClientRect().right <= button.getBoundingClientRect().left + 1}; })"""


def test_on_a_touch_phone_every_link_is_shown_whole_and_its_copy_button_works(browser, app_server):
    """Found by a fresh tester: on a phone the case's private link ran off its box's right edge, and the box's copy
    button showed only on hover, which a touch screen does not have. The links break anywhere (ui.widgets.
    LINK_BOX_CSS), their lines end left of the button, and the button is there to tap: it copies the whole link."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_server.url)
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(app_server.url) else r.abort())
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(app_server.url + "/")
        wait_for_app(page)
        page.goto(app_server.url + "/scenarier")
        wait_for_app(page)
        page.locator(".st-key-scen_name input").fill("Telefon")
        page.get_by_role("button", name="Lagre scenario").click()
        page.get_by_text("Lagret scenarioet «Telefon»").wait_for()
        wait_for_app(page)
        boxes = page.evaluate(CODE_BOXES)
        assert len(boxes) == 3 and "sak=" in boxes[0]["text"], boxes  # the case, the scenario, the view
        assert [b for b in boxes if b["scroll"] > b["client"] + 1 or not b["visible"] or not b["apart"]] == [], boxes
        case = page.locator("[data-testid=stCode]").first
        case.locator("button").tap()
        page.wait_for_function("async (link) => (await navigator.clipboard.readText()) === link",
                               arg=boxes[0]["text"].replace("\n", ""))
    finally:
        context.close()
