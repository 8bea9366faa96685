"""Text from outside is text: the one escaping helper for Markdown and for plotly."""

import re

import plotly.graph_objects as go
import pytest

from ikt_model.ui.text import WORD_JOINER, markdown_escape, plotly_escape

HOSTILE = [
    "[Logg inn](https://evil.example/login)",
    "![](https://evil.example/pixel.png)",
    "<img src=https://evil.example/x.png>",
    "<a href='https://evil.example'>klikk</a>",
    "https://evil.example/autolink www.evil.example",
    "**fet** _kursiv_ `kode` ~~streket~~",
    "# Overskrift\n## to",
    "$x^2$ :material/home: :red[rød]",
    "[ref]: https://evil.example\n[ref]",
    "&lt;b&gt; &amp;",
]


def _unescaped(text: str) -> str:
    """What CommonMark shows for backslash escapes: drop the backslash before ASCII punctuation."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text).replace(WORD_JOINER, "")


@pytest.mark.parametrize("raw", HOSTILE)
def test_markdown_escape_leaves_no_markup_character_unescaped(raw):
    escaped = markdown_escape(raw)
    for special in "[]()<>!*_`~#$:&":
        # every occurrence of a special character is preceded by a backslash
        assert not re.search(rf"(?<!\\){re.escape(special)}", escaped), (special, escaped)
    assert "\n" not in escaped
    assert _unescaped(escaped) == raw.replace("\n", " ")


def test_markdown_escape_keeps_plain_norwegian_text():
    assert markdown_escape("Sunnmøre IKT 2026") == "Sunnmøre IKT 2026"
    assert markdown_escape("Våler (Innlandet)") == "Våler \\(Innlandet\\)"
    assert markdown_escape(42) == "42"


def test_markdown_escape_backslash_itself():
    assert markdown_escape("a\\[b") == "a\\\\\\[b"
    assert _unescaped(markdown_escape("a\\[b")) == "a\\[b"


def test_plotly_escape_makes_tags_entities_and_survives_a_figure():
    raw = "<a href='https://evil.example'>x</a><br><b>y</b>"
    escaped = plotly_escape(raw)
    assert "<" not in escaped and ">" not in escaped and "'" not in escaped
    fig = go.Figure(go.Bar(x=[1], y=[escaped], name=escaped))
    fig.update_layout(title=escaped)
    assert "<a" not in fig.to_json()
    assert plotly_escape("Herøy & Våler") == "Herøy &amp; Våler"


@pytest.mark.parametrize("raw", ["https://evil.example/login", "HTTP://evil.example", "www.evil.example",
                                 "post@evil.example", "Se WWW.evil.example/x"])
def test_markdown_escape_breaks_gfm_autolink_literals(raw):
    """GFM links bare URLs and e-mail addresses after escapes are resolved: the trigger is broken."""
    shown = re.sub(r"\\(.)", r"\1", markdown_escape(raw))  # the text node the autolinker sees
    assert not re.search(r"(?i)https?://|www\.|[\w.+-]@[\w-]", shown), shown
    assert shown.replace(WORD_JOINER, "") == raw


def test_markdown_cells_escapes_text_and_keeps_numbers_and_formats():
    import pandas as pd

    from ikt_model import format as fmt
    from ikt_model.ui.text import markdown_cells

    rows = [{"Faktor": "10. Samarbeid", "Vekt": 0.125, "Merknad": None}, {"Faktor": "*fet*", "Vekt": 1, "Merknad": "x"}]
    frame = markdown_cells(rows)
    assert list(frame["Faktor"]) == [r"10\. Samarbeid", r"\*fet\*"] and list(frame["Vekt"]) == [0.125, 1]
    assert pd.isna(frame["Merknad"].iloc[0])  # a missing value stays missing (shown as «–» by fmt.table)
    styler = markdown_cells(fmt.table(pd.DataFrame(rows), decimals=2))
    html = styler.to_html()
    assert r"10\. Samarbeid" in html and "0,12" in html and fmt.MISSING in html  # the formats are kept


def test_number_columns_are_those_of_numbers_as_the_app_writes_them():
    import pandas as pd

    from ikt_model.ui.text import number_columns

    frame = pd.DataFrame({"Alternativ": ["KS-modellen + IKS", "Hybridmodell + AS"], "Sum": ["+0,63", "\u22120,23"],
                          "Andel": ["51,07\u00a0%", "\u2013"], "Kroner": ["6\u00a0128\u00a0807\u00a0kr", "12\u00a0kr"],
                          "Rang": ["1", "3 (delt)"], "Tom": ["\u2013", "\u2013"], "Tall": [1.5, 2.0],
                          "Dagens": [True, False], "Periode": ["8,3\u00a0% \u2013 31,2\u00a0%", "1\u00a0%"]})
    assert number_columns(frame) == ["Sum", "Andel", "Kroner", "Tall"]


def test_markdown_cells_right_aligns_the_number_columns_and_their_headings():
    """Numbers stood left-aligned under left-aligned headings in every plain table but one: their digits now
    stand under each other, with the heading over them (st.table writes «text-align: left» into each cell and
    «inherit» into each heading, so the rules are important)."""
    from ikt_model.ui.text import markdown_cells

    styler = markdown_cells([{"Faktor": "10. Samarbeid", "Vekt": "12,5\u00a0%", "Sum": "+0,63"}])
    html = styler.to_html()
    css = html[html.index("<style"):html.index("</style>")]
    assert "th.col_heading.col1" in css and "th.col_heading.col2" in css and "col0" not in css
    assert "td.col1" in css and "td.col2" in css  # one rule per column, not one per cell
    assert html.count("text-align: right !important") == 4
    assert r"10\. Samarbeid" in html
    frame = markdown_cells([{"Faktor": "a", "Vekt": 0.125}])  # numbers still numbers: st.table writes them itself
    assert list(frame["Vekt"]) == [0.125]
