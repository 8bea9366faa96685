"""Workshop: a facilitator on the projector, participants on phones, a live group result.

Modules: models (pydantic data + limits), access (join codes, keys, tokens), repository (the
durable DuckDB store), storage (its tables and how their rows read back), aggregation (group weights,
disagreement, ranking, winners), charts (projector figures), qr (QR code for the participant URL).
"""

from .access import AccessDenied
from .models import LIMITS, METHOD_LABELS, Method, Vote, Workshop, WorkshopError

__all__ = ["LIMITS", "METHOD_LABELS", "AccessDenied", "Method", "Vote", "Workshop", "WorkshopError"]
