"""Export of a workshop (facilitator only: the repository checks the key): JSON and CSV bytes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.registry import FACTOR_IDS
from .aggregation import GroupResult
from .models import Vote, Workshop


def export_json(workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None) -> bytes:
    doc = {
        "workshop": {"tittel": workshop.title, "kode": workshop.code, "metode": workshop.method,
                     "opprettet": workshop.created_at.isoformat(), "avstemning_åpen": workshop.voting_open,
                     "profil": workshop.profile.model_dump(mode="json")},
        "stemmer": [{"deltaker": v.participant, "navn": v.display_name, "poeng": v.points,
                     "rangering": list(v.ranking) if v.ranking else None,
                     "normaliserte_vekter": v.fractions(), "endringer": v.revisions,
                     "sist_endret": v.updated_at.isoformat()} for v in votes],
        "gruppe": result.model_dump(mode="json") if result else None,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _safe_cell(text: str) -> str:
    """Stop spreadsheet formula injection from display names (=, +, -, @ at the start)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None,
               kb: KnowledgeBase | None = None) -> bytes:
    """One row per participant (normalised weights, %), then the group row; semicolon-separated."""
    kb = kb or default_knowledge_base()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["deltaker", "navn", *[kb.factor(f).label for f in FACTOR_IDS], "endringer"])
    for v in votes:
        fr = v.fractions()
        writer.writerow([v.participant, _safe_cell(v.display_name),
                         *[f"{fr[f] * 100:.2f}".replace(".", ",") for f in FACTOR_IDS], v.revisions])
    if result:
        writer.writerow(["GRUPPE", f"{result.aggregate} av {result.participants}",
                         *[f"{result.weights[f] * 100:.2f}".replace(".", ",") for f in FACTOR_IDS], ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens æøå correctly
