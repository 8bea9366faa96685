"""Norwegian for the English that Streamlit's frontend writes into the page, with no parameter to change it:
screen-reader labels and tooltips, the skip link, and a table's own column menu, statistics and toolbar.

`NORWEGIAN_LABELS_JS` (put on every page by app.py with st.html(..., unsafe_allow_javascript=True); a constant
of ours, no outside text in it) rewrites them in the browser as they appear, and the hint under a text field
being edited («Press Enter to apply», which ui.widgets's CSS draws in Norwegian until then). The texts a widget
draws only as CSS (the uploader's) are in ui.widgets.
"""

from __future__ import annotations

from .widgets import CTRL_ENTER_TO_APPLY, ENTER_TO_APPLY, ENTER_TO_SUBMIT, INPUT_HINT, STOP, UPLOAD_BUTTON

# Screen-reader labels and tooltips Streamlit's frontend writes in English, with no parameter to change them
# (1.67: the «?» help button is «Help for <label>», a multiselect's «Clear all» / «Remove <value>», the sidebar's
# «Collapse sidebar», a number field's «Increment» …). NORWEGIAN_LABELS_JS (put on every page by app.py with
# st.html(..., unsafe_allow_javascript=True); a constant of ours, no outside text in it) rewrites them in the
# browser as they appear. Exact labels first, then prefixes («Help for X» -> «Hjelp: X»). (The app has no number
# field of Streamlit's own: it read «3,7» as 37; whole numbers are text fields read by ikt_model.numbers.)
ARIA_LABELS: dict[str, str] = {
    "Help": "Hjelp", "Clear all": "Fjern alle", "Clear value": "Tøm feltet", "Clear entry": "Tøm feltet",
    "Selected values": "Valgte", "Open": "Åpne", "Close": "Lukk", "Main menu": "Hovedmeny",
    "App pages": "Sidene i verktøyet", "Sidebar": "Sidemeny", "Collapse sidebar": "Skjul sidemenyen",
    "Expand sidebar": "Vis sidemenyen", "Increment": "Øk", "Decrement": "Reduser", "Running...": "Arbeider …",
    "Stop script": "Stopp", "Link to heading": "Lenke til overskriften", "Markdown content": "Tekst",
    "Notifications": "Varsler", "Navigate to home page": "Gå til startsiden", "file upload": "Filopplasting",
    "Add files": "Legg til filer", "Previous page": "Forrige side", "Next page": "Neste side",
    "Pagination": "Sider", "Dataframe column menu": "Kolonnemeny", "Copy column name": "Kopier kolonnenavnet",
    "Fullscreen": "Fullskjerm", "Close fullscreen": "Lukk fullskjerm", "Download as CSV": "Last ned som CSV",
    "Search": "Søk", "Show/hide columns": "Vis/skjul kolonner", "Clear date": "Tøm datoen",
    "Choose date": "Velg dato", "Previous month": "Forrige måned", "Next month": "Neste måned",
    "Scroll tabs left": "Rull fanene til venstre", "Scroll tabs right": "Rull fanene til høyre",
    "Button action menu": "Knappemeny", "Video player": "Videospiller", "Audio player": "Lydspiller",
    "Close Search": "Lukk søket", "Previous Result": "Forrige treff", "Next Result": "Neste treff",
    "Theme": "Tema", "Loading mermaid diagram": "Laster diagram", "Show password": "Vis passordet",
    "Hide password": "Skjul passordet", "Copy to clipboard": "Kopier", "Copied to clipboard": "Kopiert",
    # plotly's own chart toolbar (where a page shows it)
    "Download plot as a PNG": "Last ned figuren som PNG", "Download plot": "Last ned figuren", "Zoom": "Zoom",
    "Pan": "Flytt", "Box Select": "Velg med rektangel", "Lasso Select": "Velg med lasso", "Zoom in": "Zoom inn",
    "Zoom out": "Zoom ut", "Autoscale": "Tilpass aksene", "Reset axes": "Tilbakestill aksene",
    "Reset view": "Tilbakestill visningen", "Reset": "Tilbakestill", "Toggle Spike Lines": "Vis/skjul hjelpelinjer",
    "Show closest data on hover": "Vis nærmeste verdi", "Compare data on hover": "Sammenlign verdier",
    "Produced with Plotly.js": "Laget med Plotly.js",
    # a select box's and a multiselect's placeholder, read when the field is empty (a search cleared) and by a
    # screen reader; the pages give their own where an empty field is a normal state («Alle regioner»)
    "Choose an option": "Velg et alternativ", "Choose options": "Velg ett eller flere",
}
# Buttons whose English text NORWEGIAN_WIDGETS_CSS hides and draws again in Norwegian (::after): a screen
# reader does not read CSS text, so they get it as their accessible name (axe: «button-name», critical)
CSS_TEXT_NAMES: dict[str, str] = {'[data-testid="stFileUploaderDropzone"] button': UPLOAD_BUTTON,
                                  '[data-testid="stStatusWidget"] button[kind="header"]': STOP}
# The hint under a text field being edited (Streamlit 1.67's InputInstructions): NORWEGIAN_WIDGETS_CSS draws it in
# Norwegian over the English until this script has written the Norwegian into the page itself, and marks the hint
# (data-nb) so the CSS steps aside: a screen reader then reads one Norwegian hint, not the English and a Norwegian
INPUT_HINTS: dict[str, str] = {"Press Enter to apply": ENTER_TO_APPLY, "Press Enter to submit form": ENTER_TO_SUBMIT,
                               "Press Ctrl+Enter to apply": CTRL_ENTER_TO_APPLY,
                               "Press ⌘+Enter to apply": CTRL_ENTER_TO_APPLY}
# Visible text of Streamlit's own elements, by element (exact text only): the skip link a keyboard or
# screen-reader user meets first on every page (Streamlit 1.67, stSkipToContent; it shows when focused)
ELEMENT_TEXTS: dict[str, tuple[str, str]] = {
    '[data-testid="stSkipToContent"]': ("Skip to main content", "Hopp til hovedinnholdet"),
    # the dialog Streamlit opens for an address that is no page of the app (a mistyped or old bookmark)
    '[role="dialog"] h2': ("Page not found", "Fant ikke siden"),
    '[role="dialog"] div:not(:has(*))': (
        "The page that you have requested does not seem to exist. Running the app's main page.",
        "Siden du ba om, finnes ikke i appen. Du ser startsiden i stedet."),
    # the app menu (⋮ top right): «Print»; its «Record screen» and «Made with Streamlit v1.67.0» are hidden
    # (ui.widgets.NORWEGIAN_WIDGETS_CSS: the recording dialog is English throughout)
    '[data-testid="stMainMenuItem-print"] [data-testid="stMainMenuItemLabel"]': ("Print", "Skriv ut"),
}
ARIA_PREFIXES: dict[str, str] = {"Help for ": "Hjelp: ", "Remove ": "Fjern ", "Upload ": "Last opp ",
                                 "Page ": "Side ", "Shortcut ": "Hurtigtast ",
                                 "Top values frequency chart": "De vanligste verdiene",
                                 "Distribution histogram": "Fordeling"}
# Visible words of a table's (st.dataframe, st.data_editor) own menus and tooltips: a click on a column heading
# opens «Sort ascending, Sort descending, Format, Statistics, Autosize, Pin column, Hide column» (Streamlit 1.67,
# DataFrame chunk). Rewritten where they are drawn (GRID_TEXT_SCOPE), as whole texts: a word of the page's own is
# never touched.
GRID_TEXTS: dict[str, str] = {
    "Sort ascending": "Sorter stigende", "Sort descending": "Sorter synkende", "Format": "Tallformat",
    "Automatic": "Automatisk", "Localized": "Lokalt format", "Plain": "Uformatert", "Compact": "Kompakt",
    "Percent": "Prosent", "Scientific": "Vitenskapelig", "Accounting": "Regnskap", "Calendar": "Kalender",
    "Distance": "Avstand", "Duration": "Varighet", "Statistics": "Statistikk", "Count": "Antall",
    "Distinct": "Ulike verdier", "Empty": "Tomme", "Minimum": "Minste", "Maximum": "Største",
    "Average": "Gjennomsnitt", "Median": "Median", "Sum": "Sum", "Standard deviation": "Standardavvik",
    "25th percentile": "25. persentil", "75th percentile": "75. persentil",
    "Range": "Spenn", "Values": "Verdier", "Minimum length": "Korteste", "Maximum length": "Lengste",
    "Average length": "Gjennomsnittlig lengde", "Based on sample": "Basert på et utvalg",
    "Top values frequency chart": "De vanligste verdiene", "Distribution histogram": "Fordeling",
    "Autosize": "Tilpass bredden", "Pin column": "Fest kolonnen", "Unpin column": "Løsne kolonnen",
    "Hide column": "Skjul kolonnen", "Select all": "Velg alle", "Rename": "Gi nytt navn", "Add row": "Legg til rad",
    "Delete row(s)": "Slett valgte rader", "Clear selection": "Fjern markeringen", "No data": "Ingen data",
    "No content": "Tomt", "No options": "Ingen valg", "Failed to load data": "Tabellen kunne ikke lastes",
    "Type to search": "Skriv for å søke",
    # the toolbar's and the menu's words that are screen-reader labels elsewhere: the same Norwegian
    **{word: ARIA_LABELS[word] for word in ("Copy column name", "Search", "Show/hide columns", "Fullscreen",
                                            "Close fullscreen", "Download as CSV")},
}
# Where GRID_TEXTS are drawn: the table, its toolbar, and the menus and tooltips it opens (popovers at the
# end of the page)
GRID_STATISTICS = '[data-testid="stDataFrameStatisticsMenu"]'
GRID_TEXT_SCOPE = ('[data-testid="stDataFrame"], [data-testid="stElementToolbar"], [data-baseweb="popover"], '
                   f'[role="tooltip"], [role="menu"], {GRID_STATISTICS}')


def _labels_js() -> str:
    import json

    return """<script>
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  const win = doc.defaultView || window;
  if (win.__iktNorwegianLabels) return;
  win.__iktNorwegianLabels = true;
  // plotly's chart toolbar shows its tooltips from data-title (CSS ::after), not from title; a select box's
  // empty field shows its placeholder
  const ATTRIBUTES = ["aria-label", "title", "data-title", "placeholder"];
  const exact = __EXACT__, prefixes = Object.entries(__PREFIXES__);
  const fix = (value) => {
    if (!value) return null;
    if (Object.prototype.hasOwnProperty.call(exact, value)) return exact[value];
    for (const [en, no] of prefixes) if (value.startsWith(en)) return no + value.slice(en.length);
    return null;
  };
  const named = Object.entries(__NAMED__);  // elements whose visible text is CSS (::after): the same as their name
  const name = (el) => {
    for (const [selector, text] of named) {
      if (el.matches && el.matches(selector) && !el.getAttribute("aria-label")) el.setAttribute("aria-label", text);
    }
  };
  const visit = (el) => {
    for (const attr of ATTRIBUTES) {
      const v = el.getAttribute && el.getAttribute(attr);
      const n = fix(v);
      if (n !== null && n !== v) el.setAttribute(attr, n);
    }
  };
  const texts = Object.entries(__TEXTS__);  // [selector, [English, Norwegian]]
  const retext = (el) => {
    for (const [selector, [en, no]] of texts) {
      if (el.matches && el.matches(selector) && el.textContent === en) el.textContent = no;
    }
  };
  const sweep = (root) => {
    visit(root);
    name(root);
    retext(root);
    if (root.querySelectorAll) for (const [selector] of texts) root.querySelectorAll(selector).forEach(retext);
    if (!root.querySelectorAll) return;
    root.querySelectorAll("[aria-label],[title],[data-title],[placeholder]").forEach(visit);
    for (const [selector] of named) root.querySelectorAll(selector).forEach(name);
  };
  // A column's statistics («2.4%», «14.7», «0 (0%)») in Norwegian number format; not a top value's own label
  // (the title of the element around it), which may be a number of the data's own («2015»)
  const grid = __GRID__, scope = __SCOPE__, statistics = __STATISTICS__;
  const nb = (text) => {  // «2147483647» -> «2 147 483 647», «14.7» -> «14,7» (as many decimals as written)
    const value = Number(text);
    if (!Number.isFinite(value)) return text;
    const decimals = (text.split(".")[1] || "").length;
    return value.toLocaleString("nb-NO", {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
  };
  const NUMBER = /-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?/g;
  const written = new WeakMap();  // text node -> the number text written here (not converted twice)
  const nbNumbers = (v) => v.replace(NUMBER, (m) => nb(m.replaceAll(",", ""))).replace(/(\\d)%/g, "$1\\u00a0%");
  const translate = (node) => {
    const v = node.nodeValue;
    if (!v || written.get(node) === v) return;
    const word = v.trim();
    const parent = node.parentElement;
    if (Object.prototype.hasOwnProperty.call(grid, word)) {
      // written only when it changes: a write of the same text is a mutation too, and would come back here
      if (grid[word] !== word && parent && parent.closest(scope)) node.nodeValue = v.replace(word, grid[word]);
    } else if (/\\d/.test(word) && /^[\\d.,%()\\s-]+$/.test(word) && parent && parent.closest(statistics)
               && !(parent.closest("[title]") && parent.closest("[title]").getAttribute("title").trim() === word)) {
      const n = nbNumbers(v);
      written.set(node, n);
      if (n !== v) node.nodeValue = n;
    }
  };
  const translateAll = (root) => {
    const inScope = root.closest(scope) || root.querySelector(scope);
    if (!inScope) return;
    root.querySelectorAll("input[placeholder]").forEach((i) => {
      const p = i.getAttribute("placeholder");
      if (Object.prototype.hasOwnProperty.call(grid, p)) i.setAttribute("placeholder", grid[p]);
    });
    const walker = doc.createTreeWalker(root, 4);  // NodeFilter.SHOW_TEXT
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || !n.parentElement.closest("script, style")) translate(n);  // not this script's own text
    }
  };
  const hints = __HINTS__, HINT = __HINT__;
  const hint = (span) => {  // «Press Enter to apply» -> «Trykk Enter for å bruke», in the page's own text
    const text = span.firstChild;
    if (!text || text.nodeType !== 3 || !Object.prototype.hasOwnProperty.call(hints, text.nodeValue)) return;
    text.nodeValue = hints[text.nodeValue];
    span.dataset.nb = "1";
  };
  const hintsIn = (root) => {
    if (root.matches && root.matches(HINT)) hint(root);
    if (root.querySelectorAll) root.querySelectorAll(HINT).forEach(hint);
  };
  const hintOf = (node) => {
    const parent = node.parentElement;
    if (parent && parent.matches(HINT)) hint(parent);
  };
  sweep(doc.body);
  translateAll(doc.body);
  hintsIn(doc.body);
  new win.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") visit(r.target);
      else if (r.type === "characterData") {
        translate(r.target); hintOf(r.target);
        if (r.target.parentElement) retext(r.target.parentElement);
      }
      else r.addedNodes.forEach((n) => {
        if (n.nodeType === 1) { sweep(n); translateAll(n); hintsIn(n); }
        else if (n.nodeType === 3) { translate(n); hintOf(n); if (n.parentElement) retext(n.parentElement); }
      });
    }
  }).observe(doc.body, {subtree: true, childList: true, characterData: true, attributes: true,
                        attributeFilter: ATTRIBUTES});
})();
</script>""".replace("__NAMED__", json.dumps(CSS_TEXT_NAMES, ensure_ascii=False)).replace(
        "__TEXTS__", json.dumps(ELEMENT_TEXTS, ensure_ascii=False)).replace(
        "__EXACT__", json.dumps(ARIA_LABELS, ensure_ascii=False)).replace(
        "__PREFIXES__", json.dumps(ARIA_PREFIXES, ensure_ascii=False)).replace(
        "__GRID__", json.dumps(GRID_TEXTS, ensure_ascii=False)).replace(
        "__SCOPE__", json.dumps(GRID_TEXT_SCOPE)).replace("__STATISTICS__", json.dumps(GRID_STATISTICS)).replace(
        "__HINTS__", json.dumps(INPUT_HINTS, ensure_ascii=False)).replace("__HINT__", json.dumps(INPUT_HINT))


NORWEGIAN_LABELS_JS = _labels_js()


def norwegian_page_block(css: str) -> str:
    """The style sheet `css` and NORWEGIAN_LABELS_JS as one HTML block for st.html (unsafe_allow_javascript),
    drawn by app.py on every page.

    One block, not two: Streamlit's browser keeps an element of at least 10 000 bytes
    (global.minCachedMessageSize) and a later run sends only its hash. The script alone (9,5 kB since its
    number-field part went) fell under that and was sent in full on every page switch, with the style sheet
    (2 kB) beside it; together they are sent once per session (tests/ui/test_browser_labels.py)."""
    return f"<style>{css}</style>{NORWEGIAN_LABELS_JS}"

