"""Report table 2.6.1 (count, age in 2015, municipalities per form) computed from Vedlegg 5,
beside the printed values, with the differences explained in Norwegian."""

from __future__ import annotations

import duckdb
import pandas as pd

from .. import format as fmt

Cursor = duckdb.DuckDBPyConnection

COMPARISON_COLUMNS = {
    "organisasjonsform_navn": "Organisasjonsform",
    "antall": "Antall (beregnet)",
    "antall_trykt": "Antall (2.6.1)",
    "alder": "Alder 2015 (beregnet)",
    "alder_trykt": "Alder (2.6.1)",
    "kommuner": "Kommuner (beregnet)",
    "kommuner_trykt": "Kommuner (2.6.1)",
    "ansatte_trykt": "Ansatte (2.6.1)",
}


def comparison(cur: Cursor) -> pd.DataFrame:
    """One row per form: computed (main form) beside printed, as Norwegian-formatted text ("–" = none)."""
    frame = cur.execute("SELECT * FROM v_tabell_261 ORDER BY rekkefolge").df()[list(COMPARISON_COLUMNS)]
    for col in COMPARISON_COLUMNS:
        if col != "organisasjonsform_navn":
            decimals = 0 if col.startswith("antall") else 1
            frame[col] = [_n(v, decimals) for v in frame[col]]
    return frame.rename(columns=COMPARISON_COLUMNS)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def _n(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else fmt.number(float(value), decimals)


def explanations(cur: Cursor) -> list[str]:
    """Why the computed values differ from the printed table, with the numbers from the data."""
    t = {r["organisasjonsform"]: r for r in cur.execute("SELECT * FROM v_tabell_261").df().to_dict("records")}
    total = int(sum(r["antall"] for r in t.values()))
    printed_total = int(sum(r["antall_trykt"] for r in t.values() if not pd.isna(r["antall_trykt"])))
    two_forms = cur.execute(
        "SELECT navn, organisasjonsformer FROM samarbeid WHERE len(organisasjonsformer) > 1 ORDER BY navn").fetchall()
    missing_year = cur.execute("SELECT navn FROM samarbeid WHERE etablert_aar IS NULL ORDER BY navn").fetchall()
    iks_names = cur.execute("SELECT navn FROM samarbeid WHERE organisasjonsform <> 'iks' "
                            "AND formelt_navn ILIKE '%IKS%' ORDER BY navn").fetchall()
    par27, vert, iks = t["par27"], t["vertskommune"], t["iks"]
    avtaler = int(t["samarbeidsavtaler"]["antall"])
    out = [
        f"Begge tabellene teller {total} samarbeid (trykt sum: {printed_total}), men tabell 2.6.1 har ingen rad for "
        f"«Samarbeidsavtaler» ({avtaler} i vedlegget). De må derfor være telt under andre former i 2.6.1.",
    ]
    if two_forms:
        names = _join([n for n, _ in two_forms])
        out.append(
            f"{names} har to former (§ 27, i dag kommunalt oppgavefellesskap, og vertskommune). "
            "Vi teller hovedformen, den som er trykt først: "
            f"{int(par27['antall'])} § 27-samarbeid. Uten den blir det {int(par27['antall']) - len(two_forms)}, som i "
            f"tabellen ({int(par27['antall_trykt'])}); under vertskommune blir det "
            f"{int(vert['antall']) + len(two_forms)} (tabellen: {int(vert['antall_trykt'])}).")
    out.append(
        f"Vedlegget har {int(iks['antall'])} IKS, tabellen {int(iks['antall_trykt'])}. "
        + (f"{_join([n for (n,) in iks_names])} har IKS i det formelle navnet, men er trykt som § 27 "
           "(i dag kommunalt oppgavefellesskap; Digitale Gardermoen var IKS fram til 1. juli 2015, jf. 2.6.1). "
           if iks_names else "")
        + "Hvilket samarbeid tabellen teller som det sjette IKS, går ikke fram av rapporten.")
    out.append(
        f"Kommuner per IKS: {_n(iks['kommuner'])} beregnet. Teller vi Aust-Agder fylkeskommune som medlem i IKT Agder, "
        f"blir snittet {_n(iks['medlemmer'])} – som i tabellen ({_n(iks['kommuner_trykt'])}). Det passer med "
        f"{int(iks['antall'])} IKS, ikke {int(iks['antall_trykt'])}. For § 27 er snittet {_n(par27['kommuner'])} "
        f"(tabellen {_n(par27['kommuner_trykt'])}), for vertskommune {_n(vert['kommuner'])} "
        f"(tabellen {_n(vert['kommuner_trykt'])}).")
    out.append(
        f"Alder er 2015 minus etableringsåret. {len(missing_year)} samarbeid mangler år i vedlegget og er holdt "
        f"utenfor ({_join([n for (n,) in missing_year])}). Tabellens alder for § 27 ({_n(par27['alder_trykt'])}) "
        f"og IKS ({_n(iks['alder_trykt'])}) lar seg ikke gjenskape fra årene i vedlegget "
        f"(beregnet {_n(par27['alder'])} og {_n(iks['alder'])}); tabellen bygger trolig på kartleggingens egne "
        "opplysninger. IKT ORKidé teller fra 1997, ikke fra omdanningen til IKS i 2008.")
    out.append("Antall ansatte står ikke i vedlegget og kan ikke beregnes; bare de trykte tallene vises.")
    return out
