"""Tables for «Kostnadsfordeling» and the memo: display rows and the fixed-percentage editor."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .. import format as fmt
from ..municipalities import municipalities_today
from ..numbers import NumberInputError, parse_number
from .inputs import PERCENT_TOLERANCE
from .split import CostSplit, largest_remainder, member_label


def population_column(split: CostSplit) -> str:
    """«Folketall 1.1.2026»: the population column names its date."""
    return f"Folketall 1.1.{split.population_year}"


def cost_table(split: CostSplit) -> list[dict]:
    """Rows for a table (exports): Norwegian column names, numbers kept numeric (pages format them); the
    municipality with its county where the name occurs twice («Herøy (Nordland)»); the largest share first,
    as on the page (CostSplit.by_share)."""
    return [{"Kommunenummer": m.kommunenummer, "Kommune": m.navn, population_column(split): m.folketall,
             "Andel (%)": round(m.prosent, 2), "Andel (kr)": m.andel_kr, "Kr per innbygger": m.kr_per_innbygger}
            for m in split.by_share]


SESSION_KEY = "cost_split"  # the last valid CostSplit on «Kostnadsfordeling», for the memo


def default_percentages(members: list[str]) -> dict[str, float]:
    """An equal split in hundredths of a percent that sums to exactly 100 (largest remainder)."""
    if not members:
        return {}
    hundredths = largest_remainder(10_000, [Fraction(10_000, len(members))] * len(members))
    return {m: h / 100 for m, h in zip(members, hundredths, strict=False)}


def equal_split_texts(members: list[str]) -> dict[str, str]:
    """An equal split as the editor shows it: {kommunenummer: «33,34»} (two decimals, Norwegian format)."""
    return {m: fmt.number(p, 2) for m, p in default_percentages(members).items()}


def percentage_texts(members: list[str], current: dict[str, str] | None = None) -> dict[str, str]:
    """The editor's percentages for `members` (in their order) as the text a person sees and types («33,34»).

    `current` is what the editor held for the members before ({kommunenummer: typed text}). With nothing
    held, or with the equal split the editor started from (nothing typed), the members get an equal split
    («33,34», «33,33», «33,33»). Otherwise what was typed is kept for every member who stays, as typed (a
    text the key refuses too), a member who left takes its text with it, and a new member starts blank:
    the key refuses a blank as missing and the sum (`percentage_sum_note`) says what is left to share.
    Typed percentages are never replaced by an equal split because the member list changed."""
    current = current or {}
    if set(current) == set(members):
        return {m: current[m] for m in members}
    if not current or current == equal_split_texts(list(current)):
        return equal_split_texts(members)
    return {m: current.get(m, "") for m in members}


def percentage_frame(members: list[str], current: dict[str, str] | None = None):
    """A DataFrame for the fixed-percentage editor: Kommunenummer, Kommune, Prosent as TEXT, indexed by
    kommunenummer.

    Text, not a number column: a browser's number input reads «60,5» with the browser's locale (an
    en-US browser makes it 605) and shows «60.50 %»; as text the cell shows and keeps what the person
    typed, and `ikt_model.numbers` reads it the Norwegian way (or refuses it with an example).
    The index (hidden on the page) is the members' numbers: Streamlit names a keyed editor with fixed
    rows by the frame's columns, row count and index values, so another member list is another editor,
    and edits made for one member's row are never carried over to whoever takes that row next."""
    import pandas as pd

    today = municipalities_today()
    texts = percentage_texts(members, current)
    return pd.DataFrame({"Kommunenummer": members, "Kommune": [today[m].visningsnavn for m in members],
                         "Prosent": [texts[m] for m in members]}, index=pd.Index(members, name="nr"))


def percentages_from_frame(frame) -> dict[str, str]:
    """The editor's rows back to {kommunenummer: typed text}; a blank cell is «» (the key refuses it as missing,
    naming the member: a value deleted is not read as 0 without a word)."""
    import pandas as pd

    out: dict[str, str] = {}
    for number, value in zip(frame["Kommunenummer"], frame["Prosent"], strict=False):
        blank = value is None or bool(pd.isna(value)) or not str(value).strip()  # None, NaN and pandas' NA
        out[str(number)] = "" if blank else str(value)
    return out


def _read(text: str) -> Decimal | None:
    """A typed percentage as the key reads it, or None when the key refuses it: unreadable, or negative («−0»
    too, as inputs.CostInput refuses it)."""
    try:
        value = parse_number(text, allow_percent=True, allow_multiplier=False)
    except NumberInputError:
        return None
    return None if value.is_signed() else value


def _refused(texts: dict[str, str]) -> list[str]:
    """The members whose typed (non-blank) percentage the key refuses, in the editor's order."""
    return [m for m, t in texts.items() if t.strip() and _read(t) is None]


def _exact_sum(texts: dict[str, str]) -> Decimal | None:
    values = [_read(t) for t in texts.values()]
    return None if None in values else sum(values, Decimal(0))


def percentage_sum(texts: dict[str, str]) -> float | None:
    """The sum of the typed percentages, or None while any of them is refused (unreadable or negative)."""
    total = _exact_sum(texts)
    return None if total is None else float(total)


def percentage_sum_note(texts: dict[str, str]) -> str | None:
    """One Norwegian sentence under the editor about the sum of the typed percentages ({kommunenummer: text}).

    «Sum: 100,00 %» when they add up to 100 (within PERCENT_TOLERANCE, as the key checks); else how far off
    they are: «Prosentene summerer til 80,00 %; de må bli 100 % (20,00 % mangler).» A member with a blank
    text (a new member starts blank) is named: «Prosentene summerer til 100,00 % uten Sande (1514), som ikke
    har fått noen prosent ennå; alle til sammen må bli 100 %.» None while a typed text cannot be read (the
    key's error says why) or every text is blank. A refused value (unreadable or negative) is never summed: «Summen
    kan ikke regnes ut før prosenten for Vanylven (1511) er rettet.»"""
    if refused := _refused(texts):
        return f"Summen kan ikke regnes ut før prosenten for {', '.join(map(member_label, refused))} er rettet."
    blank = [m for m, t in texts.items() if not t.strip()]
    exact = _exact_sum({m: t for m, t in texts.items() if t.strip()})
    if exact is None or len(blank) == len(texts):
        return None
    total, off = float(exact), float(exact - 100)
    if abs(exact - 100) <= PERCENT_TOLERANCE:  # exactly as the key checks («99,99» is accepted there)
        if not blank:
            return f"Sum: {fmt.percent(total / 100, 2)}"
        gap = ""
    else:
        gap = f" ({fmt.percent(abs(off) / 100, 2)} {'for mye' if off > 0 else 'gjenstår' if blank else 'mangler'})"
    if blank:
        return (f"Prosentene summerer til {fmt.percent(total / 100, 2)} uten {', '.join(map(member_label, blank))}, "
                f"som ikke har fått noen prosent ennå; alle til sammen må bli 100{fmt.NBSP}%{gap}.")
    return f"Prosentene summerer til {fmt.percent(total / 100, 2)}; de må bli 100{fmt.NBSP}%{gap}."


def cost_display_rows(split: CostSplit) -> list[dict]:
    """The table as Norwegian-formatted text (1 234 567): the largest share first, as in the chart
    (CostSplit.by_share), and a sum row last; the population column names its date («Folketall 1.1.2026»).
    For st.table through ui.text.markdown_cells, which right-aligns the number columns (a plain table, drawn
    with the page when the key changes: a data grid laid its cells out again after the page had settled,
    issue 14). The two kroner columns say «kr» in their heading, not in every cell: on a 390 px phone the
    cells' «kr» made the table wider than the screen (tests/e2e/test_robustness.py, phone tables)."""
    pop = population_column(split)
    rows = [{"Kommune": m.label, pop: fmt.number(m.folketall), "Andel": fmt.percent(m.prosent / 100, 2),
             "Andel (kr)": fmt.number(m.andel_kr), "Kr per innbygger": fmt.number(m.kr_per_innbygger, 2)}
            for m in split.by_share]
    rows.append({"Kommune": "Sum", pop: fmt.number(split.folketall),
                 "Andel": fmt.percent(1, 2), "Andel (kr)": fmt.number(sum(m.andel_kr for m in split.members)),
                 "Kr per innbygger": fmt.number(split.budget / split.folketall, 2)})
    return rows
