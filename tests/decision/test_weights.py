import math

import pytest
from pydantic import ValidationError

from ikt_model.decision.weights import Weights, WeightsError, preset, rank_sum_fractions, roc_fractions


def test_roc_weights_match_barron_barrett():
    w = roc_fractions(12)
    assert math.isclose(sum(w), 1.0)
    assert math.isclose(w[0], 0.2586, abs_tol=1e-4) and math.isclose(w[11], 0.0069, abs_tol=1e-4)
    assert all(a > b for a, b in zip(w, w[1:], strict=False))
    assert math.isclose(rank_sum_fractions(12)[0], 12 / 78)


def test_presets_are_rounded_points_in_priority_order():
    r = preset("rapport")
    assert r.points[1] == 25.9 and r.points[12] == 0.7
    assert math.isclose(sum(preset("like").fractions().values()), 1.0)
    with pytest.raises(WeightsError, match="Ukjent vektsett"):
        preset("tilfeldig")


@pytest.mark.parametrize("points,message", [
    ({i: 0 for i in range(1, 13)}, "større enn null"),
    ({1: -1, 2: 5}, "negativ"),
    ({1: "mye"}, "må være et tall"),
    ({1: float("nan")}, "endelig"),
    ({13: 5}, "Ukjent faktor"),
    ({1: 1000}, "høyst"),
])
def test_bad_weights_are_refused_in_norwegian(points, message):
    with pytest.raises((WeightsError, ValidationError), match=message):
        Weights(points=points)


def test_missing_factor_ids_count_as_zero():
    w = Weights(points={"1": 30, "2": 10})
    assert w.fractions()[1] == 0.75 and w.fractions()[12] == 0.0


def test_every_weight_source_has_a_norwegian_label_and_presets_are_sources():
    """The sources live in the domain (scenario files are checked against them); the UI reads them from here."""
    from ikt_model.decision import weights
    from ikt_model.ui import session

    assert set(weights.PRESET_LABELS) <= set(weights.WEIGHT_SOURCES)
    for source in (weights.CUSTOM, weights.AHP, weights.WORKSHOP, weights.SHARED_LINK, weights.SCENARIO):
        assert weights.source_label(source) != source
    assert weights.source_label("AHP") == "Parvise sammenligninger (AHP)"
    assert weights.source_label("fra en fil") == "fra en fil"  # a scenario file's own text is shown as it is
    assert session.WEIGHT_SOURCES is weights.WEIGHT_SOURCES and session.source_label is weights.source_label
