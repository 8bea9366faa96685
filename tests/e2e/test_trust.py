"""Browser: what a rådmann and a workshop read is Norwegian, counts right, and no input goes silently wrong.

AppTest sees the app's own texts (tests/pages/test_norwegian_ui.py); here the browser checks the texts
Streamlit's widgets draw themselves («Select all», «Upload», «View 6 more», «No results») and what only a
real page shows: the whole menu on every page, a multiselect adding only what was picked, a file of the
wrong type refused in Norwegian.
"""

from __future__ import annotations

import re

import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from tests.e2e.conftest import open_expander, open_folded_parts, wait_for_app

pytestmark = pytest.mark.e2e

ENGLISH = re.compile(r"\b(Select all|Select \d+ matches|View \d+ more|View less|Upload|Browse files|per file|"
                     r"are not allowed|No results|Drag and drop|None|NaN|Submit)\b")
PAGE_TITLES = ["Start", "Samarbeidet", "Sammenligning", "Robusthet", "Parvise vekter (AHP)", "Workshop (fasilitator)",
               "Delta i workshop", "Scenarier", "Beslutningsnotat", "Kostnadsfordeling", "Nasjonal oversikt", "Kart",
               "Lignende samarbeid", "SQL", "Kunnskapsgrunnlag", "Om"]


def internal_ids() -> set[str]:
    kb = default_knowledge_base()
    return {a.id for a in kb.assessments()} | {r.id for r in kb.rules}


def problems_in(text: str) -> list[str]:
    """English words, internal ids, raw weight-source keys and wrong plurals in what the page shows."""
    found = [f"engelsk: {m.group(0)}" for m in ENGLISH.finditer(text)]
    ids = internal_ids()
    found += [f"intern id: {w}" for w in re.findall(r"[a-z_]+\.[a-z_]+(?:\.[a-z0-9_]+)+", text) if w in ids]
    found += [f"kilde-id: {m.group(0)}" for m in re.finditer(r"[Vv]ekter: (rapport|egendefinert|workshop)\b", text)]
    found += [f"bøyning: {m.group(0)}" for m in re.finditer(r"\b1 (kommuner|egne vurderinger|deltakere)\b", text)]
    found += [f"desimalpunktum: {m.group(0)}" for m in re.finditer(r"(?<![\d.])\d+\.\d+ ?%", text)]
    return found


def visible_text(page) -> str:
    return page.locator('[data-testid="stApp"]').inner_text()


def test_menu_shows_every_page_on_a_page_with_the_weight_sliders(app_page, app_server, external_requests):
    page = app_page
    page.goto(app_server.url + "/sammenligning")
    wait_for_app(page)
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.wait_for()
    text = nav.inner_text()
    missing = [t for t in PAGE_TITLES if t not in text]
    assert not missing, f"not in the menu: {missing}"
    assert not problems_in(text)
    # the twelve sliders sit in a panel the user can fold
    panel = page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(
        has_text="Vekter på suksessfaktorene")
    panel.locator('[data-testid="stSlider"]').nth(11).wait_for()
    assert panel.locator('[data-testid="stSlider"]').count() == 12
    panel.locator("summary").click()
    page.wait_for_function("""() => !document.querySelector(
        '[data-testid="stSidebar"] [data-testid="stExpander"] details').open""")
    assert external_requests == []


def _summary(page, municipalities: int):
    """«Samarbeidet»'s one-line summary of the profile in use, once it counts `municipalities` municipalities
    («Nytt samarbeid · 2 kommuner · 12 345 innbyggere …»)."""
    count = re.compile(rf"· {municipalities} kommuner?\b")
    return page.locator('[data-testid="stMain"] [data-testid="stMarkdownContainer"]').filter(has_text=count)


def test_member_list_adds_only_what_was_picked_and_says_no_match_in_norwegian(app_page, app_server):
    """The member list filters by name prefix (no «Select N matches», no fuzzy Vestnes/Sveio for «Verdal»);
    a search with no match says «Ingen treff», not «No results». (Adding by name or number through the search
    field is covered by the member-search browser test.)"""
    page = app_page
    page.goto(app_server.url + "/samarbeidet")
    wait_for_app(page)
    open_expander(page, "Medlemmer")
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Medlemskommuner")
    field = box.locator("input")
    field.click()
    field.type("Verdal")
    page.get_by_role("option").first.wait_for()
    options = page.get_by_role("option").all_inner_texts()
    assert len(options) == 1 and options[0].startswith("Verdal"), options
    assert not problems_in(page.get_by_role("listbox").inner_text())
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.keyboard.press("Escape")
    field.click()
    field.type("zzzz")
    listbox = page.locator('[role="listbox"][data-empty="true"]')
    listbox.wait_for(state="attached")
    assert listbox.evaluate("e => getComputedStyle(e, '::after').content") == '"Ingen treff"'  # not «No results»
    assert not problems_in(listbox.inner_text())
    page.keyboard.press("Escape")
    wait_for_app(page)
    box.filter(has_text="Verdal").wait_for()  # the chosen tag is drawn a moment after the rerun
    chosen = box.inner_text()
    assert "Verdal" in chosen and "Vestnes" not in chosen and "Sveio" not in chosen
    _summary(page, 1).wait_for()  # the profile's number of municipalities follows the list


def test_file_upload_speaks_norwegian_and_refuses_a_picture_in_words(app_page, app_server, tmp_path):
    page = app_page
    page.goto(app_server.url + "/scenarier")
    wait_for_app(page)
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.wait_for()
    text = uploader.inner_text()
    assert not problems_in(text), text  # «Upload», «200MB per file» hidden …
    drawn = uploader.locator("button").evaluate("e => getComputedStyle(e, '::after').content")
    assert drawn == '"Last opp"'  # … and Norwegian drawn in their place
    uploader.screenshot(path=str(tmp_path / "opplasting.png"))
    picture = tmp_path / "bilde.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    uploader.locator('input[type="file"]').set_input_files(str(picture))
    page.get_by_text("er ikke en .json-fil").wait_for()
    wait_for_app(page)
    assert not problems_in(visible_text(page))
    chip = uploader.inner_text()
    assert "bilde.png" in chip and not re.search(r"\d\.\dB", chip), chip  # the size «72.0B» is hidden


def test_the_hint_under_a_field_being_edited_is_norwegian(app_page, app_server):
    """Streamlit's «Press Enter to apply» / «… to submit form» is Norwegian in the page itself (a screen reader
    reads the page's text, and read the English under a Norwegian drawn over it); the counter stays."""
    page = app_page
    page.goto(app_server.url + "/scenarier")
    wait_for_app(page)
    field = page.locator(".st-key-scen_name input")
    field.click()
    field.press_sequentially("Utkast")
    hint = page.locator(".st-key-scen_name [data-testid='InputInstructions']")
    hint.wait_for()
    first = hint.locator("span").first  # the hint; the counter «6/80» follows it
    page.wait_for_function("e => e.textContent === 'Trykk Enter for å bruke'", arg=first.element_handle())
    assert first.evaluate("e => getComputedStyle(e, '::after').content") == "none"  # not drawn twice
    assert first.evaluate("e => getComputedStyle(e).fontSize") != "0px" and first.is_visible()
    assert hint.locator("span").last.inner_text() == "6/80"
    assert "Press Enter" not in page.evaluate("document.body.innerText")  # what is read (not the script)
    page.goto(app_server.url + "/delta")
    wait_for_app(page)
    code = page.get_by_label("Kode")
    code.click()
    code.press_sequentially("AB")
    in_form = page.locator("[data-testid='stForm'] [data-testid='InputInstructions'] span").first
    in_form.wait_for(state="attached")
    page.wait_for_function("e => e.textContent === 'Trykk Enter for å sende'", arg=in_form.element_handle())
    assert in_form.evaluate("e => getComputedStyle(e, '::after').content") == "none"


@pytest.mark.parametrize(("path", "label", "hint", "out_of_range", "said"), [
    ("robusthet", "Frø for tilfeldige trekk", "Skriv et helt tall fra 0 til 2 147 483 647, uten komma eller punktum.",
     "3000000000", "Frøet er ikke endret: Frø for tilfeldige trekk må være et helt tall fra 0 til 2 147 483 647."),
    ("samarbeidet", "Antall kommuner", "Skriv et helt tall fra 1 til 500, uten komma eller punktum.", "0",
     "Profilen er ikke oppdatert: Antall kommuner må være et helt tall fra 1 til 500."),
])
def test_a_whole_number_field_refuses_a_decimal_in_norwegian_and_nothing_is_lost(app_page, app_server, path, label,
                                                                                 hint, out_of_range, said):
    """Streamlit's own number field read «3,7» as 37 and «2.5» as 2 without a word. The whole-number fields are
    text fields now: the browser keeps «3,7» in the field, marked invalid, with the Norwegian hint (in the tooltip
    on its error icon and for a screen reader) and sends nothing; a number out of range reaches the server and
    is refused under the field; a good number is taken and the messages go."""
    page = app_page
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    if path == "robusthet":
        page.get_by_text("Detaljer for fagfolk").click()
    else:
        open_expander(page, "Medlemmer")
    field = page.get_by_label(label, exact=True)
    page.wait_for_function("e => e.value !== ''", arg=field.element_handle())  # drawn with its value (in a
    before = field.input_value()  # folded part just opened, the field can come a moment before its value)
    for bad in ("3,7", "2.5"):
        field.fill(bad)
        field.press("Enter")
        page.wait_for_function("(hint) => [...document.querySelectorAll('[id$=\"-error\"]')]"
                               ".some(e => e.textContent.replaceAll('\\u00a0', ' ') === hint)", arg=hint)
        assert field.input_value() == bad and field.get_attribute("aria-invalid") == "true"  # kept to be corrected
        box = page.locator("[data-testid='stTextInput']").filter(has=field)
        enter = box.get_by_test_id("InputInstructions")
        assert enter.count() == 0 or not enter.is_visible()  # no «Trykk Enter for å bruke»: Enter sends nothing
        written = box.locator("span[id$='-error']")  # the refusal is written under the field, not only in a tooltip
        assert written.is_visible() and written.bounding_box()["height"] > 10
        assert written.bounding_box()["y"] > field.bounding_box()["y"]
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):  # under load a hover can come before the tooltip is ready for it: hover again
        page.mouse.move(0, 0)
        page.get_by_test_id("stTooltipErrorHoverTarget").hover()
        try:
            page.wait_for_function("(hint) => document.querySelector('[data-testid=\"stTooltipErrorContent\"]')"
                                   "?.textContent.replaceAll('\\u00a0', ' ') === hint", arg=hint, timeout=8_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    wait_for_app(page)
    assert field.input_value() == "2.5"  # nothing was sent: no rerun wrote the field again
    field.fill(out_of_range)
    field.press("Enter")
    warning = page.get_by_test_id("stAlertContentWarning").filter(has_text=said.split(":")[0])
    warning.wait_for()
    wait_for_app(page)  # the run that drew the warning has ended (it writes the field's value again)
    assert warning.inner_text().replace("\u00a0", " ") == said
    assert field.input_value() == out_of_range
    field.fill(before)
    field.press("Enter")
    warning.wait_for(state="detached")
    assert field.get_attribute("aria-invalid") is None and field.input_value() == before


def _to_zero(page, label: str) -> None:
    thumb = page.get_by_role("slider", name=label)
    thumb.focus()
    thumb.press("Home")


def test_radmann_short_path_samarbeidet_sammenligning_notat(app_page, app_server, external_requests, tmp_path):
    """Samarbeidet → Sammenligning → Beslutningsnotat: only the member picked, ties named as ties, the lead
    read in words, and a memo without English, ids, «rundt dine vekter» or «samarbeidet samarbeidet»."""
    from tests.e2e.conftest import choose_option

    page = app_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(app_server.url + "/samarbeidet")
    wait_for_app(page)
    page.get_by_text("Eksisterende samarbeid som fungerer", exact=True).click()
    wait_for_app(page)
    choose_option(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Nåværende styringsmodell")
                  .locator("input"), "KS-modellen")
    wait_for_app(page)
    choose_option(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Nåværende organisasjonsform")
                  .locator("input"), "Interkommunalt selskap (IKS)")
    wait_for_app(page)
    open_expander(page, "Medlemmer")
    search = page.get_by_role("textbox", name="Legg til kommune")
    members = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Medlemskommuner")
    for n, name in enumerate(("Verdal", "Levanger"), start=1):
        search.fill(name)  # one match: Enter adds exactly that one
        search.press("Enter")
        wait_for_app(page)
        members.filter(has_text=name).wait_for(timeout=10_000)  # added by the first Enter, no retry
        _summary(page, n).wait_for(timeout=10_000)  # picked = counted
        assert search.input_value() == ""  # the field is emptied for the next name
    page.get_by_text("Dagens ordning: KS-modellen + Interkommunalt selskap (IKS)").wait_for()
    chosen = members.inner_text()
    assert "Verdal" in chosen and "Levanger" in chosen and "Vestnes" not in chosen, chosen
    assert not problems_in(visible_text(page)), problems_in(visible_text(page))

    page.get_by_role("link", name="Se sammenligningen av alternativene").click()
    headline = page.locator('[data-testid="stMarkdownContainer"]', has_text="Høyest rangert med disse vektene")
    headline.first.wait_for()
    wait_for_app(page)
    text = headline.first.inner_text()
    assert re.search(r"vektet sum [+−]\d+,\d{2,4} – (klar ledelse|knapp ledelse|nesten likt|likt)", text), text
    assert "2 kommuner ·" in visible_text(page)  # the members picked, counted
    # only «Ledelse» weighted: several alternatives tie; the headline names or counts them, the chart says «delt»
    for i, label in enumerate(("Kvalitet og tilgjengelighet", "Omstillingsevne", "Økonomi og langsiktige investeringer",
                               "Digitalisering og teknologisk utvikling", "Styringsmulighet på rett nivå for kommunene",
                               "Gjennomføringsevne (styringsmulighet for samarbeidet)", "Kompetanse og ressurser",
                               "Styrket makt mot leverandørmarkedet",
                               "Styrket makt mot offentlige etater, KS, andre kommuner",
                               "Samarbeid (mellom samarbeid/kommuner)", "Sentral styring"), start=1):
        _to_zero(page, f"{i}. {label}")
        wait_for_app(page)
    _to_zero(page, "Vekt på omstillingskostnad (%)")  # the cost of change would otherwise separate them
    wait_for_app(page)
    # the ticks read in one step once a shared rank is drawn (a chart redrawn between a wait and a read has none)
    ticks = page.wait_for_function("""() => {
        const chart = document.querySelector('.ikt-live-chart');
        const ticks = chart ? [...chart.querySelectorAll('.ytick text')].map(e => e.textContent) : [];
        return ticks.some(t => t.includes('(delt)')) ? ticks : null;
    }""").json_value()
    ranks: dict[str, list[str]] = {}
    for t in ticks:
        ranks.setdefault(t.split(". ", 1)[0], []).append(t)
    shared = {r: ts for r, ts in ranks.items() if len(ts) > 1}
    assert shared and all(t.startswith(f"{r}. (delt) ") for r, ts in shared.items() for t in ts), ticks
    body = visible_text(page)
    assert "Vekter: Egendefinerte vekter" in body and not problems_in(body), problems_in(body)
    page.screenshot(path=str(tmp_path / "sammenligning.png"))

    page.get_by_role("link", name="Beslutningsnotat").click()
    page.get_by_role("button", name="Lag beslutningsnotat").click()
    page.get_by_text("Notatet «").wait_for(timeout=60_000)
    wait_for_app(page)
    # the memo sits one frame down, in a sandboxed frame inside the app's own
    memo = page.frame_locator("iframe").first.frame_locator("iframe").first.locator("body").inner_text()
    assert "samarbeidet samarbeidet" not in memo and "rundt dine" not in memo and "ks-modellen" not in memo
    assert not problems_in(memo), problems_in(memo)
    assert memo.count("versjon ") == 1
    assert external_requests == []


PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


def _phone(browser, app_server, code: str):
    context = browser.new_context(**PHONE)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(app_server.url) else r.abort())
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{app_server.url}/delta?kode={code}")
    wait_for_app(page)
    page.get_by_role("button", name="Send inn stemmen").wait_for()
    return context, page


def test_workshop_on_a_projector_with_three_phones(app_page, app_server, browser, tmp_path):
    """1280×720 projector: code, QR and the live result above the fold, chart text at least 18 px, no
    controls; three phones vote (one with a tie of its own); each participant is counted once."""
    fac = app_page
    fac.set_viewport_size({"width": 1280, "height": 720})
    fac.goto(f"{app_server.url}/workshop")
    wait_for_app(fac)
    fac.get_by_label("Tittel på workshopen").fill("Rådmannsmøte")
    fac.get_by_role("button", name="Opprett workshop").click()
    fac.get_by_text("Kode for å delta").wait_for()
    wait_for_app(fac)
    code = fac.locator("code", has_text="/delta?kode=").first.inner_text().split("kode=")[1]
    use = fac.get_by_role("button", name="Bruk gruppens vekter")
    assert use.is_disabled()  # nobody has voted yet

    phones = [_phone(browser, app_server, code) for _ in range(3)]
    try:
        for _, phone in phones:  # a one-line description under every factor's slider
            assert phone.get_by_text("Sterkere stilling som kunde overfor leverandørene").is_visible()
            assert not problems_in(visible_text(phone)), problems_in(visible_text(phone))
        (_, p1), (_, p2), (_, p3) = phones
        thumb = p1.get_by_role("slider", name="1. Kvalitet og tilgjengelighet")
        thumb.focus()
        thumb.press("End")
        thumb = p2.get_by_role("slider", name="4. Digitalisering og teknologisk utvikling")
        thumb.focus()
        thumb.press("End")
        for f in range(1, 12):  # the third weighs only «Ledelse»: a tie of their own
            slider = p3.locator('[data-testid="stSlider"]').nth(f - 1).get_by_role("slider")
            slider.focus()
            slider.press("Home")
        for _, phone in phones:
            phone.get_by_role("button", name="Send inn stemmen").click()
            phone.get_by_text("Takk! Stemmen din er lagret").wait_for()

        # the button follows the live result: enabled without another click
        fac.wait_for_function("""() => { const b = [...document.querySelectorAll('button')]
            .find(e => e.innerText.includes('Bruk gruppens vekter')); return b && !b.disabled; }""", timeout=10_000)
        metric = fac.locator('[data-testid="stMetric"]', has_text="Antall svar")
        metric.locator('[data-testid="stMetricValue"]', has_text="3").wait_for(timeout=10_000)
        winners = fac.locator('[data-testid="stPlotlyChart"]').filter(
            has=fac.locator("text", has_text="hver telt én gang"))
        winners.wait_for()
        fac.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .filter(c => c.textContent.includes('hver telt én gang'))
            .some(c => c.querySelectorAll('.bartext').length > 0)""")
        counts = [int(t) for t in winners.first.locator(".bartext").all_text_contents()]
        assert sum(counts) == 3, counts  # three participants, counted once each
        best = fac.locator('[data-testid="stMarkdownContainer"]', has_text="Best med gruppens vekter").first
        said = [int(n) for n in re.findall(r"(?:vinner for|delt førsteplass for) (\d+)", best.inner_text())]
        assert said and sum(said) <= 3 and "av 3 deltakere" in best.inner_text(), best.inner_text()  # once each
        assert "(likt)" in " ".join(winners.locator(".ytick text").all_text_contents()) or "Likt mellom" in " ".join(
            winners.locator(".ytick text").all_text_contents())
        assert not problems_in(visible_text(fac)), problems_in(visible_text(fac))

        switch = fac.locator(".st-key-ws_projector input")
        for _ in range(3):  # a click that lands during a live refresh can be lost: check the state
            if not switch.is_checked():
                fac.locator(".st-key-ws_projector label").first.click()
            try:
                fac.locator(".ws-code").wait_for(timeout=8_000)
                break
            except Exception:
                continue
        fac.locator(".ws-code").wait_for()
        fac.get_by_text("3 svar").wait_for(timeout=10_000)
        fac.locator('[data-testid="stPlotlyChart"] .ytick text').first.wait_for()
        fac.wait_for_timeout(500)
        shot = tmp_path / "projektor-1280x720.png"
        fac.screenshot(path=str(shot))
        print(f"\nprojector screenshot: {shot}")
        layout = fac.evaluate("""() => {
            const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
            const sizes = [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
                .map(t => parseFloat(getComputedStyle(t).fontSize));
            const bottoms = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]')]
                .filter(e => e.offsetHeight > 0).map(e => e.getBoundingClientRect().bottom);
            return {scroll: Math.max(document.documentElement.scrollHeight, main.scrollHeight),
                    height: window.innerHeight, minFont: Math.min(...sizes), bottom: Math.max(...bottoms),
                    buttons: [...document.querySelectorAll('[data-testid="stMain"] button')]
                        .filter(b => b.offsetParent !== null && b.innerText.trim()).map(b => b.innerText)};
        }""")
        assert layout["bottom"] <= layout["height"] and layout["scroll"] <= layout["height"] + 1, layout
        assert layout["minFont"] >= 18, layout
        assert layout["buttons"] == [], layout  # the controls are hidden
        assert fac.locator('img[alt^="QR-kode til"]').is_visible()
        assert code.replace("-", "") in fac.locator(".ws-code").inner_text().replace("-", "")
        assert not problems_in(visible_text(fac)), problems_in(visible_text(fac))
    finally:
        for context, _ in phones:
            context.close()


URL_PATHS = ["start", "samarbeidet", "sammenligning", "robusthet", "parvis", "workshop", "delta", "scenarier", "notat",
             "kostnader", "oversikt", "kart", "lignende", "sql", "kunnskapsgrunnlag", "om"]
ENGLISH_LABEL = re.compile(r"\b(Help|Clear|Remove|Select|Open|Close|Collapse|Expand|Sidebar|Increment|Decrement|"
                           r"Running|Stop|Link to|Upload|Download|Fullscreen|Search|Show|Previous|Next|Page|menu|"
                           r"Notifications|Navigate|Choose|Add files|Markdown|Copy|Loading|Skip)\b")


def test_screen_reader_labels_and_tooltips_are_norwegian_on_every_page(app_page, app_server):
    """What a screen reader reads out beside the visible text: every aria-label, title and placeholder on every
    page (Streamlit writes «Help for <label>», «Clear all», «Collapse sidebar», a select box's «Choose an option»
    … in English)."""
    page = app_page
    found: dict[str, list[str]] = {}
    for path in URL_PATHS:
        page.goto(f"{app_server.url}/{path}")
        page.wait_for_function("() => window.__iktNorwegianLabels === true")  # the page's first run has begun
        page.locator('[data-testid="stMain"] h1, [data-testid="stMain"] [data-testid="stHeading"]').first.wait_for()
        wait_for_app(page)
        open_folded_parts(page, path)  # the fields drawn only while their expander is open are read too
        if path == "samarbeidet":  # the page has help buttons: they are there, and read in Norwegian
            page.wait_for_function("() => document.querySelectorAll('[aria-label^=\"Hjelp: \"]').length > 3")
        page.wait_for_timeout(500)  # labels are rewritten as the elements arrive
        labels = page.evaluate("""() => [...document.querySelectorAll('[aria-label],[title],[placeholder]')]
            .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')])
            .filter(Boolean)""")
        labels.append(page.get_by_test_id("stSkipToContent").text_content())  # the skip link, read first
        english = sorted({v for v in labels if ENGLISH_LABEL.search(v)})
        if english:
            found[path] = english
    assert not found, found


def _column_borders(page, grid) -> list[float]:
    """The x positions (page pixels) of the right borders of the table's visible columns, found where the pointer
    over the heading row turns into the column-resize cursor (the grid is a canvas: its columns are not elements,
    and their widths follow the data)."""
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    y, borders, inside = box["y"] + 18, [], False
    for dx in range(4, int(box["width"]) - 4, 4):
        page.mouse.move(box["x"] + dx, y)
        resize = page.evaluate(f"getComputedStyle(document.elementFromPoint({box['x'] + dx}, {y})).cursor") == \
            "col-resize"
        if resize and not inside:
            borders.append(box["x"] + dx)
        inside = resize
    return borders


def _open_column_menu(page, grid, *, numeric: bool):
    """Click the heading of each column in turn, just left of its right border (a heading opens its menu on a
    click there only), until a column's menu opens; with `numeric`, go on until a number column's («Tallformat»
    is offered for numbers only). Returns the menu.

    A sweep every 40 px along the row missed a column whose menu spot fell between two clicks, and with them
    now and then every column («fant ingen kolonnemeny», in a fresh-clone CI run)."""
    menu = page.get_by_test_id("stDataFrameColumnMenu")
    borders = _column_borders(page, grid)
    assert len(borders) >= 3, f"fant bare {len(borders)} kolonnegrenser"
    y = grid.bounding_box()["y"] + 18
    for border in borders:
        page.mouse.move(border - 12, y)  # the grid follows the pointer before it takes a click
        page.mouse.click(border - 12, y)
        try:
            menu.wait_for(timeout=3_000)
        except Exception:  # noqa: BLE001 (said below if no column gave a menu)
            continue
        if not numeric or "Tallformat" in menu.inner_text():
            return menu
        page.keyboard.press("Escape")
        menu.wait_for(state="detached")
    raise AssertionError("fant ingen kolonnemeny" + (" for en tallkolonne" if numeric else "") + f" ved {borders}")


def test_a_tables_column_menu_and_statistics_speak_norwegian(app_page, app_server):
    """A click on a table's column heading opens Streamlit's column menu: «Sort ascending», «Statistics» (with
    «Values», «Empty», «Average» and numbers such as «2.4%»), «Pin column» … All of it reads in Norwegian,
    with Norwegian numbers."""
    from ikt_model.ui.browser_labels import GRID_TEXTS

    english = [w for w in GRID_TEXTS if w not in GRID_TEXTS.values()]
    page = app_page
    page.goto(app_server.url + "/oversikt")
    wait_for_app(page)
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    seen = []
    for numeric in (False, True):
        menu = _open_column_menu(page, grid, numeric=numeric)
        text = menu.inner_text()
        assert "Sorter stigende" in text and "Skjul kolonnen" in text and "Statistikk" in text, text
        item = menu.get_by_role("menuitem").filter(has_text="Statistikk").bounding_box()
        page.mouse.click(item["x"] + 20, item["y"] + item["height"] / 2)  # its submenu covers it for Playwright
        panel = page.get_by_test_id("stDataFrameStatisticsMenu")
        panel.wait_for()
        page.wait_for_timeout(300)  # the rewrite follows the panel's text as it arrives
        seen += [text, panel.inner_text()]
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    shown = "\n".join(seen)
    assert "Verdier" in shown and ("Gjennomsnitt" in shown or "Gjennomsnittlig lengde" in shown), shown
    assert not [w for w in english if re.search(rf"(?m)^{re.escape(w)}$", shown)], shown
    assert not re.search(r"\d\.\d|\d%", shown), shown  # 2,4 % and 14,7, not 2.4% and 14.7


def test_an_address_that_is_no_page_says_so_in_norwegian(app_page, app_server):
    """Found by a fresh tester: «/start» (a bookmark of the start page; Streamlit serves it at «/» only) opened
    Streamlit's English dialog «Page not found – The page that you have requested does not seem to exist. Running
    the app's main page.» The dialog is in Norwegian now, over the start page, for any address that is no page."""
    page = app_page
    for path in ("start", "finnes-ikke"):
        page.goto(f"{app_server.url}/{path}")
        dialog = page.get_by_role("dialog")
        dialog.get_by_text("Siden du ba om, finnes ikke i appen. Du ser startsiden i stedet.").wait_for()
        assert dialog.get_by_role("heading").inner_text() == "Fant ikke siden"
        assert not ENGLISH_LABEL.search(dialog.inner_text()) and "not" not in dialog.inner_text()
        page.get_by_role("heading", name="IKT-samarbeid: hvilken styringsmodell og organisasjonsform?").wait_for()


def test_the_served_app_trusts_messages_from_no_other_host(app_server):
    """The browser asks the server which parent pages may control the app (stop, rerun, clear the cache):
    none. Streamlit's default is sixteen Community Cloud hosts."""
    import json
    import urllib.request

    with urllib.request.urlopen(app_server.url + "/_stcore/host-config", timeout=10) as response:
        assert json.load(response)["allowedOrigins"] == []


def test_the_app_menu_speaks_norwegian(app_page, app_server):
    """Found by a fresh tester: the ⋮ menu read «Print», «Record screen» and «Made with Streamlit v1.67.0»."""
    page = app_page
    page.goto(f"{app_server.url}/om")
    wait_for_app(page)
    page.get_by_role("button", name="Hovedmeny").click()
    menu = page.locator('[data-testid="stMainMenuPopover"]')
    menu.get_by_role("menuitem", name="Skriv ut").wait_for()
    shown = menu.inner_text()
    assert "Print" not in shown and "Record" not in shown and "Streamlit" not in shown, shown
    assert menu.get_by_role("menuitem").count() == 1
