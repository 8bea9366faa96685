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


def markdown_cells(table):
    """A table for st.table, which renders every cell as Markdown: each text cell through `markdown_escape`, so
    «10. Samarbeid» is not an ordered list whose number is cut off at the cell's edge, and text from outside stays
    text. `table`: a pandas DataFrame or a list of row dicts (a DataFrame is returned), or a pandas Styler (its
    data escaped, its formats kept; the same Styler is returned). Numbers and missing values are left as they
    are."""
    import pandas as pd
    from pandas.io.formats.style import Styler

    if isinstance(table, Styler):
        table.data = markdown_cells(table.data)
        return table
    frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
    return frame.map(lambda value: markdown_escape(value) if isinstance(value, str) else value)
