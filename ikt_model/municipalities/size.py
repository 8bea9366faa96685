"""The size spread of a collaboration's members: «store størrelsesforskjeller» (report 3.2) from population."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from .. import format as fmt
from .labels import member_label
from .reference import DEFAULT_POPULATION_YEAR, population, population_label

#: 3.2: «Enkelte kommuner mener det kan være utfordringer med kommuner av ulik størrelse». The report gives
#: no number; this project calls sizes «store størrelsesforskjeller» when the largest member has at least ten
#: times the population of the smallest (one order of magnitude).
SIZE_RATIO_THRESHOLD = 10


class SizeDifference(BaseModel, frozen=True):
    """The size spread of a member list: largest/smallest member by population on 1 January `year`.

    `large` is True when `ratio` >= SIZE_RATIO_THRESHOLD; `text` explains it in Norwegian with the threshold
    and the source (3.2)."""
    year: int
    largest: str
    smallest: str
    ratio: float
    large: bool
    text: str


def size_difference(members: Iterable[str], year: int = DEFAULT_POPULATION_YEAR) -> SizeDifference | None:
    """The size spread of today's municipalities `members` (numbers) on 1 January `year` (see `population`);
    None for fewer than two members. Raises KeyError for a number that is not today's."""
    numbers = list(dict.fromkeys(members))
    if len(numbers) < 2:
        return None
    pops = {n: population(n, year) for n in numbers}
    largest = max(numbers, key=lambda n: (pops[n], n))
    smallest = min(numbers, key=lambda n: (pops[n], n))
    ratio = pops[largest] / pops[smallest]
    large = ratio >= SIZE_RATIO_THRESHOLD
    text = (f"{'Store' if large else 'Ikke store'} størrelsesforskjeller: den største kommunen, "
            f"{member_label(largest)}, har {fmt.number(ratio, 1)} ganger så mange innbyggere som den minste, "
            f"{member_label(smallest)}: {fmt.number(pops[largest])} mot {fmt.number(pops[smallest])} innbyggere "
            f"({population_label(year)}). Terskelen er {SIZE_RATIO_THRESHOLD} ganger – rapporten (3.2) sier at "
            "«enkelte kommuner mener det kan være utfordringer med kommuner av ulik størrelse», men gir ingen "
            "grense; ti ganger (én størrelsesorden) er prosjektets valg.")
    return SizeDifference(year=year, largest=largest, smallest=smallest, ratio=ratio, large=large, text=text)

