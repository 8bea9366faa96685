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
    assert list(df.data[0].y) == [s.label for s in result.spreads]
    assert "mest omstridt" in df.layout.title.text
    rf = ranking_figure(result)
    assert rf.data[0].y[0].startswith("1. ")
    wins = winners_figure(result)
    assert sum(wins.data[0].x) == sum(r.winners for r in result.ranking)
