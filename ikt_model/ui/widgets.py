"""Norwegian in place of the English texts Streamlit's widgets carry and offer no parameter for.

Streamlit 1.67's file uploader says «Drag and drop file here», «Limit 200MB per file • JSON» and
«Upload»/«Browse files», and after a wrong file «image/png files are not allowed.»; a select box with no
match says «No results». There is no
parameter for these texts, so the English text is hidden with CSS and a Norwegian one drawn in its
place (`NORWEGIAN_WIDGETS_CSS`, put on every page by app.py). Wrong file types never reach the widget's
own English error: pages pass `type=None` and check the file themselves (`check_upload`), with a
Norwegian message.

Numbers in widgets: a slider with `format="localized"` (or `"percent"`) and a table column with
`format="localized"` are formatted by the browser, in the browser's language — «6.3» in an English
browser. `NORWEGIAN_LOCALE_JS` pins the language the page's number formatting asks for
(`navigator.languages`) to Norwegian bokmål, so they read «6,3» and «6,3 %» in every browser; the
browser's own `navigator.language` (dates, what Streamlit reports as the user's locale) is left alone.
It must run before Streamlit draws the first widget (a widget drawn earlier keeps the browser's format
until it is drawn again), so the launcher puts it into the app's HTML page (`with_locale_script`, used
by scripts/serve.py), ahead of Streamlit's own scripts.

Multiselects: every `st.multiselect` passes `select_all=False` (no «Select all»/«Select N matches»
option that adds more than the user picked) — see tests/pages/test_norwegian_ui.py, which checks the
pages' source for it.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

UPLOAD_INSTRUCTIONS = "Dra og slipp en fil her, eller trykk «Last opp»"
UPLOAD_BUTTON = "Last opp"
NO_MATCHES = "Ingen treff"  # in place of the select boxes' «No results»
# in place of the hint under a text field being edited («Press Enter to apply», «… to submit form»,
# «Press Ctrl+Enter to apply» in a text area); the hint is the first span when the field takes Enter,
# which every text field of the app does; a character counter («3/120») after it is left as it is
ENTER_TO_APPLY = "Trykk Enter for å bruke"
ENTER_TO_SUBMIT = "Trykk Enter for å sende"
CTRL_ENTER_TO_APPLY = "Trykk Ctrl+Enter (⌘+Enter på Mac) for å bruke"
STOP = "Stopp"

NORWEGIAN_LOCALE = ("nb-NO", "nb", "no")
NORWEGIAN_LOCALE_JS = (
    "(() => { const nb = Object.freeze(" + str(list(NORWEGIAN_LOCALE)).replace("'", '"') + ");"
    " try { Object.defineProperty(navigator, 'languages', {get: () => nb, configurable: true}); }"
    " catch (e) { /* a browser that refuses keeps its own number format */ } })();"
)



def with_locale_script(page: bytes) -> bytes:
    """The app's HTML page with NORWEGIAN_LOCALE_JS as the first script in <head> (bytes in, bytes out);
    a page without <head> is returned as it is."""
    head = page.find(b"<head>")
    if head < 0:
        return page
    at = head + len(b"<head>")
    return page[:at] + f"<script>{NORWEGIAN_LOCALE_JS}</script>".encode() + page[at:]


NORWEGIAN_WIDGETS_CSS = f"""
[data-testid="stFileUploaderDropzoneInstructions"] > div > span,
[data-testid="stFileUploaderDropzoneInstructions"] > div > small {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{
  content: "{UPLOAD_INSTRUCTIONS}"; font-size: 0.875rem;
}}
[data-testid="stFileUploaderDropzone"] button {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: "{UPLOAD_BUTTON}"; font-size: 1rem; }}
[data-testid="stFileUploaderDropzone"] button > * {{ display: none; }}
[data-testid="stFileUploaderFileErrorMessage"], [data-testid="stFileUploaderFile"] small {{ display: none; }}
[data-testid="stFileChipName"] + div {{ display: none; }}  /* the size as «72.0B»: English number format */
[data-testid="InputInstructions"] > span:first-child {{ font-size: 0; }}
[data-testid="InputInstructions"] > span:first-child::after {{ font-size: 0.75rem; content: "{ENTER_TO_APPLY}"; }}
[data-testid="stForm"] [data-testid="InputInstructions"] > span:first-child::after {{ content: "{ENTER_TO_SUBMIT}"; }}
[data-testid="stTextArea"] [data-testid="InputInstructions"] > span:first-child::after {{
  content: "{CTRL_ENTER_TO_APPLY}";
}}
[role="listbox"][data-empty="true"] [role="option"] > span {{ display: none; }}
/* the «Stop» button Streamlit shows top right while a run takes over 0,5 s: English, and grey on white at
   2,5:1 (axe: serious) — drawn as «Stopp» in the theme's text colour */
[data-testid="stStatusWidget"] button[kind="header"] {{ font-size: 0; color: #3d4451; }}
[data-testid="stStatusWidget"] button[kind="header"]::after {{ content: "{STOP}"; font-size: 0.875rem; }}
[role="listbox"][data-empty="true"]::after {{
  content: "{NO_MATCHES}"; display: block; padding: 0.5rem 1rem; opacity: 0.7;
}}
"""


# Screen-reader labels and tooltips Streamlit's frontend writes in English, with no parameter to change them
# (1.67: the «?» help button is «Help for <label>», a multiselect's «Clear all» / «Remove <value>», the sidebar's
# «Collapse sidebar», a number field's «Increment» …, and a number field's refusal of a number outside its range,
# «Number is outside the allowed range. Please enter a value between 0 and 2147483647.»). NORWEGIAN_LABELS_JS
# (put on every page by app.py with st.html(..., unsafe_allow_javascript=True); a constant of ours, no outside
# text in it) rewrites them in the browser as they appear. Exact labels first, then prefixes («Help for X» ->
# «Hjelp: X»); the refusal as a Norwegian sentence with Norwegian numbers.
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
    "Reset view": "Tilbakestill visningen", "Toggle Spike Lines": "Vis/skjul hjelpelinjer",
    "Show closest data on hover": "Vis nærmeste verdi", "Compare data on hover": "Sammenlign verdier",
    "Produced with Plotly.js": "Laget med Plotly.js",
}
# Buttons whose English text NORWEGIAN_WIDGETS_CSS hides and draws again in Norwegian (::after): a screen
# reader does not read CSS text, so they get it as their accessible name (axe: «button-name», critical)
CSS_TEXT_NAMES: dict[str, str] = {'[data-testid="stFileUploaderDropzone"] button': UPLOAD_BUTTON,
                                  '[data-testid="stStatusWidget"] button[kind="header"]': STOP}
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
    for (const attr of ["aria-label", "title"]) {
      const v = el.getAttribute && el.getAttribute(attr);
      const n = fix(v);
      if (n !== null && n !== v) el.setAttribute(attr, n);
    }
  };
  const sweep = (root) => {
    visit(root);
    name(root);
    if (!root.querySelectorAll) return;
    root.querySelectorAll("[aria-label],[title]").forEach(visit);
    for (const [selector] of named) root.querySelectorAll(selector).forEach(name);
  };
  // A number field refuses a number outside its range with an English sentence (a tooltip on its error icon,
  // «**Error**: Number is …», and the same for a screen reader, «Error: Number is …»): said again in Norwegian,
  // with the bounds in Norwegian number format. React owns these text nodes and writes them again on a change;
  // that change comes back here as characterData.
  const RANGE = new RegExp("Number is (outside|below|above) the allowed range\\\\.(?: Please enter a value "
    + "(?:between (\\\\S+) and (\\\\S+)|greater than or equal to (\\\\S+)|less than or equal to (\\\\S+))\\\\.)?");
  const nb = (text) => {
    const value = Number(text);
    if (!Number.isFinite(value)) return text;
    const decimals = (text.split(".")[1] || "").length;
    return value.toLocaleString("nb-NO", {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
  };
  const rangeText = (m) => {
    const [, kind, low, high, least, most] = m;
    const outside = "Tallet er utenfor det tillatte området.";
    if (low !== undefined) return `${outside} Skriv et tall fra ${nb(low)} til ${nb(high)}.`;
    if (least !== undefined) return `Tallet er for lite. Skriv et tall som er minst ${nb(least)}.`;
    if (most !== undefined) return `Tallet er for stort. Skriv et tall som er høyst ${nb(most)}.`;
    return {below: "Tallet er for lite.", above: "Tallet er for stort."}[kind] || outside;
  };
  // A column's statistics («2.4%», «14.7», «0 (0%)») in Norwegian number format; not a top value's own label
  // (the title of the element around it), which may be a number of the data's own («2015»)
  const grid = __GRID__, scope = __SCOPE__, statistics = __STATISTICS__;
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
    } else if (v.includes("allowed range")) {
      const m = v.match(RANGE);
      if (m) node.nodeValue = v.replace(m[0], rangeText(m)).replace(/^Error: /, "Feil: ");
    } else if (v === "Error" && node.parentElement && node.parentElement.tagName === "STRONG") {
      const next = node.parentElement.nextSibling;  // «**Error**: …»: the bold word, then the sentence
      const rest = next && next.nodeType === 3 ? next.nodeValue : "";
      if (rest.includes("allowed range") || rest.startsWith(": Tallet")) node.nodeValue = "Feil";
    }
  };
  const translateAll = (root) => {
    const inScope = root.closest(scope) || root.querySelector(scope);
    if (!inScope && !(root.textContent || "").includes("allowed range")) return;
    root.querySelectorAll("input[placeholder]").forEach((i) => {
      const p = i.getAttribute("placeholder");
      if (Object.prototype.hasOwnProperty.call(grid, p)) i.setAttribute("placeholder", grid[p]);
    });
    const walker = doc.createTreeWalker(root, 4);  // NodeFilter.SHOW_TEXT
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || !n.parentElement.closest("script, style")) translate(n);  // not this script's own text
    }
  };
  sweep(doc.body);
  translateAll(doc.body);
  new win.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") visit(r.target);
      else if (r.type === "characterData") translate(r.target);
      else r.addedNodes.forEach((n) => {
        if (n.nodeType === 1) { sweep(n); translateAll(n); } else if (n.nodeType === 3) translate(n);
      });
    }
  }).observe(doc.body, {subtree: true, childList: true, characterData: true, attributes: true,
                        attributeFilter: ["aria-label", "title"]});
})();
</script>""".replace("__NAMED__", json.dumps(CSS_TEXT_NAMES, ensure_ascii=False)).replace(
        "__EXACT__", json.dumps(ARIA_LABELS, ensure_ascii=False)).replace(
        "__PREFIXES__", json.dumps(ARIA_PREFIXES, ensure_ascii=False)).replace(
        "__GRID__", json.dumps(GRID_TEXTS, ensure_ascii=False)).replace(
        "__SCOPE__", json.dumps(GRID_TEXT_SCOPE)).replace("__STATISTICS__", json.dumps(GRID_STATISTICS))


NORWEGIAN_LABELS_JS = _labels_js()


def check_upload(name: str, size: int, allowed: Sequence[str], max_bytes: int) -> str | None:
    """A Norwegian message when an uploaded file is of the wrong type or too large, else None.

    `name`: the file name; `size`: bytes; `allowed`: file endings without the dot («json», «csv»);
    `max_bytes`: the largest size accepted.
    """
    from .. import format as fmt

    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ending not in {a.lower() for a in allowed}:
        wanted = " eller ".join(f".{a}" for a in allowed)
        return f"«{name}» er ikke en {wanted}-fil. Velg en fil av riktig type."
    if size > max_bytes:
        return (f"«{name}» er for stor ({fmt.number(size / 1_000_000, 1)} MB). Største tillatte størrelse er "
                f"{fmt.number(max_bytes / 1_000_000, 0)} MB.")
    return None


def hold_values(state: MutableMapping[str, Any], defaults: Mapping[str, Any]) -> None:
    """Write every widget key's value into `state` again on this run: the value it holds, or `defaults[key]`
    when it holds none. Call it before the widgets are drawn, on every run.

    Why: Streamlit sends a value to the browser only in a run that wrote it to session state. A widget the
    browser has not drawn before (a quick click interrupted the run that would have drawn it, or the widget
    appears again after being hidden) is otherwise drawn at the widget's own default (a toggle off, a slider
    at its minimum) while the server holds another value; the browser sends its default back with the next
    change, and the user's value is silently replaced. Writing the held value every run keeps the two equal.
    """
    for key, default in defaults.items():
        state[key] = state[key] if key in state else default


def follow_unless_chosen(state: MutableMapping[str, Any], key: str, choice_key: str, options: Sequence[Any],
                         default: Any) -> Any:
    """The value a select box (widget key `key`) shows on this run: the user's own pick (`state[choice_key]`,
    kept by `remember_choice`) while it is still among `options`, else `default` (e.g. today's best
    alternative, which moves with the weights). Writes it into `state[key]` before the widget is drawn, so the
    browser shows the option's current label: a select box whose labels carry ranks otherwise kept showing
    the old rank after a weight change. Returns the value."""
    chosen = state.get(choice_key)
    value = chosen if chosen in options else default
    state[key] = value
    return value


def remember_choice(state: MutableMapping[str, Any], key: str, choice_key: str) -> None:
    """The select box's on_change: the user's pick, kept under `choice_key` (see follow_unless_chosen)."""
    state[choice_key] = state[key]


def follow_weights(state: MutableMapping[str, Any], keys: Sequence[str], vector: Sequence[float],
                   seen_key: str) -> bool:
    """Slider keys that start from the weights in use (the walking-weights slider): when the weights changed
    since `state[seen_key]` (the sidebar, a preset, a shared link), their held values are dropped, so each
    starts again at the new weight. Returns True when they were dropped."""
    seen = tuple(round(float(v), 9) for v in vector)
    if state.get(seen_key) == seen:
        return False
    for key in keys:
        state.pop(key, None)
    state[seen_key] = seen
    return True