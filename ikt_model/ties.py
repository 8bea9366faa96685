"""Naming a maximum honestly: «most / best / first» with ties said out loud.

A sentence such as «Våler betaler mest» is wrong when everyone pays the same, and «X er best» is
misleading when X shares first place. `leaders` finds every item at the maximum (within a tolerance,
so rounding noise is not a winner), and `join_names` / `Leaders.phrase` put them into Norwegian.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
TOL = 1e-9


def join_names(names: Iterable[str]) -> str:
    """['A'] -> 'A'; ['A', 'B'] -> 'A og B'; ['A', 'B', 'C'] -> 'A, B og C' (no Oxford comma in Norwegian)."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


MANY_LEADERS = 3  # more alternatives than this sharing first place are counted, not named


def leaders_counted(count: int, total: int) -> str | None:
    """More than MANY_LEADERS sharing first place, counted the Norwegian way: «alle 12 alternativene» when all
    `total` share it, else «9 alternativer»; None for up to MANY_LEADERS (those are named: join_names).
    With every weight but one at 0 all twelve can tie, and twelve names read as one run (a fresh tester)."""
    if count <= MANY_LEADERS:
        return None
    return f"alle {count} alternativene" if count == total else f"{count} alternativer"


@dataclass(frozen=True)
class Leaders(Generic[T]):
    """The items sharing the maximum, in input order, and how many items were compared."""

    items: tuple[T, ...]
    total: int

    @property
    def first(self) -> T:
        """The first of the items sharing the maximum (input order)."""
        return self.items[0]

    @property
    def tied(self) -> bool:
        """More than one item shares the maximum."""
        return len(self.items) > 1

    @property
    def everyone(self) -> bool:
        """Every item (at least two) shares the maximum: there is no «most» at all."""
        return self.total > 1 and len(self.items) == self.total

    def names(self, label: Callable[[T], str] = str) -> str:
        """The tied items' labels joined in Norwegian: «A, B og C»."""
        return join_names(label(i) for i in self.items)

    def phrase(self, label: Callable[[T], str] = str, everyone: str = "alle {n} like") -> str:
        """'X' alone; 'X og Y (delt førsteplass)'; `everyone` (with {n} = how many) when all items tie."""
        if self.everyone:
            return everyone.format(n=self.total)
        if self.tied:
            return f"{self.names(label)} (delt førsteplass)"
        return label(self.first)


def leaders(items: Sequence[T], key: Callable[[T], float], tol: float = TOL) -> Leaders[T]:
    """Every item whose key is within `tol` (absolute, scaled by the maximum's size when above 1) of
    the maximum, in input order. Raises ValueError for no items."""
    if not items:
        raise ValueError("no items to compare")
    values = [float(key(i)) for i in items]
    top = max(values)
    margin = tol * max(1.0, abs(top))
    return Leaders(items=tuple(i for i, v in zip(items, values, strict=False) if v >= top - margin), total=len(items))
