"""Tables (pandas DataFrames) the pages show, built from the domain."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas (with pyarrow, ~0.3 s) is imported where a table is built, not with the module:
    import pandas as pd  # «Sammenligning» shows its table only on demand

from .. import format as fmt
from .evaluation import Evaluation
from .knowledge import KnowledgeBase

# Where a part of a score comes from (scoring.Part.source); not the weight sources (ui.session.WEIGHT_SOURCES).
PART_SOURCE_LABELS = {"form": "Organisasjonsform", "model": "Styringsmodell", "fit": "Samspill modell/form",
                      "rule": "Kontekst (profilen)"}
BASIS_LABELS = {"tabell": "Tabellen i 4.2", "tom_celle": "Tom celle i 4.2", "rapporten": "Rapportens tekst",
                "ingen_forskjell": "Ingen forskjell omtalt"}


NO_STRONGEST = "Ingen"  # «Sterkeste grunn for/mot» when no factor moves the total that way (not a missing value)


def ranking_table(result: Evaluation) -> pd.DataFrame:
    """The ranking as a table: rank, label, total (3 decimals), current marker, and the strongest factor for and
    against by net contribution (RankedAlternative.factors_for/_against): a factor whose model part counts for
    and form part against is named on the one side it moves the total, never on both; `NO_STRONGEST` where no
    factor moves it that way."""
    import pandas as pd
    return pd.DataFrame([{
        "Rang": r.rank, "Alternativ": r.label, "Sum": round(r.score, 3),
        "Dagens": "◀ dagens" if r.is_current else "",
        "Sterkeste grunn for": r.factors_for[0].factor_label if r.factors_for else NO_STRONGEST,
        "Sterkeste grunn mot": r.factors_against[0].factor_label if r.factors_against else NO_STRONGEST,
    } for r in result.ranking])


def assessment_table(kb: KnowledgeBase, part: str, overrides: dict[str, int]) -> pd.DataFrame:
    """All rows of one assessment part with the report's quote; `Din vurdering` is the editable score.

    `Rapportens poeng` is a number (shown with its sign by `assessment_styler`, sorted as a number); `Din
    vurdering` is text with its sign («+1», «−1», «0»; fmt.points): the data editor's number cell dropped a
    typed decimal comma, so «0,2» was stored as 2 and «1,5» refused as «15». As text, what is typed reaches
    `edit_problem` as typed."""
    import pandas as pd
    rows = {"form": kb.form_factor, "model": kb.model_factor, "fit": kb.fit}[part]
    records = []
    for r in rows:
        subject = (kb.form(r.form).label if part == "form" else kb.model(r.model).label if part == "model"
                   else f"{kb.model(r.model).label} + {kb.form(r.form).label}")
        records.append({
            "id": r.id, "Gjelder": subject, "Faktor": f"{r.factor}. {kb.factor(r.factor).label}",
            "Rapportens poeng": r.score, "Din vurdering": fmt.points(overrides.get(r.id, r.score)),
            "Endret": "✎ endret" if r.id in overrides else "", "Kapittel": r.section,
            "Gjelder når": CONDITION_LABELS.get(r.condition or "", "Alltid"),
            "Sitat": r.quote, "Grunnlag": BASIS_LABELS[r.basis], "Merknad": r.note or "",
        })
    return pd.DataFrame(records)


def assessment_styler(table: pd.DataFrame):
    """`assessment_table`'s frame for the data editor: the report's score shown as points («+1», «−2», «0»;
    fmt.points), a number underneath, so a click on its heading sorts −2 before +1 (as text, «+1» came first).
    Only that column is styled: it is not editable (the editable «Din vurdering» is shown as typed)."""
    return table.style.format({"Rapportens poeng": fmt.points})


SCORE_MIN, SCORE_MAX = -2, 2  # the assessment scale (4.2): −2 clearly worse … +2 clearly better


def assessment_subject(kb: KnowledgeBase, row_id: str) -> str:
    """An assessment row as a person reads it: «Vertskommune · 3. Økonomi» (never the internal id).

    Raises KeyError for an unknown row id.
    """
    for part, rows in (("form", kb.form_factor), ("model", kb.model_factor), ("fit", kb.fit)):
        for r in rows:
            if r.id == row_id:
                subject = (kb.form(r.form).label if part == "form" else kb.model(r.model).label if part == "model"
                           else f"{kb.model(r.model).label} + {kb.form(r.form).label}")
                return f"{subject} · {r.factor}. {kb.factor(r.factor).label}"
    raise KeyError(row_id)


def score_value(value) -> float:
    """The number in a score cell: «+1», «−1», «0,5», «-2», 1 -> 1.0, −1.0, 0.5, −2.0 (real or hyphen minus,
    decimal comma or point, spaces ignored). Raises ValueError for text that is not a number."""
    text = str(value).strip().replace("\u2212", "-").replace(",", ".").replace(" ", "").replace("\u00a0", "")
    number = float(text)
    if number != number or number in (float("inf"), float("-inf")):  # «nan», «inf»: not a score
        raise ValueError(text)
    return number


def edit_problem(value) -> str | None:
    """A Norwegian message when an edited «Din vurdering» is not a whole number from −2 to +2, else None.

    `value`: what the data editor returned for the cell (text as typed, a number, or None). Nothing is stored for
    such a cell: the page shows the message and keeps the earlier score.
    """
    import pandas as pd
    if value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip():
        return "«Din vurdering» kan ikke være tom. Skriv et heltall fra −2 til +2."
    try:
        number = score_value(value)
    except ValueError:
        return f"«{value}» er ikke et tall. Skriv et heltall fra −2 til +2."
    if not number.is_integer():
        return (f"«{value}» er ikke et heltall. «Din vurdering» må være et heltall fra −2 til +2; "
                "vurderingen er ikke endret.")
    if not SCORE_MIN <= number <= SCORE_MAX:
        return (f"{fmt.number(number, 0)} er utenfor skalaen. «Din vurdering» må være et heltall fra −2 til +2; "
                "vurderingen er ikke endret.")
    return None


def overrides_from_edit(edited: pd.DataFrame, overrides: dict[str, int]) -> dict[str, int]:
    """New overrides after a data_editor edit: rows whose score differs from the report's.

    `edited`: `assessment_table`'s frame with the accepted edits in «Din vurdering» (text or numbers, each
    passed by `edit_problem`); `overrides`: {row id: score} so far. Returns {row id: score} (ints)."""
    import pandas as pd
    result = {k: v for k, v in overrides.items() if k not in set(edited["id"])}
    columns = edited[["id", "Rapportens poeng", "Din vurdering"]]
    for row_id, report_score, mine in columns.itertuples(index=False, name=None):
        if pd.notna(mine) and int(score_value(mine)) != int(score_value(report_score)):
            result[row_id] = int(score_value(mine))
    return result


def rules_table(kb: KnowledgeBase) -> pd.DataFrame:
    """Every context rule as a row: kind, what it applies to, factor, change, message, section, quote."""
    import pandas as pd
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
    import pandas as pd
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
    import pandas as pd
    return pd.DataFrame([{"Kilde": s.title, "Utgiver": s.publisher, "Kontrollert": s.checked,
                          "Hva den sier": s.statement, "Lenke": s.url} for s in kb.legal_sources])
