"""Tables and view helpers of the robustness pages."""

import numpy as np
import pandas as pd

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.scoring import score_matrix
from ikt_model.decision.weights import default_weights
from ikt_model.robustness import tables
from ikt_model.robustness.ahp import GROUPS, ahp, grouped_weights
from ikt_model.robustness.reading import acceptability_reading, factor_intervals
from ikt_model.robustness.smaa import smaa
from tests.robustness.test_ahp import HOUSE

KB = default_knowledge_base()
VALUES = score_matrix(Profile(), KB).values


def test_interval_table():
    df = tables.interval_table(factor_intervals(VALUES, default_weights(), KB))
    assert len(df) == 12
    row = df.iloc[5]
    assert row["Faktor"].startswith("6. Gjennomføringsevne")
    assert row["Overtar over"] == "Hybridmodell + Kommunalt oppgavefellesskap (KO)"
    assert row["Står seg fra"] == "0,0\u00a0%" and df.iloc[0]["Overtar under"] == "–"


def test_acceptability_table_and_reading():
    result = smaa([[1, 0], [0, 1], [0, 0]], "uniform", samples=2000, seed=1)
    df = tables.acceptability_table(result, ["A", "B", "C"])
    assert list(df["Alternativ"])[-1] == "C" and df.iloc[-1]["Konfidens"] == "–"
    best = [float(v.replace("\u00a0%", "").replace(",", ".")) for v in df["Best (b¹)"]]
    assert best == sorted(best, reverse=True) and list(df.index) == [0, 1, 2]  # most often first on top
    assert best[0] == round(100 * max(result.first_rank), 1)
    lines = acceptability_reading(result, ["A", "B", "C"])
    assert lines[0].startswith(("A er best i 5", "B er best i 5", "A er best i 4", "B er best i 4"))
    assert "av alle mulige vektinger" in lines[0]
    assert lines[-1] == "1 av 3 alternativer blir aldri best i noen av de 2\u00a0000 trukne vektingene."


def test_ranking_table_and_labels():
    df = tables.ranking_table([(1, 0, 0.5), (2, 1, -0.25)], ["A", "B"])
    assert df.to_dict("records") == [{"Rang": 1, "Alternativ": "A", "Totalskår": "+0,50"},
                                     {"Rang": 2, "Alternativ": "B", "Totalskår": "−0,25"}]
    assert tables.scale_option(-4, "A", "B") == "A 5" and tables.scale_option(2, "A", "B") == "B 3"
    assert tables.scale_option(0, "A", "B") == "Like viktige"
    assert tables.short_label(KB, 6) == "Gjennomføringsevne"


def test_consistency_rows_and_worst_text():
    house = ahp(HOUSE)
    df = tables.consistency_rows(["Hus"], [house])
    assert df.iloc[0]["CR"] == "0,170" and df.iloc[0]["Vurdering"].startswith("⚠")
    text = tables.worst_judgment_text(house, list("abcdefgh"))
    assert "«c» mot «g»" in text and "Du valgte «c 6»" in text
    assert tables.worst_judgment_text(ahp([[1, 2], [0.5, 1]]), ["a", "b"]) is None


def test_grouped_summary_and_weights_table():
    ones = [np.ones((len(ids), len(ids))) for _, ids in GROUPS]
    grouped = grouped_weights(np.ones((4, 4)), ones)
    assert tables.grouped_summary(grouped) == "19 vurderinger i stedet for 66. Alle matrisene er konsistente."
    df = tables.ahp_weights_table(KB, grouped.weights)
    assert len(df) == 12 and set(df["Vekt"]) == {"8,3\u00a0%"}  # equal answers: 1/12 each, whatever the group size



def test_the_ahp_lead_names_up_to_three_alike_with_commas_and_counts_more():
    """A tester's inconsistent answers gave ten factors alike: «… veier «A» og «B» og «C» og … og «J» (9,4 % hver)
    mest». Up to three alike are named («A», «B» og «C»); more are counted («10 av faktorene»)."""
    from ikt_model.robustness.tables import ahp_lead

    labels = {f: f"F{f}" for f in range(1, 13)}
    ten = {f: (0.094 if f <= 10 else 0.03) for f in range(1, 13)}
    assert ahp_lead(ten, labels, consistent=False).startswith(
        "Med svarene dine veier 10 av faktorene (9,4\u00a0% hver) mest og «F11» og «F12» (3,0\u00a0% hver) minst.")
    three = {f: (0.2 if f <= 3 else 0.4 / 9) for f in range(1, 13)}
    assert ahp_lead(three, labels, consistent=True).startswith(
        "Med svarene dine veier «F1», «F2» og «F3» (20,0\u00a0% hver) mest og 9 av faktorene")
    assert " og «" not in ahp_lead(three, labels, consistent=True).split(" mest")[0].replace("«F2» og «F3»", "")


def test_the_advice_says_when_one_change_is_not_enough():
    """A tester's answers in a circle (A ≫ B, B ≫ C, C ≫ A, all at 9): the best single change still left CR at
    0,50, and the advice read as if it were the fix. It says now that more answers must change; a change that is
    enough is said as before."""
    from tests.robustness.test_ahp import matrix_from_positions

    circle = matrix_from_positions(3, {(0, 1): -8, (1, 2): -8, (0, 2): 8})
    text = tables.worst_judgment_text(ahp(circle), list("ABC"), circle)
    assert text.endswith(", fortsatt over 0,10: endre også andre svar som trekker i hver sin retning."), text
    off_scale = matrix_from_positions(3, {(0, 1): -8, (0, 2): -8, (1, 2): -8})
    enough = tables.worst_judgment_text(ahp(off_scale), list("ABC"), off_scale)
    assert "fortsatt" not in enough and enough.startswith("Forslag: endre «")


def test_downloads_get_numbers_not_the_display_text():
    """«Robusthet»'s smaa-rangaksept.xlsx held '100,0 %' and '1,000' as text: the page gave the downloads the
    formatted display table. The download tables keep numbers as numbers, in the display table's order."""
    import io

    from openpyxl import load_workbook

    from ikt_model.spreadsheet import excel_csv, xlsx

    result = smaa([[1, 0], [0, 1], [0, 0]], "uniform", samples=2000, seed=1)
    shown = tables.acceptability_table(result, ["A", "B", "C"])
    data = tables.acceptability_data(result, ["A", "B", "C"])
    assert list(data["Alternativ"]) == list(shown["Alternativ"])
    assert list(data.columns) == ["Alternativ", "Best (b¹) (%)", "Blant de tre beste (%)", "Helhetlig aksept",
                                  "Konfidens (%)"]
    top = data.iloc[0]
    assert top["Best (b¹) (%)"] == round(100 * max(result.first_rank), 2)
    assert top["Blant de tre beste (%)"] == 100.0 and pd.isna(data.iloc[-1]["Konfidens (%)"])
    ws = load_workbook(io.BytesIO(xlsx(data))).active
    assert all(isinstance(c.value, (int, float)) for c in ws[2][1:4])  # numbers in Excel, not «100,0 %» as text
    assert ws["E4"].value is None
    assert excel_csv(data).decode("utf-8-sig").split("\r\n")[1].split(";")[2] == "100"  # decimal comma form

    ones = [np.ones((len(ids), len(ids))) for _, ids in GROUPS]
    weights = tables.ahp_weights_data(KB, grouped_weights(np.ones((4, 4)), ones).weights)
    assert list(weights.columns) == ["Faktor", "Vekt (%)", "Poeng"] and set(weights["Vekt (%)"]) == {8.33}
    assert list(weights["Faktor"]) == list(tables.ahp_weights_table(KB, {f: 1 / 12 for f in range(1, 13)})["Faktor"])


def test_pages_give_the_downloads_numbers():
    """Pages that show a formatted table give spreadsheet.downloads the numeric one (no display table)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "pages"
    robustness, pairwise = (root / "robustness.py").read_text(), (root / "pairwise.py").read_text()
    assert "downloads(tables.acceptability_data(result, labels)" in robustness
    assert "downloads(tables.ahp_weights_data(kb, result_weights)" in pairwise
