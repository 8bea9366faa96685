"""Workshop data at the boundary (pydantic): the workshop, one participant's vote, and the limits.

Every refusal is a `WorkshopError` whose message is Norwegian and meant for the user.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .. import format as fmt
from ..decision.profile import Profile
from ..decision.registry import FACTOR_IDS
from ..decision.weights import MAX_POINTS, WeightsError, make_weights, roc_fractions
from ..names import clean_text as clean_names_text

Method = Literal["poeng", "rangering"]
METHOD_LABELS: dict[str, str] = {
    "poeng": "Poeng per faktor (0–10)",
    "rangering": "Rangering av faktorene (1 = viktigst)",
}
POINTS_SCALE_MAX = 10  # participant sliders: 0..10 points per factor


class WorkshopError(ValueError):
    """A refused workshop action; the message is Norwegian and shown to the user as is."""


class Limits(BaseModel, frozen=True):
    """Size limits that keep a workshop store bounded (title and name length, participants, revisions)."""

    title_max: int = 120
    name_max: int = 40
    participants_max: int = 200
    revisions_max: int = 50  # submissions per participant (first vote + revisions)
    workshops_max: int = 10_000  # open workshops in one store


LIMITS = Limits()


def clean_text(raw: object, max_len: int, what: str, required: bool) -> str:
    """NFC, control characters dropped, trimmed (ikt_model.names.clean_text); length enforced.
    Text is later rendered as text, never HTML. Raises WorkshopError."""
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise WorkshopError(f"{what} må være tekst")
    text = clean_names_text(raw)
    if required and not text:
        raise WorkshopError(f"{what} kan ikke være tom")
    if len(text) > max_len:
        raise WorkshopError(f"{what} kan være høyst {fmt.number(max_len)} tegn (du skrev {fmt.number(len(text))})")
    return text


class Workshop(BaseModel, frozen=True):
    """What anyone with the join code may know about a workshop (no keys, no votes)."""

    model_config = ConfigDict(frozen=True)
    id: str
    code: str
    title: str
    method: Method
    profile: Profile
    voting_open: bool
    revealed: bool
    created_at: datetime


class Vote(BaseModel, frozen=True):
    """One participant's current vote; only the facilitator (with the key) sees these."""

    participant: str  # short, non-secret label of the participant (not the token)
    display_name: str
    points: dict[int, float]
    ranking: tuple[int, ...] | None = None
    revisions: int
    updated_at: datetime

    def fractions(self) -> dict[int, float]:
        """The participant's points normalised to sum 1, factor id -> share."""
        total = sum(self.points.values())
        return {i: self.points.get(i, 0.0) / total for i in FACTOR_IDS}


def points_from_input(method: Method, points: dict | None = None,
                      ranking: list[int] | tuple[int, ...] | None = None) -> tuple[dict[int, float], tuple | None]:
    """Validate a participant's input and return (points per factor, ranking or None).

    poeng: 0..10 per factor, at least one above zero. rangering: every factor id exactly once,
    most important first; turned into rank-order-centroid points (the same ROC rule as the
    report's preset, 3.1/4.3), so 1st gets the most.
    """
    if method == "poeng":
        if not isinstance(points, dict):
            raise WorkshopError("Gi poeng til faktorene")
        for value in points.values():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value > POINTS_SCALE_MAX:
                raise WorkshopError(f"Hver faktor kan få høyst {POINTS_SCALE_MAX} poeng")
        try:
            weights = make_weights(points)
        except WeightsError as exc:
            message = str(exc)
            raise WorkshopError("Gi minst én faktor mer enn 0 poeng" if "større enn null" in message
                                else message) from None
        return dict(weights.points), None
    if method == "rangering":
        ranking = list(ranking or [])
        if len(set(ranking)) < len(ranking) or not set(ranking) <= set(FACTOR_IDS):
            raise WorkshopError("Rangeringen må ha med hver av de tolv faktorene nøyaktig én gang")
        if len(ranking) < len(FACTOR_IDS):
            raise WorkshopError(f"Du har rangert {len(ranking)} av {len(FACTOR_IDS)} faktorer. "
                                "Alle tolv må være med, den viktigste først.")
        roc = roc_fractions(len(FACTOR_IDS))
        pts = {int(f): min(MAX_POINTS, round(roc[pos] * 100, 4)) for pos, f in enumerate(ranking)}
        return pts, tuple(int(f) for f in ranking)
    raise WorkshopError(f"Ukjent metode «{method}»: bruk poeng eller rangering")
