"""Browser: text from outside stays text. A hostile scenario file (imported and loaded), a hostile share
link, a hostile profile name and a hostile workshop title put no link, image or markup from a foreign host
on any page that shows them; every request to a host other than the app's own is aborted and counted."""

from __future__ import annotations

import json

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import preset
from ikt_model.scenarios.model import export_json, scenario_from_state
from ikt_model.ui.share import encode_state
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

HOST = "evil.example"
LINK = f"[Logg inn](https://{HOST}/login)"
IMAGE = f"![x](https://{HOST}/p.png)"
TAG = f"<img src=https://{HOST}/i.png>"
NAME = f"Våler {LINK} {IMAGE} {TAG}"
SOURCE = f"[Logg inn](https://{HOST}) ![](https://{HOST}/p)"
SHOWN_NAME = "Våler [Logg inn](https:"  # the page keeps «https://» from being auto-linked (word joiner)

FOREIGN = """() => {
  const docs = [document, ...Array.from(document.querySelectorAll('iframe'))
                 .map(f => { try { return f.contentDocument } catch (e) { return null } }).filter(Boolean)];
  let n = 0;
  for (const d of docs) {
    n += d.querySelectorAll('a[href*="evil"]:not([href^="#"]), img[src*="evil"], [srcset*="evil"], '
                            + 'image[href*="evil"]').length;
  }
  return n;
}"""
WHERE = """() => Array.from(document.querySelectorAll('a[href*="evil"]:not([href^="#"]), img[src*="evil"]'))
  .map(e => e.closest('[data-testid]') ? e.closest('[data-testid]').outerHTML.slice(0, 600) : e.outerHTML)"""


def assert_text_only(page) -> None:
    wait_for_app(page)
    assert page.evaluate(FOREIGN) == 0, page.evaluate(WHERE)


def goto_page(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    wait_for_app(page)


def hostile_file(tmp_path, source: str) -> str:
    raw = json.loads(export_json(scenario_from_state("Fil", Profile(name=NAME), preset("like"), "like")))
    raw["weights_source"] = source
    raw["name"] = f"Fil {LINK}"
    path = tmp_path / "fiendtlig.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return str(path)


def import_and_load(page, path: str, may_refuse: bool = True) -> bool:
    """Upload on «Scenarier», import and load; False if the file was refused (nothing imported)."""
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(path)
    wait_for_app(page)
    refused = page.get_by_text("Filen ble ikke importert")
    importer = page.get_by_role("button", name="Importer", exact=True)
    (importer.or_(refused) if may_refuse else importer).first.wait_for()
    assert page.evaluate(FOREIGN) == 0, page.evaluate(WHERE)
    if may_refuse and refused.count():
        return False
    importer.click()
    page.get_by_text("Importerte «Fil").wait_for()
    wait_for_app(page)
    page.get_by_role("button", name="Last inn", exact=True).click()
    page.get_by_text("Lastet inn «Fil").wait_for()
    wait_for_app(page)
    return True


def test_hostile_scenario_file_is_text_everywhere(app_page, app_server, external_requests, tmp_path):
    page = app_page
    page.goto(app_server.url + "/")
    wait_for_app(page)
    page.goto(app_server.url + "/scenarier")
    wait_for_app(page)
    loaded = import_and_load(page, hostile_file(tmp_path, SOURCE))
    if not loaded:  # a closed list of weight sources refuses the source: the free-text fields remain
        page.get_by_text("Ukjent kilde for vektene").first.wait_for()  # refused, shown as text
        assert_text_only(page)
        page.reload()  # a fresh uploader
        wait_for_app(page)
        page.get_by_text("Lagre det du ser nå").wait_for()
        loaded = import_and_load(page, hostile_file(tmp_path, "like"), may_refuse=False)
    assert loaded
    assert_text_only(page)
    # the name is on the page, as the characters typed
    page.get_by_text("Lastet inn «Fil [Logg inn](https:").wait_for()
    for title in ("Sammenligning", "Robusthet", "Start", "Samarbeidet", "Workshop (fasilitator)"):
        goto_page(page, title)
        assert_text_only(page)
    goto_page(page, "Sammenligning")
    page.get_by_text(SHOWN_NAME).first.wait_for()  # profile name shown literally in the caption
    goto_page(page, "Beslutningsnotat")
    page.get_by_role("button", name="Lag beslutningsnotat").click()
    page.get_by_text("Notatet «").wait_for()
    wait_for_app(page)
    # the memo preview is a sandboxed frame: its HTML escaping is checked in tests/pages/test_hostile_text.py
    assert_text_only(page)
    assert external_requests == []


def test_hostile_share_link_and_workshop_title(app_page, app_server, external_requests):
    page = app_page
    page.goto(app_server.url + "/")
    wait_for_app(page)
    value = encode_state(Profile(name=NAME), preset("rapport"), {})
    page.goto(f"{app_server.url}/sammenligning?s={value}")
    wait_for_app(page)
    page.get_by_text(SHOWN_NAME).first.wait_for()
    assert_text_only(page)
    goto_page(page, "Workshop (fasilitator)")
    assert_text_only(page)
    page.get_by_label("Tittel på workshopen").fill(f"Workshop {LINK} {IMAGE}")
    page.get_by_role("button", name="Opprett workshop").click()
    page.get_by_text("Workshop [Logg inn](https:").first.wait_for()
    assert_text_only(page)
    join = page.locator("[data-testid='stCode'] code", has_text="/delta?kode=").first.inner_text().strip()
    phone = page.context.new_page()  # a participant's phone shows the title too
    phone.set_default_timeout(30_000)
    phone.goto(join)
    wait_for_app(phone)
    phone.get_by_text("Workshop [Logg inn](https:").first.wait_for()
    assert_text_only(phone)
    assert external_requests == []
