"""Norwegian number formatting for the UI: 1 234 567, 12,5 %, 1 234 567 kr."""

from __future__ import annotations

from decimal import Decimal

NBSP = "\u00a0"  # keeps "1 234" on one line
MISSING = "–"  # a value that is not there, in a table cell or a text (never «None» or «nan»); every
# st.dataframe / st.data_editor passes it as `placeholder` (the grid draws a missing cell as «None» otherwise)


def number(value: float | int | Decimal, decimals: int = 0) -> str:
    """1234567.891 -> '1 234 568' (decimals=0) or '1 234 567,89' (decimals=2); minus as '−'. A whole number
    (int) or a Decimal is written exactly, every digit as given (an int through float read
    99 999 999 999 999 999 999 999 as «99 999 999 999 999 991 611 392»)."""
    exact = Decimal(value) if isinstance(value, int) else value
    text = f"{abs(exact):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return ("−" if value < 0 and float(text.replace(NBSP, "").replace(",", ".")) != 0 else "") + text


def signed(value: float, decimals: int = 2) -> str:
    """+0,89 / −0,23: scores with an explicit sign."""
    text = number(value, decimals)
    return text if text.startswith("−") or float(text.replace(NBSP, "").replace(",", ".")) == 0 else "+" + text


def points(value: float) -> str:
    """A factor's points on the assessment scale, with its sign and as exact as they are: «+2», «−1,5», «0»
    (a half point keeps its decimal: rounded to whole points, +0,5 read as 0 and −2,5 as −2)."""
    return signed(value, 0 if float(value).is_integer() else 1)


def percent(fraction: float, decimals: int = 0, *, trim: bool = False) -> str:
    """0.2586 -> '26 %'; with `trim`, decimals that are zero are left out, as a percentage slider shows its
    value (decimals=1: 0.265 -> '26,5 %', 0.27 -> '27 %', 0 -> '0 %')."""
    text = number(fraction * 100, decimals)
    if trim and "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}{NBSP}%"


def kroner(value: float, decimals: int = 0) -> str:
    """1234567 -> '1 234 567 kr'."""
    return f"{number(value, decimals)}{NBSP}kr"


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: «Kommunalt oppgavefellesskap (KO)» -> «kommunalt oppgavefellesskap (KO)».

    Acronym-led labels keep their case («KS-modellen», «IKS»): only a capital followed by a lower-case
    letter is lowered.
    """
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def plural(count: int, singular: str, plural_form: str) -> str:
    """«1 kommune», «3 kommuner», «1 egen vurdering», «2 egne vurderinger»: the count in Norwegian
    format with the word form that fits it (Norwegian uses the singular only for exactly one)."""
    return f"{number(count)} {singular if count == 1 else plural_form}"


def _text_cell(value) -> str:
    """A non-numeric table cell as text: «–» for missing, lists (arrays) joined with «, »."""
    import pandas as pd

    if value is None:
        return MISSING
    if hasattr(value, "__len__") and not isinstance(value, str):
        return ", ".join(str(v) for v in value)
    return MISSING if pd.isna(value) else str(value)


def table(frame, decimals: int | dict[str, int] = 2, signed_columns: tuple[str, ...] = (),
          plain_columns: tuple[str, ...] = (), points_columns: tuple[str, ...] = (),
          percent_columns: tuple[str, ...] = ()):
    """A pandas Styler that shows a table the Norwegian way and keeps the numbers numbers (sorting stays
    numeric in st.dataframe): decimal comma, non-breaking space between thousands, real minus sign,
    «–» for a missing value (never «None»/«nan»).

    `frame`: a DataFrame. `decimals`: decimals for every float column, or per column name (int columns
    get 0). `signed_columns`: columns shown with an explicit sign (+0,89 / −0,23). `plain_columns`: whole
    numbers shown without grouping (years: 2009, not 2 009), as text. `points_columns`: scores on the
    assessment scale, as `points` shows them («+2», «−1», «0»). `percent_columns`: fractions shown as
    percentages with `decimals` places (0.26 -> «26 %»). Returns a Styler; points and percentages stay numbers
    (a column sorted in st.dataframe sorts «−2» before «+1», «9 %» before «10 %»).

    A missing value in a number column is «–» in the display text; st.dataframe's grid draws a missing number
    with its own placeholder whatever the display text says: pass `placeholder=MISSING` to it.
    """
    import pandas as pd

    # Years are labels, not quantities: written as text (2009, «–»; sorted right as text, being four digits).
    # Exact decimals (DuckDB's DECIMAL, e.g. «select 1234.5» on «SQL») come as Python Decimals in an object
    # column: shown as numbers (1 234,5), not as their English text («1234.5»)
    exact = [c for c in frame.columns if frame[c].dtype == object and frame[c].notna().any()
             and frame[c].dropna().map(lambda v: isinstance(v, Decimal)).all()]
    if exact:
        frame = frame.assign(**{c: frame[c].map(lambda v: None if pd.isna(v) else float(v)).astype(float)
                                for c in exact})
    plain = [c for c in plain_columns if c in frame.columns]
    if plain:
        frame = frame.assign(**{c: frame[c].map(lambda v: MISSING if pd.isna(v) else str(int(v))) for c in plain})
    formatters = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_numeric_dtype(series) and column in points_columns:
            formatters[column] = lambda v: MISSING if pd.isna(v) else points(float(v))
        elif pd.api.types.is_numeric_dtype(series) and column in percent_columns:
            places = decimals.get(column, 0) if isinstance(decimals, dict) else decimals
            formatters[column] = lambda v, places=places: MISSING if pd.isna(v) else percent(float(v), places)
        elif pd.api.types.is_numeric_dtype(series):
            whole = pd.api.types.is_integer_dtype(series) or bool(
                series.dropna().apply(lambda v: float(v).is_integer()).all())  # counts with a gap stay counts
            places = 0 if whole and not isinstance(decimals, dict) else (
                decimals.get(column, 0 if whole else 2) if isinstance(decimals, dict) else decimals)
            fn = signed if column in signed_columns else number
            formatters[column] = (lambda v, fn=fn, places=places: MISSING if pd.isna(v) else fn(float(v), places))
        else:
            formatters[column] = _text_cell
    return frame.style.format(formatters)
