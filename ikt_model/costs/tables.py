"""Tables for «Kostnadsfordeling» and the memo: display rows and the fixed-percentage editor."""

from __future__ import annotations

from fractions import Fraction

from .. import format as fmt
from .split import CostSplit, largest_remainder
from ..municipalities import municipalities_2015


def cost_table(split: CostSplit) -> list[dict]:
    """Rows for a table: Norwegian column names, numbers kept numeric (pages format them)."""
    return [{"Kommunenummer": m.kommunenummer, "Kommune (2015)": m.navn,
             "Kommune i 2024": f"{m.kommunenummer_2024} {m.navn_2024}", "Folketall": m.folketall,
             "Andel (%)": round(m.prosent, 2), "Andel (kr)": m.andel_kr, "Kr per innbygger": m.kr_per_innbygger}
            for m in split.members]


SESSION_KEY = "cost_split"  # the last valid CostSplit on «Kostnadsfordeling», for the memo


def default_percentages(members: list[str]) -> dict[str, float]:
    """An equal split in hundredths of a percent that sums to exactly 100 (largest remainder)."""
    if not members:
        return {}
    hundredths = largest_remainder(10_000, [Fraction(10_000, len(members))] * len(members))
    return {m: h / 100 for m, h in zip(members, hundredths)}


def percentage_frame(members: list[str], current: dict[str, float] | None = None):
    """A DataFrame for the fixed-percentage editor: Kommunenummer, Kommune, Prosent (kept where known)."""
    import pandas as pd

    munis = municipalities_2015()
    defaults = default_percentages(members)
    current = current or {}
    if set(current) != set(members):
        current = defaults
    return pd.DataFrame({"Kommunenummer": members, "Kommune": [munis[m].navn for m in members],
                         "Prosent": [float(current.get(m, defaults[m])) for m in members]})


def percentages_from_frame(frame) -> dict[str, float]:
    """The editor's rows back to {kommunenummer: percent}; blank cells count as 0."""
    out: dict[str, float] = {}
    for number, value in zip(frame["Kommunenummer"], frame["Prosent"]):
        out[str(number)] = 0.0 if value is None or value != value else float(value)
    return out


def cost_display_rows(split: CostSplit) -> list[dict]:
    """The table as Norwegian-formatted text (1 234 567 kr), with a sum row last."""
    rows = [{"Kommune (2015)": f"{m.navn} ({m.kommunenummer})",
             "Kommune i 2024": f"{m.navn_2024} ({m.kommunenummer_2024})",
             "Folketall": fmt.number(m.folketall), "Andel": fmt.percent(m.prosent / 100, 2),
             "Andel (kr)": fmt.kroner(m.andel_kr), "Kr per innbygger": fmt.kroner(m.kr_per_innbygger, 2)}
            for m in split.members]
    rows.append({"Kommune (2015)": "Sum", "Kommune i 2024": "", "Folketall": fmt.number(split.folketall),
                 "Andel": fmt.percent(1, 2), "Andel (kr)": fmt.kroner(sum(m.andel_kr for m in split.members)),
                 "Kr per innbygger": fmt.kroner(split.budget / split.folketall, 2)})
    return rows
