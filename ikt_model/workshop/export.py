"""Export of a workshop (facilitator only: the repository checks the key): JSON, CSV and .xlsx bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from .. import format as fmt
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.registry import FACTOR_IDS
from ..spreadsheet import excel_csv, xlsx
from .aggregation import AGGREGATE_LABELS, GroupResult
from .models import Vote, Workshop

ExportKind = Literal["csv", "xlsx", "json"]


def export_json(workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None) -> bytes:
    """The workshop, every vote (with normalised weights) and the group result as UTF-8 JSON."""
    doc = {
        "workshop": {"tittel": workshop.title, "kode": workshop.code, "metode": workshop.method,
                     "opprettet": workshop.created_at.isoformat(), "avstemning_åpen": workshop.voting_open,
                     "profil": workshop.profile.model_dump(mode="json")},
        "stemmer": [{"deltaker": v.participant, "navn": v.display_name, "poeng": v.points,
                     "rangering": list(v.ranking) if v.ranking else None,
                     "normaliserte_vekter": v.fractions(), "endringer": v.revisions,
                     "sist_endret": v.updated_at.isoformat()} for v in votes],
        "gruppe": group_json(result) if result else None,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def group_json(result: GroupResult) -> dict:
    """The group result for the JSON export, with Norwegian keys like the rest of the file: the method
    («metode», its label beside it), the number of answers, the group's weights as shares (factor id -> 0–1),
    the spread per factor (most contested first; shares), the ranking and how often each alternative won with
    a participant's own weights."""
    return {
        "metode": result.aggregate, "metode_navn": AGGREGATE_LABELS[result.aggregate],
        "antall_svar": result.participants,
        "vekter": {str(f): share for f, share in result.weights.items()},
        "uenighet": [{"faktor": s.factor_id, "navn": s.label, "gruppevekt": s.group_weight, "standardavvik": s.std,
                      "kvartilbredde": s.iqr, "lavest": s.low, "høyest": s.high} for s in result.spreads],
        "rangering": [{"plass": r.rank, "alternativ": r.key, "navn": r.label, "vektet_sum": r.score,
                       "først_for_deltakere": r.winners} for r in result.ranking],
        "vinnere_med_egne_vekter": [{"alternativer": list(g.keys), "navn": list(g.labels), "deltakere": g.count}
                                    for g in result.winner_groups],
    }


def export_rows(workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None,
                kb: KnowledgeBase | None = None) -> list[dict]:
    """One row per participant (normalised weights in %, 2 decimals), then the group row, named by its
    method as the page names it («Geometrisk gjennomsnitt av 3 svar»)."""
    kb = kb or default_knowledge_base()
    labels = {f: kb.factor(f).label for f in FACTOR_IDS}
    rows = []
    for v in votes:
        fr = v.fractions()
        rows.append({"deltaker": v.participant, "navn": v.display_name,
                     **{labels[f]: round(fr[f] * 100, 2) for f in FACTOR_IDS}, "endringer": v.revisions})
    if result:
        rows.append({"deltaker": "GRUPPE", "navn": group_name(result),
                     **{labels[f]: round(result.weights[f] * 100, 2) for f in FACTOR_IDS}, "endringer": None})
    return rows


def group_name(result: GroupResult) -> str:
    """The group row's name in an export: the method's Norwegian label and the number of answers."""
    return f"{AGGREGATE_LABELS[result.aggregate]} av {fmt.plural(result.participants, 'svar', 'svar')}"


def export_columns(kb: KnowledgeBase | None = None) -> list[str]:
    """The export's column names: participant, name, the twelve factor labels, revisions."""
    kb = kb or default_knowledge_base()
    return ["deltaker", "navn", *[kb.factor(f).label for f in FACTOR_IDS], "endringer"]


def export_csv(workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None,
               kb: KnowledgeBase | None = None) -> bytes:
    """`export_rows` as CSV for Norwegian Excel (ikt_model.spreadsheet: BOM, «;», decimal comma)."""
    return excel_csv(export_rows(workshop, votes, result, kb), columns=export_columns(kb))


def export_xlsx(workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None,
                kb: KnowledgeBase | None = None) -> bytes:
    """`export_rows` as an Excel workbook."""
    return xlsx(export_rows(workshop, votes, result, kb), sheet="Workshop", columns=export_columns(kb))


def export_file(kind: ExportKind, workshop: Workshop, votes: Sequence[Vote], result: GroupResult | None,
                kb: KnowledgeBase | None = None) -> bytes:
    """The export of one kind (csv, xlsx or json) of these votes and this group result."""
    if kind == "csv":
        return export_csv(workshop, votes, result, kb)
    if kind == "xlsx":
        return export_xlsx(workshop, votes, result, kb)
    if kind == "json":
        return export_json(workshop, votes, result)
    raise ValueError(f"unknown export kind {kind!r}")
