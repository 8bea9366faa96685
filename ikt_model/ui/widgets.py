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

What Streamlit's frontend writes in English in the page itself (screen-reader labels, a table's menus) is
said in Norwegian by ui.browser_labels.
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
# (ui.browser_labels then writes the Norwegian into the hint itself and marks it data-nb: the CSS steps aside)
INPUT_HINT = '[data-testid="InputInstructions"] > span:first-child'
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
{INPUT_HINT}:not([data-nb]) {{ font-size: 0; }}
{INPUT_HINT}:not([data-nb])::after {{ font-size: 0.75rem; content: "{ENTER_TO_APPLY}"; }}
[data-testid="stForm"] {INPUT_HINT}:not([data-nb])::after {{ content: "{ENTER_TO_SUBMIT}"; }}
[data-testid="stTextArea"] {INPUT_HINT}:not([data-nb])::after {{ content: "{CTRL_ENTER_TO_APPLY}"; }}
/* a value the field's own check refused (st.text_input(validate=...)) is not sent on Enter: no «Trykk Enter» */
[data-testid="stTextInput"]:has(input[aria-invalid="true"]) [data-testid="InputInstructions"] {{ display: none; }}
/* ... and its refusal («Skriv et helt tall …»), which Streamlit gives only a screen reader and the tooltip of a
   small icon, is written under the field (red text, 6:1 on white) */
[data-testid="stTextInput"] > span[id$="-error"] {{
  position: static; width: auto; height: auto; clip: auto; overflow: visible; white-space: normal;
  display: block; margin-top: 0.25rem; font-size: 0.875rem; color: #b42318;
}}
[role="listbox"][data-empty="true"] [role="option"] > span {{ display: none; }}
/* the app menu: no screen recording (its dialog is English throughout) and no «Made with Streamlit v1.67.0» */
[data-testid="stMainMenuItem-recordScreencast"], [data-testid="stMainMenuList"] + div {{ display: none; }}
/* the «Stop» button Streamlit shows top right while a run takes over 0,5 s: English, and grey on white at
   2,5:1 (axe: serious) — drawn as «Stopp» in the theme's text colour */
[data-testid="stStatusWidget"] button[kind="header"] {{ font-size: 0; color: #3d4451; }}
[data-testid="stStatusWidget"] button[kind="header"]::after {{ content: "{STOP}"; font-size: 0.875rem; }}
[role="listbox"][data-empty="true"]::after {{
  content: "{NO_MATCHES}"; display: block; padding: 0.5rem 1rem; opacity: 0.7;
}}
/* a toggle's or checkbox's label is one line cut with «…» by Streamlit: on a phone «IKS med representantskap av
   kommunedirektør…». It wraps instead, so the whole label is read */
[data-testid="stCheckbox"] [data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stCheckbox"] [data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"] * {{
  white-space: normal; text-overflow: clip; overflow: visible; overflow-wrap: anywhere;
}}
"""


# A plain table (st.table) wider than its column scrolls sideways in a box of its own; on a phone nothing said so
# (the ranking on «Sammenligning», the intervals on «Robusthet»). A shadow at the edge that has more to show,
# the usual cue: the white gradients scroll with the table and cover the shadows at an end it has reached.
# On a phone the cells are tighter (3 px sides, 13 px text, not 6 px and 14 px): the cost split, the intervals on
# «Robusthet» and the consistency table on «Parvise vekter» were 12 to 45 px wider than a 390 px screen and now fit.
WIDE_TABLE_CSS = """
[data-testid="stTable"] > div {
  background:
    linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left center / 2rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right center / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(11, 15, 20, 0.3), rgba(11, 15, 20, 0)) left center / 1rem 100%
      no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(11, 15, 20, 0.3), rgba(11, 15, 20, 0)) right center / 1rem 100%
      no-repeat scroll;
}
@media (max-width: 640px) {
  [data-testid="stTable"] th:nth-child(n), [data-testid="stTable"] td:nth-child(n) {  /* above «:first-of-type» */
    padding-left: 3px; padding-right: 3px; font-size: 13px;
  }
}
"""

# A link in a code box (st.code(..., wrap_lines=True): a case's private link, a shared scenario, a workshop's join
# link) is shown whole: broken anywhere, for a link has no spaces to break at; on a 390 px phone it ran off the box's
# right edge. Streamlit shows the box's copy button only on hover, which a touch screen does not have: there it is
# always shown.
LINK_BOX_CSS = """
[data-testid="stCode"] code { overflow-wrap: anywhere; }
@media (hover: none) {
  [data-testid="stCode"] > div:has([data-testid="stElementToolbarButton"]) {
    opacity: 1; visibility: visible; pointer-events: auto;
  }
  [data-testid="stCode"] pre { padding-right: 2.75rem; }  /* the link's lines end left of the button */
}
"""


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


WIDGET_GENERATIONS = "widget_generations"  # state key: {base key: generation} for `server_value_key`


def widget_key(state: Mapping[str, Any], base: str) -> str:
    """The key the widget `base` is drawn under now (see `server_value_key`): `base` itself, or `base_v<n>`
    after the server changed its value n times."""
    generations = state[WIDGET_GENERATIONS] if WIDGET_GENERATIONS in state else {}
    n = generations.get(base, 0)
    return f"{base}_v{n}" if n else base


def server_value_key(state: MutableMapping[str, Any], base: str, value: Any, *, as_default: bool = False) -> str:
    """Write `value` for a widget whose value the server sets (the sidebar's weight sliders and weight set
    box, which follow the weights in use; the walking slider) and return the key to draw it under. Call it
    on every run, before the widget is drawn.

    `as_default=True`: nothing is written; the caller draws the widget with `value` as its default
    (`st.slider(..., value=value, key=key)`), which a key keeps only while it is new (the widget's identity is
    its key, not its default). Streamlit sends a value written to session state to the browser on every run,
    and the browser then lays the widget out again: for the twelve weight sliders, drawn on every page switch,
    that was about 60 ms of the switch back to «Samarbeidet» on this kind of machine (issue 14). For a widget
    whose identity includes its default the key alone does not keep it: use the default `as_default=False`.

    The key stays the same while the widget holds `value` (the user's own change, or the server's value
    written before); when the server changes the value, or the widget holds none, the widget gets a new key
    (`base_v1`, `base_v2`, ...): the browser draws a new widget. A key's value is thus set by the server only
    once, when the key is new, and after that changed only by the user.

    Why: a value the server writes reaches the browser only with the run's answer. A rerun the browser sends
    before that (a page switch right after choosing a weight set: Back within a second) carries the value
    the browser still shows. Under the same key Streamlit takes that old value for the user's change: it
    keeps it and calls the widget's on_change with it (the sidebar's twelve slider callbacks put the old
    weights back as «Egendefinert», and asked for a rerun of the left page's fragments, which blanked the
    new page). Under a new key the old value belongs to a widget this run does not draw, and is dropped.
    """
    generations = dict(state[WIDGET_GENERATIONS]) if WIDGET_GENERATIONS in state else {}
    key = widget_key(state, base)
    if base in generations and not (key in state and _same(state[key], value)):
        generations[base] += 1
        key = f"{base}_v{generations[base]}"
    generations.setdefault(base, 0)
    state[WIDGET_GENERATIONS] = generations
    if not as_default:
        state[key] = value
    return key


def held_value_key(state: MutableMapping[str, Any], base: str, default: Any) -> str:
    """`hold_values` for a widget the user owns and the server may set (`server_value_key`, e.g. a «fill in» button):
    the value its current key holds, or `default` under the same key (not drawn last run), written again."""
    key = widget_key(state, base)
    return server_value_key(state, base, state.setdefault(key, default))


def _same(held: Any, value: Any) -> bool:
    try:
        return bool(held == value)
    except (TypeError, ValueError):  # values that do not compare (arrays): treated as changed
        return False


def follow_unless_chosen(state: MutableMapping[str, Any], key: str, choice_key: str, options: Sequence[Any],
                         default: Any) -> Any:
    """The value a select box (widget key `key`) shows on this run: the user's own pick (`state[choice_key]`,
    kept by `remember_choice`) while it is still among `options`, else `default` (e.g. today's best
    alternative, which moves with the weights). Writes it into `state[key]` before the widget is drawn, so the
    browser shows the option's current label: a select box whose labels carry ranks otherwise kept showing
    the old rank after a weight change. Returns the value."""
    value = followed_choice(state, choice_key, options, default)
    state[key] = value
    return value


def followed_choice(state: Mapping[str, Any], choice_key: str, options: Sequence[Any], default: Any) -> Any:
    """What `follow_unless_chosen` puts in the select box, without writing it: the user's pick
    (`state[choice_key]`) while it is among `options`, else `default`. For the parts of a page that show the
    choice without drawing the box."""
    chosen = state.get(choice_key)
    return chosen if chosen in options else default


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

def choice_in_state(state: Mapping[str, Any], key: str, options: Sequence[Any], default: Any) -> Any:
    """The option a choice widget (radio, select box) with `key` holds in `state`, or `default` — the value
    the widget itself starts at — when it holds none or a value not among `options`.

    For code that reads a widget's value from the session instead of the widget's return value (a fragment
    rerun keeps the arguments of its first run, so it reads the session). The key may be missing there:
    Streamlit drops a widget's state when a run that did not draw it finishes, so a fragment that reruns
    after a quick page switch, or after an interrupted run, finds no key — `state[key]` raised KeyError.
    """
    value = state.get(key, default)
    return value if value in options else default


def reopen(state: MutableMapping[str, Any], key: str, kept_key: str) -> None:
    """Before a keyed expander or tab set is drawn: give it the state the user left it in (kept under
    `kept_key` by `keep_open`), when Streamlit has dropped its own (a page switch drops a widget's state)."""
    if key not in state and kept_key in state:
        state[key] = state[kept_key]


def keep_open(state: MutableMapping[str, Any], key: str, kept_key: str) -> None:
    """The expander's on_change: keep its state (open or closed) under `kept_key` for `reopen`."""
    state[kept_key] = state[key]
