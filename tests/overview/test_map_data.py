"""What the «Kart» page asks the overview database (ikt_model.overview.map_data), against the real database."""

from __future__ import annotations

from tests.overview.map_rows import COLUMNS


def test_real_map_rows_cover_the_428_municipalities(real_map):
    rows, collaborations = real_map
    assert rows["kommunenummer"].nunique() == 428
    assert set(rows.columns) >= set(COLUMNS)
    assert len(collaborations) == 41
    iveland = rows[rows["kommunenummer"] == "0935"]
    assert len(iveland) == 2

