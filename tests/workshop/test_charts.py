"""Workshop charts from the group result."""

from datetime import datetime

from ikt_model.decision.profile import Profile
from ikt_model.decision.registry import FACTOR_IDS
from ikt_model.workshop import aggregation as agg
from ikt_model.workshop.charts import disagreement_figure, group_weights_figure, ranking_figure, winners_figure
from ikt_model.workshop.models import Vote

NOW = datetime(2026, 1, 1)


def vote(points, name="") -> Vote:
    pts = {f: float(points.get(f, 0)) for f in FACTOR_IDS}
    return Vote(participant="D-x", display_name=name, points=pts, revisions=1, updated_at=NOW)


def test_charts_have_all_rows_in_order():
    votes = [vote({1: 10, 2: 1}), vote({2: 10, 7: 3}), vote({f: 2 for f in FACTOR_IDS})]
    result = agg.group_result(Profile(), votes)
    wf = group_weights_figure(result)
    assert len(wf.data[0].y) == 12 and wf.data[0].y[0].startswith("1. ")
    df = disagreement_figure(result)
    assert [y.replace("<br>", " ") for y in df.data[0].y] == [s.label for s in result.spreads]
    assert "mest omstridt" in df.layout.title.text
    rf = ranking_figure(result)
    assert rf.data[0].y[0].startswith("1. ")
    wins = winners_figure(result)
    assert sum(wins.data[0].x) == result.participants == 3  # every participant counted once


def test_each_participant_counts_once_and_a_tie_is_labelled():
    """Three participants, one weighing only «Ledelse» (several alternatives share first place): three
    counted, not eight; the tie is one labelled bar."""
    from ikt_model.decision.weights import preset

    votes = [vote(preset("rapport").points), vote(preset("rapport").points), vote({12: 10})]
    result = agg.group_result(Profile(), votes)
    groups = result.winner_groups
    assert sum(g.count for g in groups) == 3
    tie = [g for g in groups if g.tied]
    assert len(tie) == 1 and tie[0].count == 1 and len(tie[0].keys) > 1
    assert tie[0].label.startswith("Likt mellom") or "(likt)" in tie[0].label
    alone = [g for g in groups if not g.tied]
    assert alone[0].count == 2
    fig = winners_figure(result)
    assert list(fig.data[0].x) == [g.count for g in groups] and sum(fig.data[0].x) == 3
    assert "hver telt én gang" in fig.layout.title.text and fig.layout.font.size >= 18


def test_long_labels_are_broken_into_lines_and_the_rows_hold_them():
    """A fresh tester: at 1280 px the live result's charts (two side by side) cut their labels' first letters
    («igitalisering og teknologisk utvikling»). Labels over LABEL_CHARS are broken at spaces, the rows are taller
    for it, and the projector's full-width ranking keeps one line."""
    from ikt_model.workshop.charts import LABEL_CHARS, wrap_label

    assert wrap_label("Digitalisering og teknologisk utvikling") == "Digitalisering og<br>teknologisk utvikling"
    assert wrap_label("Ledelse") == "Ledelse"
    result = agg.group_result(Profile(), [vote({1: 10, 2: 1}), vote({f: 2 for f in FACTOR_IDS})])
    for figure in (group_weights_figure(result), disagreement_figure(result), ranking_figure(result)):
        lines = [y.split("<br>") for y in figure.data[0].y]
        assert all(len(line) <= LABEL_CHARS for label in lines for line in label if " " in line), lines
        assert figure.layout.height > 120 + 34 * len(lines)  # taller rows for the second line
    assert all("<br>" not in y for y in ranking_figure(result, height=470).data[0].y)
