"""Factor weights: points per factor (what sliders show), normalised to fractions for scoring.

Presets (12 factors in the report's priority order, 3.1/4.3):
  rapport  rank-order centroid (ROC), Barron & Barrett (1996): w_i = (1/n) * sum_{k=i..n} 1/k
  rangsum  rank sum: w_i = (n - i + 1) / sum
  like     equal weights
Preset points are the fractions x 100, rounded to 0.1 point (the slider step); the CLI and the
pages use the same rounded points, so a ranking is the same everywhere.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator

from .registry import FACTOR_IDS

PresetName = Literal["rapport", "rangsum", "like"]
PRESET_LABELS: dict[str, str] = {
    # plain words for the reader; the method names (ROC, rank sum) are on «Om» (pages/about.py)
    "rapport": "Rapportens prioritering",
    "rangsum": "Rapportens rekkefølge, jevnt avtagende",
    "like": "Like vekter",
}
MAX_POINTS = 100.0

# Where the weights in use came from, with the Norwegian label shown in the sidebar, on «Scenarier» and in
# the memo. The presets are the report's priority order turned into weights (3.1, 4.3). Here, not in the UI:
# scenario files (ikt_model.scenarios) refuse a source outside WEIGHT_SOURCES.
CUSTOM = "egendefinert"
AHP = "AHP"
WORKSHOP = "workshop"
SHARED_LINK = "delt lenke"
SCENARIO = "scenario"
WEIGHT_SOURCES: dict[str, str] = {
    **PRESET_LABELS,
    CUSTOM: "Egendefinerte vekter",
    AHP: "Parvise sammenligninger (AHP)",
    WORKSHOP: "Workshop (gruppens vekter)",
    SHARED_LINK: "Fra delt lenke",
    SCENARIO: "Fra lagret scenario",
}


def source_label(source: str) -> str:
    """The Norwegian label of a weight source (scenario files with a source outside WEIGHT_SOURCES are
    refused at import; anything else unknown is shown as it is)."""
    return WEIGHT_SOURCES.get(source, source)


class WeightsError(ValueError):
    """Weights that cannot be used; the message is Norwegian and meant for the user."""


class Weights(BaseModel, frozen=True):
    """Points per factor id (1-12). Missing ids count as 0."""

    model_config = ConfigDict(frozen=True)
    points: dict[int, float]

    @field_validator("points", mode="before")
    @classmethod
    def _check(cls, raw) -> dict[int, float]:
        if not isinstance(raw, dict):
            raise WeightsError("Vektene må være en tabell fra faktor-id til poeng")
        points: dict[int, float] = {i: 0.0 for i in FACTOR_IDS}
        for key, value in raw.items():
            try:
                factor_id = int(key)
            except (TypeError, ValueError):
                raise WeightsError(f"Ukjent faktor «{key}»: bruk id 1–12") from None
            if factor_id not in FACTOR_IDS:
                raise WeightsError(f"Ukjent faktor «{key}»: bruk id 1–12")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise WeightsError(f"Vekten for faktor {factor_id} må være et tall, ikke «{value}»")
            if not math.isfinite(value):
                raise WeightsError(f"Vekten for faktor {factor_id} må være et endelig tall")
            if value < 0:
                raise WeightsError(f"Vekten for faktor {factor_id} kan ikke være negativ")
            if value > MAX_POINTS:
                raise WeightsError(f"Vekten for faktor {factor_id} kan være høyst {MAX_POINTS:g} poeng")
            points[factor_id] = float(value)
        if sum(points.values()) <= 0:
            raise WeightsError("Minst én faktor må ha vekt større enn null")
        return points

    @cached_property
    def fraction_vector(self) -> np.ndarray:
        """The weights normalised to sum 1: shape (12,), factor order 1..12, read-only.

        Computed once per Weights object (the object is frozen), so however many pages, charts and
        captions read it in a rerun, the weights are normalised once.
        """
        total = sum(self.points[i] for i in FACTOR_IDS)
        vector = np.array([self.points[i] for i in FACTOR_IDS], dtype=float) / total
        vector.setflags(write=False)
        return vector

    def fractions(self) -> dict[int, float]:
        """Factor id -> share of the total (sums to 1)."""
        return dict(zip(FACTOR_IDS, self.fraction_vector.tolist(), strict=False))

    def vector(self) -> list[float]:
        """Fractions in factor-id order 1..12."""
        return self.fraction_vector.tolist()


def roc_fractions(n: int = len(FACTOR_IDS)) -> list[float]:
    """Rank-order centroid weights for ranks 1..n (Barron & Barrett 1996)."""
    return [sum(1.0 / k for k in range(i, n + 1)) / n for i in range(1, n + 1)]


def rank_sum_fractions(n: int = len(FACTOR_IDS)) -> list[float]:
    """Rank-sum weights for ranks 1..n: (n - i + 1) / (n (n + 1) / 2); they sum to 1."""
    total = n * (n + 1) / 2
    return [(n - i + 1) / total for i in range(1, n + 1)]


def preset(name: str) -> Weights:
    """A named preset as points rounded to the slider step (0.1)."""
    n = len(FACTOR_IDS)
    if name == "rapport":
        fractions = roc_fractions(n)
    elif name == "rangsum":
        fractions = rank_sum_fractions(n)
    elif name == "like":
        fractions = [1.0 / n] * n
    else:
        raise WeightsError(f"Ukjent vektsett «{name}»: bruk rapport, like eller rangsum")
    return Weights(points={i: round(f * 100, 1) for i, f in zip(FACTOR_IDS, fractions, strict=False)})


def default_weights() -> Weights:
    """The report's priority order (3.1, 4.3) as ROC weights: the preset «rapport»."""
    return preset("rapport")


def make_weights(points: dict) -> Weights:
    """Weights from raw points; any problem raises WeightsError with one Norwegian sentence."""
    from pydantic import ValidationError

    try:
        return Weights(points=points)
    except ValidationError as exc:
        raise WeightsError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
