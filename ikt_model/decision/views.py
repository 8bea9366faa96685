"""Tables (pandas DataFrames) the pages show, built from the domain."""

from __future__ import annotations

import pandas as pd

from .evaluation import Evaluation
from .knowledge import KnowledgeBase

# Where a part of a score comes from (scoring.Part.source); not the weight sources (ui.session.WEIGHT_SOURCES).
PART_SOURCE_LABELS = {"form": "Organisasjonsform", "model": "Styringsmodell", "fit": "Samspill modell/form",
                      "rule": "Kontekst (profilen)"}
BASIS_LABELS = {"tabell": "Tabellen i 4.2", "tom_celle": "Tom celle i 4.2", "rapporten": "Rapportens tekst",
                "ingen_forskjell": "Ingen forskjell omtalt"}


def ranking_table(result: Evaluation) -> pd.DataFrame:
    """The ranking as a table: rank, label, total (3 decimals), current marker, strongest reason for/against."""
    return pd.DataFrame([{
        "Rang": r.rank, "Alternativ": r.label, "Sum": round(r.score, 3),
        "Dagens": "◀ dagens" if r.is_current else "",
        "Sterkeste grunn for": r.reasons_for[0].factor_label if r.reasons_for else "",
        "Sterkeste grunn mot": r.reasons_against[0].factor_label if r.reasons_against else "",
    } for r in result.ranking])


def assessment_table(kb: KnowledgeBase, part: str, overrides: dict[str, int]) -> pd.DataFrame:
    """All rows of one assessment part with the report's quote; `Din vurdering` is the editable score."""
    rows = {"form": kb.form_factor, "model": kb.model_factor, "fit": kb.fit}[part]
    records = []
    for r in rows:
        subject = (kb.form(r.form).label if part == "form" else kb.model(r.model).label if part == "model"
                   else f"{kb.model(r.model).label} + {kb.form(r.form).label}")
        records.append({
            "id": r.id, "Gjelder": subject, "Faktor": f"{r.factor}. {kb.factor(r.factor).label}",
            "Rapportens poeng": r.score, "Din vurdering": overrides.get(r.id, r.score),
            "Endret": "✎ endret" if r.id in overrides else "", "Kapittel": r.section,
            "Gjelder når": CONDITION_LABELS.get(r.condition or "", "Alltid"),
            "Sitat": r.quote, "Grunnlag": BASIS_LABELS[r.basis], "Merknad": r.note or "",
        })
    return pd.DataFrame(records)


def overrides_from_edit(edited: pd.DataFrame, overrides: dict[str, int]) -> dict[str, int]:
    """New overrides after a data_editor edit: rows whose score differs from the report's."""
    result = {k: v for k, v in overrides.items() if k not in set(edited["id"])}
    columns = edited[["id", "Rapportens poeng", "Din vurdering"]]
    for row_id, report_score, mine in columns.itertuples(index=False, name=None):
        if pd.notna(mine) and int(mine) != int(report_score):
            result[row_id] = int(mine)
    return result


def rules_table(kb: KnowledgeBase) -> pd.DataFrame:
    """Every context rule as a row: kind, what it applies to, factor, change, message, section, quote."""
    return pd.DataFrame([{
        "id": r.id, "Type": {"score": "Poengjustering", "advice": "Råd", "note": "Merknad"}[r.kind],
        "Gjelder": " + ".join(x for x in (kb.model(r.model).label if r.model else "",
                                          kb.form(r.form).label if r.form else "") if x) or "Alle",
        "Faktor": f"{r.factor}. {kb.factor(r.factor).label}" if r.factor else "",
        "Endring": r.delta if r.kind == "score" else None, "Melding": r.message,
        "Kapittel": r.section, "Sitat": r.quote,
    } for r in kb.rules])


CONDITION_LABELS: dict[str, str] = {
    "board_of_chief_executives": "Når styret består av kommunedirektørene",
    "roles_not_documented": "Når ansvar og oppgaver ikke er beskrevet",
}
CHANGE_LABELS = {"form": "Bytte organisasjonsform", "model": "Bytte styringsmodell"}
STATUS_SHORT = {"existing_working": "Fungerer", "existing_struggling": "Fungerer ikke godt"}


def method_table(kb: KnowledgeBase) -> pd.DataFrame:
    """The method's numbers with their sources: the form weight, the transition weight and the transition
    costs by status (parameters.csv, transition.csv; 4.1, 4.2). Columns: Hva, Verdi, Kapittel, Sitat, Merknad."""
    rows = [{"Hva": {"form_weight": "Organisasjonsformens tyngde mot styringsmodellen",
                     "transition_weight": "Standardvekt på omstillingskostnad"}[p.id],
             "Verdi": p.value, "Kapittel": p.section, "Sitat": p.quote, "Merknad": p.note or ""}
            for p in kb.parameters]
    rows += [{"Hva": f"{CHANGE_LABELS[t.change]} – samarbeid som {STATUS_SHORT[t.status].lower()}",
              "Verdi": -t.cost, "Kapittel": t.section, "Sitat": t.quote, "Merknad": t.note or ""}
             for t in kb.transitions]
    return pd.DataFrame(rows)


def legal_sources_table(kb: KnowledgeBase) -> pd.DataFrame:
    """Every public legal source behind a 2026 statement: Kilde, Utgiver, Kontrollert, Hva den sier, Lenke."""
    return pd.DataFrame([{"Kilde": s.title, "Utgiver": s.publisher, "Kontrollert": s.checked,
                          "Hva den sier": s.statement, "Lenke": s.url} for s in kb.legal_sources])
