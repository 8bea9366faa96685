"""Text from outside is text: one place that makes a user's, a file's, a share link's or the store's
string safe for the element that shows it.

Streamlit renders Markdown (and a subset of HTML) in st.markdown, st.caption, st.info/…, st.toast,
headers, widget labels and tab/expander labels; plotly renders a subset of HTML (<a href>, <b>, <br>,
<span style>) in titles, legends, axis labels and hover text. A string that comes from outside
must therefore be passed through

* `markdown_escape` before it is put into any Markdown-rendering element, and
* `plotly_escape` before it is put into a figure,

or be shown with an element that never interprets its text (st.text, st.code, st.dataframe cells,
widget values, selectbox options). st.table renders each cell as Markdown: a table for it goes through
`markdown_cells`. Nothing from outside may become a link, an image or markup.
The memo (HTML) escapes with `html.escape`, and the Word memo writes text runs.
"""

from __future__ import annotations

import re
from html import escape as _html_escape

# Every ASCII punctuation character that CommonMark, GitHub-flavoured Markdown, Streamlit's
# extensions (:material/icon:, :red[colour], $LaTeX$) or raw HTML give a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'@%^])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# GitHub-flavoured Markdown also turns bare «https://…», «www.…» and «name@host.tld» into links, and it
# does so AFTER backslash escapes are resolved, so escaping cannot stop it. An invisible WORD JOINER
# (U+2060) inside the trigger («https:⁠//», «www⁠.», «name⁠@host») keeps the text as it reads.
WORD_JOINER = "\u2060"
_AUTOLINK_TRIGGERS = (
    (re.compile(r"(\\:)(//)"), rf"\1{WORD_JOINER}\2"),
    (re.compile(r"(?i)(www)(\\\.)"), rf"\1{WORD_JOINER}\2"),
    (re.compile(r"(\\@)"), rf"{WORD_JOINER}\1"),
)


def markdown_escape(text: object) -> str:
    """`text` (any value; str() is taken) for a Markdown-rendering Streamlit element: every Markdown,
    HTML, LaTeX and Streamlit directive character is backslash-escaped and line breaks become spaces,
    so the reader sees exactly the characters typed and nothing is a link, an image, a heading or
    formatting; bare web and e-mail addresses get an invisible word joiner so they are not auto-linked.
    Idempotence is not promised: escape once, right where the string is shown."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(text)))
    for pattern, replacement in _AUTOLINK_TRIGGERS:
        escaped = pattern.sub(replacement, escaped)
    return escaped


def plotly_escape(text: object) -> str:
    """`text` for a plotly title, legend entry, axis/category label or hover text: HTML-escaped
    (plotly turns <a>, <b>, <br> and <span> into markup; it decodes entities back to characters)."""
    return _html_escape(str(text), quote=True)


# A cell that is a number as the app writes it (format.py): «59 663», «+0,63», «−0,23», «51,07 %», «102,72 kr»,
# «12 år», or the missing «–»
_NUMBER_TEXT = re.compile(r"^[+\u2212-]?\d{1,3}(?:[\u00a0 ]\d{3})*(?:,\d+)?(?:[\u00a0 ](?:%|kr|år|mill\.))?$|^\u2013$")


def number_columns(frame) -> list:
    """The columns of `frame` (a pandas DataFrame) that hold numbers: a number dtype (not bool), or text that is
    every cell a number as the app writes it («1 234,5 kr», «+0,63», «–» for a missing one; at least one
    number). These are right-aligned in a table, so the digits stand under each other."""
    import pandas as pd

    def numeric(column) -> bool:
        series = frame[column]
        if pd.api.types.is_bool_dtype(series):
            return False
        if pd.api.types.is_numeric_dtype(series):
            return True
        values = [v for v in series if isinstance(v, str) or not pd.isna(v)]
        return (bool(values) and all(isinstance(v, str) and _NUMBER_TEXT.match(v) for v in values)
                and any(v != "\u2013" for v in values))

    return [c for c in frame.columns if numeric(c)]


def _right_aligned(styler, columns: list):
    """`styler` with `columns` right-aligned, their headings too: st.table writes each cell's alignment into
    the cell (left for text) and «inherit» into the heading, so the rules must be important. Both are reached by
    their column's place (pandas' classes: th.col_heading.colN, td.colN), one rule per column: a rule per cell
    (`Styler.set_properties`) is a pandas call per cell on every weight change (issue 14)."""
    if not columns:
        return styler
    places = [list(styler.data.columns).index(c) for c in columns]
    return styler.set_table_styles(
        [{"selector": f"{cell}.col{i}", "props": "text-align: right !important;"}
         for i in places for cell in ("th.col_heading", "td")], overwrite=False)


def markdown_cells(table):
    """A table for st.table, which renders every cell as Markdown: each text cell through `markdown_escape`, so
    «10. Samarbeid» is not an ordered list whose number is cut off at the cell's edge, and text from outside stays
    text. Columns of numbers (`number_columns`) are right-aligned, headings included.

    `table`: a pandas DataFrame or a list of row dicts, or a pandas Styler (its data escaped, its formats kept).
    Returns a Styler; for a DataFrame whose numbers are still numbers (not yet written as text), the escaped
    DataFrame (st.table writes those numbers itself). Numbers and missing values are left as they are."""
    import pandas as pd
    from pandas.io.formats.style import Styler

    if isinstance(table, Styler):
        columns = number_columns(table.data)
        table.data = _escaped(table.data)
        return _right_aligned(table, columns)
    frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
    columns = number_columns(frame)
    escaped = _escaped(frame)
    if any(pd.api.types.is_numeric_dtype(frame[c]) for c in columns):
        return escaped
    return _right_aligned(escaped.style, columns)


def _escaped(frame):
    # the text columns rebuilt in plain Python, the others kept: DataFrame.map runs pandas' machinery per cell
    import pandas as pd

    if not frame.columns.is_unique:
        return frame.map(lambda value: markdown_escape(value) if isinstance(value, str) else value)
    return pd.DataFrame({name: [markdown_escape(v) if isinstance(v, str) else v for v in values]
                         if not pd.api.types.is_numeric_dtype(values) else values
                         for name, values in frame.items()}, index=frame.index)
