"""A refused weight change in the sidebar's weight panel (app.py), as session state keeps it."""

from typing import NamedTuple

from ikt_model.decision.weights import Weights


class Refusal(NamedTuple):
    """A refused weight change (every weight at zero), shown under the slider moved while the weights kept are
    in use: at the top of the panel it was out of view when slider 12 was moved (fresh tester, issue 14)."""

    factor_id: int  # the slider moved (1-12)
    message: str  # Norwegian, for the user
    kept: Weights  # the last valid weights, kept in use
    number: int  # counts on from the last refusal scrolled into view: each new one is scrolled into view once
