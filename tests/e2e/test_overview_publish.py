"""Browser: two municipalities on one server. Herøy uploads a 2026 overview on «Nasjonal oversikt»: it is
stored in Herøy's own sak and Våler (another browser) sees only the report's list; a wrong operator key
publishes nothing; the operator's key (IKT_OPERATOR_KEY, from the server's environment) publishes it and
Våler then sees it too. Every request outside the app's own server is aborted and counted (none); the key
is in no server log line."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import AppServer, wait_for_app
from tests.e2e.test_overview_versions import OVERVIEW_2026, _upload, _wait_metric
from tests.e2e.test_workspaces import open_context

pytestmark = pytest.mark.e2e

KEY = "driftens-egen-nøkkel-2026-lang-nok"


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("publish"), env_extra={"IKT_OPERATOR_KEY": KEY})
    yield server
    server.stop()


def open_overview(page, base: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1500})
    page.goto(base + "/oversikt")
    page.get_by_role("heading", name="Nasjonal oversikt").wait_for(timeout=60_000)  # first run builds the data
    wait_for_app(page)


def version_options(page, attempts: int = 4) -> list[str]:
    """The options of the overview's version box (opened, read, closed). A click that lands while the box
    is still being drawn can leave it closed, so the opening click is repeated until the list shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wait_for_app(page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Versjon av oversikten").first
    for _ in range(attempts):
        box.locator("input").first.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    names = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    page.get_by_role("option").first.wait_for(state="detached", timeout=5_000)
    return names


def publish(page, key: str) -> None:
    box = page.locator(".st-key-ov_publish_box")
    box.locator("input[aria-label='Operatørnøkkel']").fill(key)
    box.get_by_role("button", name="Publiser versjon 2 for alle").click()
    wait_for_app(page)


def test_an_upload_stays_in_its_sak_until_the_operator_key_publishes_it(browser, keyed_server):
    blocked: list[str] = []
    ctx_a, heroy = open_context(browser, keyed_server, blocked)
    ctx_b, valer = open_context(browser, keyed_server, blocked)
    try:
        open_overview(heroy, keyed_server.url)
        _wait_metric(heroy, "Samarbeid", "41")
        _upload(heroy, "oversikt_2026.csv", OVERVIEW_2026)
        heroy.get_by_text("Alle 2 rader i «oversikt_2026.csv» er gyldige", exact=False).wait_for()
        heroy.get_by_role("button", name="Lagre som ny versjon").click()
        _wait_metric(heroy, "Samarbeid", "2")
        wait_for_app(heroy)
        heroy.locator(".st-key-ov_sak_link_box").get_by_text("Den som har lenken", exact=False).wait_for()
        heroy.get_by_text("Bare saken som lastet den opp, ser denne versjonen", exact=False).wait_for()
        assert any("ikke publisert" in o for o in version_options(heroy))

        open_overview(valer, keyed_server.url)
        _wait_metric(valer, "Samarbeid", "41")
        assert len(version_options(valer)) == 1 and "oversikt_2026" not in valer.content()

        publish(heroy, "gjettet-nøkkel-som-er-feil")
        heroy.get_by_text("Feil operatørnøkkel: oversikten er ikke publisert.").wait_for()
        valer.reload()
        wait_for_app(valer)
        _wait_metric(valer, "Samarbeid", "41")
        assert len(version_options(valer)) == 1

        publish(heroy, KEY)
        heroy.get_by_text("Versjon 2 er publisert: alle kommuner ser den nå.").wait_for()
        assert heroy.locator(".st-key-ov_publish_box").count() == 0
        valer.reload()
        wait_for_app(valer)
        _wait_metric(valer, "Samarbeid", "2")  # the newest published version, by default
        options = version_options(valer)
        assert len(options) == 2 and not any("ikke publisert" in o for o in options)
        assert heroy.locator('[data-testid="stException"]').count() == 0
    finally:
        ctx_a.close()
        ctx_b.close()
    assert blocked == []
    log = open(keyed_server.log.name, encoding="utf-8", errors="replace").read()
    assert KEY not in log and "gjettet-nøkkel" not in log
