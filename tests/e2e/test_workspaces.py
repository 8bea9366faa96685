"""Browser: two municipalities on one server. Two browser contexts save into their own private workspaces
and each sees only its own; the workspace link (shown once, copy button, warning) opens it in a third
context and leaves the address bar at once; the secret is in no server log line; every request to a host
other than the app's own is aborted and counted (none)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


def open_context(browser, app_server, blocked: list[str]):
    context = browser.new_context()

    def route(r):
        if r.request.url.startswith(app_server.url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def goto_scenarios(page, base: str) -> None:
    page.goto(base + "/")  # a cold server must run app.py (st.navigation) once before deep links work
    wait_for_app(page)
    page.goto(base + "/scenarier")
    wait_for_app(page)
    page.get_by_text("Lagre det du ser nå").wait_for()


def save(page, name: str) -> None:
    page.locator(".st-key-scen_name input").fill(name)
    page.get_by_role("button", name="Lagre scenario").click()
    page.get_by_text(f"Lagret scenarioet «{name}»").wait_for()
    wait_for_app(page)


def wait_listed(page, name: str, timeout: float = 30_000) -> None:
    """Wait until the «Velg scenario» box shows `name`. The box shows its chosen value in an <input>'s value,
    not as text, so a text filter on the box (has_text) never matches it."""
    page.wait_for_function(
        "name => [...document.querySelectorAll('.st-key-scen_chosen input')].some(e => e.value === name)",
        arg=name, timeout=timeout)


def listed(page, expect: bool = True) -> str:
    """The names in the «Velg scenario» box, '' if the workspace lists none. `expect`: wait (up to 30 s on a
    busy machine) for the box; otherwise wait for the save form's input to be drawn, then look once."""
    chosen = page.locator(".st-key-scen_chosen")
    if expect:
        chosen.wait_for(timeout=30_000)
    else:
        page.locator(".st-key-scen_name input").wait_for(timeout=30_000)
        wait_for_app(page)
        if not chosen.count():
            return ""
    return chosen.inner_text() + " ".join(chosen.locator("input").evaluate_all(
        "els => els.map(e => e.value + ' ' + (e.getAttribute('aria-label') || ''))"))


def test_two_workspaces_each_see_only_their_own_and_the_link_opens_one(browser, app_server):
    blocked: list[str] = []
    ctx_a, heroy = open_context(browser, app_server, blocked)
    ctx_b, valer = open_context(browser, app_server, blocked)
    ctx_c, colleague = open_context(browser, app_server, blocked)
    try:
        goto_scenarios(heroy, app_server.url)
        heroy.get_by_text("privat sak").first.wait_for()
        # the path a user found: a refused save first (no name), then a name and the save; the link stays
        heroy.get_by_role("button", name="Lagre scenario").click()
        heroy.get_by_text("Gi scenarioet et navn").wait_for()
        save(heroy, "Herøy utkast")
        box = heroy.locator(".st-key-sak_link_box")
        box.get_by_text("Den som har lenken, kan se og endre sakens scenarier").wait_for()
        heroy.locator(".st-key-scen_overwrite label").click()  # another rerun does not take the link away
        wait_for_app(heroy)
        heroy.wait_for_timeout(1500)
        assert box.is_visible()
        link = box.locator("[data-testid='stCode'] code").inner_text().strip()
        assert "/scenarier?sak=" in link
        box.locator("[data-testid='stCode']").hover()
        assert box.locator("button").count() >= 1  # st.code's copy button
        secret = link.split("sak=", 1)[1]
        box.get_by_role("button", name="Jeg har tatt vare på lenken").click()
        box.wait_for(state="detached")
        assert secret not in heroy.content()

        goto_scenarios(valer, app_server.url)
        assert "Herøy" not in valer.content()
        save(valer, "Våler utkast")
        assert "Våler utkast" in listed(valer) and "Herøy" not in valer.content()

        heroy.reload()
        wait_for_app(heroy)
        heroy.get_by_text("Lagre det du ser nå").wait_for()
        # a reload is a new session: nothing of anyone's is listed without the link
        assert listed(heroy, expect=False) == "" and "Våler" not in heroy.content()

        colleague.goto(app_server.url + "/")
        wait_for_app(colleague)
        colleague.goto(link)
        wait_for_app(colleague)
        colleague.get_by_text("Saken er åpnet").wait_for()
        colleague.wait_for_function("() => !location.search.includes('sak=')")
        assert secret not in colleague.url
        wait_for_app(colleague)
        # the list is drawn a moment after the workspace opens: wait for the name, then read the whole list
        wait_listed(colleague, "Herøy utkast")
        names = listed(colleague)
        assert "Herøy utkast" in names and "Våler" not in colleague.content()
        assert secret not in colleague.content()  # not shown again to the one who opened it

        colleague.goto(link[:-4])  # truncated
        wait_for_app(colleague)
        colleague.get_by_text("Lenken åpner ingen sak").first.wait_for()
        assert listed(colleague, expect=False) == ""
    finally:
        for context in (ctx_a, ctx_b, ctx_c):
            context.close()
    assert blocked == []
    log = open(app_server.log.name, encoding="utf-8", errors="replace").read()
    assert secret not in log and secret.split(".", 1)[1] not in log
