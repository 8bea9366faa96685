"""Cost-sharing key (fordelingsnøkkel, report section 2.8): split an annual budget between members.

Two keys, as the report describes them:
  * equal share + population share: a fraction `equal_share` of the budget is split equally,
    the rest in proportion to population (SSB, 1 January of `population_year`: 2026 by default; 2025, 2024,
    or 2015 for reading the report);
  * fixed percentages per member, which must sum to 100.
Members are today's municipalities (the input and its validation: ikt_model.costs.inputs), so the key never
splits a budget between parts of one municipality.
Arithmetic is exact (fractions), and shares are rounded to whole kroner with the largest-remainder
method, so the members' shares always sum to the budget to the krone.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel

from .. import format as fmt
from ..municipalities import DEFAULT_POPULATION_YEAR, member_label, municipalities_today, population, population_label
from ..ties import leaders
from .inputs import CostInput, Method


class MemberShare(BaseModel, frozen=True):
    """One member's share. kommunenummer/navn: today's municipality (navn with county for Herøy, Våler);
    folketall: population on 1 January of the split's `population_year`; prosent: 0–100; andel_kr: whole
    kroner; kr_per_innbygger: rounded to øre."""
    kommunenummer: str
    navn: str
    folketall: int
    prosent: float
    andel_kr: int
    kr_per_innbygger: float

    @property
    def label(self) -> str:
        """«Ålesund (1508)», «Herøy (Nordland, 1818)»."""
        return member_label(self.kommunenummer)


class CostSplit(BaseModel, frozen=True):
    """The result: budget in kroner, the key used, the population date, the members' shares (input order) and
    the notices from resolving the members (old numbers mapped, members merged)."""
    budget: int
    method: Method
    equal_share: float | None
    members: tuple[MemberShare, ...]
    population_year: int = DEFAULT_POPULATION_YEAR
    notices: tuple[str, ...] = ()

    @property
    def population_label(self) -> str:
        """«folketall 1.1.2026, SSB»."""
        return population_label(self.population_year)

    @property
    def folketall(self) -> int:
        """Population of all members together on 1 January of `population_year`."""
        return sum(m.folketall for m in self.members)

    @property
    def by_share(self) -> tuple[MemberShare, ...]:
        """The members as a reader sees them in the table, the chart and the memo: the largest share first
        (by the exact share, so a krone of rounding does not reorder them), equal shares in input order."""
        return tuple(sorted(self.members, key=lambda m: -m.prosent))

    @property
    def method_text(self) -> str:
        """The key in Norwegian, e.g. «30 % likt fordelt, 70 % etter folketall (folketall 1.1.2026, SSB)»."""
        if self.method == "faste_prosenter":
            return "Faste prosenter per kommune"
        return (f"{fmt.percent(self.equal_share)} likt fordelt, "
                f"{fmt.percent(1 - self.equal_share)} etter folketall ({self.population_label})")

    def to_json_dict(self) -> dict:
        """The CLI's output: {"budget", "method", "equal_share", "folketall_dato": "2026-01-01", "merknader":
        [notices], "members": [{kommunenummer, navn, folketall, andel_kr, kr_per_innbygger}]} (today's
        municipalities)."""
        return {"budget": self.budget, "method": self.method, "equal_share": self.equal_share,
                "folketall_dato": f"{self.population_year}-01-01", "merknader": list(self.notices),
                "members": [{"kommunenummer": m.kommunenummer, "navn": m.navn, "folketall": m.folketall,
                             "andel_kr": m.andel_kr, "kr_per_innbygger": m.kr_per_innbygger}
                            for m in self.members]}


def largest_payer_text(split: CostSplit) -> str:
    """«betaler Våler mest, 1 234 kr (12,34 kr per innbygger)», or, when shares tie, «betaler A og B mest,
    … hver» / «betaler alle de 3 kommunene like mye, … hver». Ties are judged on the exact shares
    (before rounding to whole kroner), so a krone of rounding is not a winner."""
    top = leaders(split.members, key=lambda m: m.prosent)
    amount = fmt.kroner(top.first.andel_kr)
    if len(split.members) == 1:
        return f"betaler {top.first.navn} hele beløpet, {amount}"
    if top.everyone:
        spread = {m.andel_kr for m in split.members}
        each = amount if len(spread) == 1 else f"{fmt.kroner(min(spread))}–{fmt.kroner(max(spread))} (avrundet)"
        return f"betaler alle de {len(split.members)} kommunene like mye, {each} hver"
    per = fmt.kroner(top.first.kr_per_innbygger, 2)
    if top.tied:
        return f"betaler {top.names(lambda m: m.navn)} like mye og mest, {amount} hver"
    return f"betaler {top.first.navn} mest, {amount} ({per} per innbygger)"


def largest_remainder(total: int, ideal: list[Fraction]) -> list[int]:
    """Round exact shares to integers that sum to `total`: floor each, then give the leftover units
    to the largest remainders (ties: earlier position first)."""
    floors = [math.floor(x) for x in ideal]
    left = total - sum(floors)
    order = sorted(range(len(ideal)), key=lambda i: (-(ideal[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def _exact(value: float | Decimal) -> Fraction:
    return Fraction(Decimal(str(value)))


def split_costs(data: CostInput) -> CostSplit:
    """Each member's share in whole kroner (sums exactly to the budget) and per inhabitant, on the population
    of 1 January `data.population_year` (SSB)."""
    today = municipalities_today()
    members = list(data.members)
    pops = [population(m, data.population_year) for m in members]
    if data.percentages is not None:
        pct = [_exact(data.percentages[m]) for m in members]
        total_pct = sum(pct)
        fractions = [p / total_pct for p in pct]
    else:
        equal = _exact(data.equal_share)
        pop_total = sum(pops)
        fractions = [equal / len(members) + (1 - equal) * Fraction(p, pop_total) for p in pops]
    shares = largest_remainder(data.budget_kr, [f * data.budget_kr for f in fractions])
    rows = []
    for m, pop, frac, kr in zip(members, pops, fractions, shares, strict=False):
        rows.append(MemberShare(kommunenummer=m, navn=today[m].visningsnavn, folketall=pop,
                                prosent=float(frac * 100), andel_kr=kr, kr_per_innbygger=round(kr / pop, 2)))
    return CostSplit(budget=data.budget_kr, method=data.method,
                     equal_share=None if data.percentages is not None else data.equal_share, members=tuple(rows),
                     population_year=data.population_year, notices=data.notices)
