"""Every page, rendered: no English UI words, no internal identifiers, no «None», Norwegian numbers.

AppTest sees the texts the app writes (markdown, captions, alerts, labels, options, table cells, chart
specs); the texts Streamlit's own widgets draw in the browser («Select all», «Upload», «View 6 more»)
are checked in tests/e2e/test_trust.py. A list of words is a blunt tool: it names the words users saw.
"""

from __future__ import annotations

import ast
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.format import MISSING
from ikt_model.ui import session
from tests.pages.live import live_charts

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted(p.name for p in (REPO / "pages").glob("*.py"))

# English that users saw in the app, and words of the kind (whole words, case-sensitive where it matters)
ENGLISH = re.compile(r"\b(Select all|Select \d+ matches|View \d+ more|View less|Upload|Browse files|per file|"
                     r"are not allowed|None|nan|NaN|True|False|Error|Warning|Loading|Submit|Download|Choose)\b")


def _internal_ids() -> set[str]:
    kb = default_knowledge_base()
    ids = {a.id for a in kb.assessments()} | {r.id for r in kb.rules}
    # the weight-source keys that were shown raw («vekter: rapport / egendefinert / workshop»)
    return ids


SOURCE_KEYS = re.compile(r"[Vv]ekter: (rapport|egendefinert|workshop|like|rangsum|AHP)\b")
# a decimal point between digits (1.5, 6.3 %), or a bare number of five or more digits without grouping
# (identifiers with a leading zero, such as SSB table 07459 or 0301, are not quantities);
# dates (29.11.2026), versions and section numbers (3.4.2, 4.2) are allowed
DOT_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+ ?%|(?<![\w.,\u00a0-])[1-9]\d{4,}(?![\w.,])")


def _texts(at) -> list[str]:
    out: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "text", "error", "warning", "info",
                 "success", "exception", "latex", "code"):
        if kind in ("code",):
            continue  # join URLs and SQL examples are code, not prose
        out += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        out += [m.label, str(m.value)]
    for kind in ("slider", "select_slider", "selectbox", "multiselect", "radio", "checkbox", "toggle",
                 "text_input", "number_input", "button", "text_area", "date_input"):
        for w in getattr(at, kind):
            out.append(w.label)
            if getattr(w, "help", None):
                out.append(w.help)
            if kind in ("selectbox", "multiselect", "radio", "select_slider"):
                out += [str(o) for o in w.options]
            if kind in ("selectbox", "multiselect", "text_input") and getattr(w, "placeholder", None):
                out.append(w.placeholder)
    for e in at.expander:
        out.append(e.label)
    for t in at.tabs:
        out.append(t.label)
    out += [_visible_text(h.value) for h in at.html]  # e.g. «Hvorfor?»'s reason cards (ui.reason_cards)
    return out


class _VisibleText(HTMLParser):
    """The text of an HTML body as a reader sees it: no tags, no style sheet, no script."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    reader = _VisibleText()
    reader.feed(html)
    return " ".join(reader.parts)


def _table_texts(at) -> list[str]:
    """What a table shows (st.dataframe and st.table): a Styler's display values when the page styled it, else
    the raw cells."""
    out = []
    for df in [*at.dataframe, *at.table]:
        arrow = df.proto.arrow_data
        styled = arrow.styler.display_values if arrow.HasField("styler") else None
        frame = df.value
        if styled:
            from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

            shown = convert_arrow_bytes_to_pandas_df(styled)
            order = list(getattr(df.proto, "column_order", []) or [])  # a column left out of it is not drawn
            if order:
                shown = shown.iloc[:, [i for i, c in enumerate(frame.columns) if c in order]]
            out += [str(v) for v in shown.to_numpy().ravel()]
        else:
            for column in frame.columns:
                series = frame[column]
                if pd.api.types.is_float_dtype(series):  # unstyled floats are drawn with a dot
                    out.append(f"{column}: {series.dropna().iloc[0] if series.notna().any() else ''} (uformatert tall)")
                if getattr(df.proto, "placeholder", None) != MISSING:  # a grid draws a missing cell as its «–»
                    out += [str(v) for v in series if v is None or (isinstance(v, float) and pd.isna(v))]
    return out


def _chart_problems(at) -> list[str]:
    problems = []
    specs = [json.loads(chart.proto.spec) if chart.proto.spec else {} for chart in at.get("plotly_chart")]
    for spec in specs + live_charts(at):
        layout = spec.get("layout", {})
        if layout.get("separators") != ", ":
            title = (layout.get("title") or {}).get("text", "?")
            problems.append(f"diagram «{title}» mangler norske skilletegn (separators)")
    return problems


def _render(at, page: str):
    at.switch_page(f"pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _problems(at) -> list[str]:
    ids = _internal_ids()
    found = []
    for text in _texts(at) + _table_texts(at):
        if m := ENGLISH.search(text):
            found.append(f"engelsk «{m.group(0)}» i: {text[:120]}")
        if m := SOURCE_KEYS.search(text):
            found.append(f"intern kilde-id «{m.group(0)}» i: {text[:120]}")
        for word in re.findall(r"[a-z_]+\.[a-z_]+(?:\.[a-z0-9_]+)+", text):
            if word in ids:
                found.append(f"intern id «{word}» i: {text[:120]}")
        if m := DOT_DECIMAL.search(text):
            found.append(f"tall på engelsk «{m.group(0)}» i: {text[:120]}")
        if re.search(r"\b1 (kommuner|egne vurderinger|vurderinger|deltakere|svar er)\b", text):
            found.append(f"bøyning: {text[:120]}")
        if "(uformatert tall)" in text:
            found.append(f"tabellkolonne med engelske desimaler: {text}")
    for grid in at.dataframe:  # the grid draws a missing cell as «None» unless told otherwise
        if grid.proto.placeholder != MISSING:
            found.append(f"tabell som viser tomme celler som «{grid.proto.placeholder or 'None'}»")
    return found + _chart_problems(at)


# Expanders whose content is drawn only while open: opened here so their tables are checked too
OPENED = ("rob_intervals_open", "rob_walk_table_open", "cmp_advice_open", "cmp_forms_open", "pf_upload_open")


@pytest.mark.parametrize("page_file", PAGES)
def test_page_speaks_norwegian(at, page_file):
    for key in OPENED:
        at.session_state[key] = True
    problems = _problems(_render(at, page_file))
    assert not problems, "\n".join(problems)


def test_pages_with_changed_state_speak_norwegian(at):
    """One override, custom weights, one municipality: the texts that only show then."""
    kb = default_knowledge_base()
    row = kb.form_factor[0]
    at.session_state[session.OVERRIDES] = {row.id: -row.score or 1}
    at.session_state[session.PROFILE] = at.session_state[session.PROFILE].model_copy(
        update={"members": ["1721"], "municipalities": 1})
    for key in OPENED:
        at.session_state[key] = True
    for page in ("comparison.py", "robustness.py", "knowledge_base.py", "scenarios.py"):
        _render(at, page)
        if page == "comparison.py":
            at.slider(key="weight_slider_12").set_value(0.0).run()
            at.run()  # the weight change reran the weighted parts only: check the whole page
        problems = _problems(at)
        assert not problems, page + "\n" + "\n".join(problems)


def _calls(tree: ast.AST, name: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name:
            yield node


def test_no_multiselect_can_add_more_than_the_user_picked():
    """Streamlit's multiselect offers «Select all» / «Select N matches» (English, and Enter adds every fuzzy
    match) unless select_all=False; fuzzy matching («Verdal» -> Vestnes, Sveio …) is off too."""
    seen = 0
    for path in [*(REPO / "pages").glob("*.py"), REPO / "app.py"]:
        for call in _calls(ast.parse(path.read_text()), "multiselect"):
            seen += 1
            kwargs = {k.arg: k.value for k in call.keywords}
            where = f"{path.name}:{call.lineno}"
            assert "select_all" in kwargs and ast.literal_eval(kwargs["select_all"]) is False, where
            if "filter_mode" in kwargs:
                assert ast.literal_eval(kwargs["filter_mode"]) in ("prefix", "contains", None), where
            else:  # the default is fuzzy: only short fixed lists (no typing needed) may keep it
                assert "Medlemskommuner" not in ast.unparse(call), where
    assert seen >= 5


def test_every_table_shows_a_missing_value_as_a_dash():
    """st.dataframe and st.data_editor draw a missing cell as «None» (a rule of the knowledge base without a
    change, a collaboration without employees) unless `placeholder` says otherwise: every one passes «–»."""
    seen = 0
    for path in [*(REPO / "pages").glob("*.py"), REPO / "app.py"]:
        for name in ("dataframe", "data_editor"):
            for call in _calls(ast.parse(path.read_text()), name):
                seen += 1
                kwargs = {k.arg: ast.unparse(k.value) for k in call.keywords}
                assert kwargs.get("placeholder") == "fmt.MISSING", f"{path.name}:{call.lineno}"
    assert seen >= 20 and MISSING == "–"


def test_file_uploaders_leave_the_type_check_to_the_page():
    """The widget's own refusal is English («image/png files are not allowed»): pages pass type=None."""
    for path in (REPO / "pages").glob("*.py"):
        for call in _calls(ast.parse(path.read_text()), "file_uploader"):
            kwargs = {k.arg: k.value for k in call.keywords}
            assert "type" in kwargs and ast.literal_eval(kwargs["type"]) is None, f"{path.name}:{call.lineno}"


def test_every_plain_table_escapes_its_cells():
    """st.table renders each cell as Markdown: «10. Samarbeid» became an ordered list whose number was cut off at
    the cell's edge (a fresh tester). Every st.table gets its cells through markdown_cells."""
    seen = 0
    for path in [*(REPO / "pages").glob("*.py"), REPO / "app.py"]:
        for call in _calls(ast.parse(path.read_text()), "table"):
            if ast.unparse(call.func) != "st.table":  # fmt.table, a Styler for either kind of table
                continue
            seen += 1
            first = call.args[0]
            assert isinstance(first, ast.Call) and ast.unparse(first.func) == "markdown_cells", \
                f"{path.name}:{call.lineno}"
    assert seen >= 7
