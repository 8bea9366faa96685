"""Browser: other sites cannot frame the app (headers from scripts/serve.py), and the memo preview
runs in a sandboxed frame (no scripts, no access to the app)."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


def test_headers_forbid_framing_by_other_sites(page, app_server):
    response = page.goto(app_server.url + "/start")
    headers = response.all_headers()
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"


def test_a_page_on_another_origin_cannot_frame_the_app(browser, app_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)
        # about:blank with our markup: an origin other than the app's
        page.set_content(f'<iframe id="app" src="{app_server.url}/start" width="900" height="600"></iframe>')
        page.wait_for_timeout(3000)
        framed = [f for f in page.frames if f != page.main_frame]
        assert framed, "the iframe exists"
        assert not framed[0].url.startswith(app_server.url) or refused, (framed[0].url, refused)
        assert framed[0].query_selector('[data-testid="stApp"]') is None  # nothing of the app was shown
        assert refused, "chromium reports the refused frame (frame-ancestors)"
    finally:
        context.close()


def test_store_health_route(app_server):
    with urllib.request.urlopen(app_server.url + "/_ikt/health", timeout=10) as r:
        body = json.loads(r.read())
    assert body == {"app": "ok", "store": {"ok": True, "kind": None, "message": "Lageret er i orden."}}


def test_memo_preview_is_sandboxed(app_page, app_server, external_requests):
    app_page.goto(app_server.url + "/notat")
    wait_for_app(app_page)
    app_page.get_by_role("button", name="Lag beslutningsnotat").click()
    app_page.get_by_text("Notatet «").wait_for()
    wait_for_app(app_page)
    outer = app_page.frame_locator('iframe[title="Forhåndsvisning av beslutningsnotatet"]').first
    inner = outer.locator("iframe")
    inner.wait_for()
    assert inner.get_attribute("sandbox") == ""  # no allow-scripts, no allow-same-origin
    memo = outer.frame_locator("iframe")
    memo.locator("h2", has_text="Anbefaling").wait_for()
    # the memo frame has an opaque origin: it cannot reach the app (its cookies, its page)
    frame = next(f for f in app_page.frames if f.url == "about:srcdoc" and f.query_selector("h2"))
    assert frame.evaluate("() => window.origin") == "null"
    assert frame.evaluate("() => { try { return window.top.document.title } catch (e) { return 'blocked' } }") \
        == "blocked"
    assert external_requests == []
