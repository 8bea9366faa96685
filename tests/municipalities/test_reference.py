"""Today's municipalities and those of 2015 as the reference data give them, and population by date."""

import csv
import json

import pytest

from ikt_model.config import REPO_ROOT
from ikt_model.municipalities.labels import display_name
from ikt_model.municipalities.reference import (
    DEFAULT_POPULATION_YEAR,
    POPULATION_YEARS,
    municipalities_2015,
    municipalities_today,
    population,
    population_label,
    predecessors_2015,
    successors_2024,
)

REFERENCE = REPO_ROOT / "data" / "reference"


def _csv(name):
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_today_has_357_with_names_county_population_and_area():
    today = municipalities_today()
    assert len(today) == 357
    assert list(today) == sorted(today)
    oslo = today["0301"]
    assert (oslo.navn, oslo.navn_ssb, oslo.fylke, oslo.navn_parallelle) == ("Oslo", "Oslo - Oslove", "Oslo",
                                                                            ("Oslove",))
    assert oslo.folketall == {2026: 728_714, 2025: 724_290, 2024: 717_710}
    assert oslo.areal_km2 == pytest.approx(454.12)
    # the national totals equal SSB's (PROVENANCE_2024.md, section 2)
    assert sum(m.folketall[2026] for m in today.values()) == 5_627_400
    assert sum(m.folketall[2025] for m in today.values()) == 5_594_340
    assert sum(m.folketall[2024] for m in today.values()) == 5_550_203


def test_duplicate_names_are_shown_with_county_and_only_those():
    today = municipalities_today()
    assert today["1818"].visningsnavn == "Herøy (Nordland)"
    assert today["1515"].visningsnavn == "Herøy (Møre og Romsdal)"
    assert today["3114"].visningsnavn == "Våler (Østfold)"
    assert today["3419"].visningsnavn == "Våler (Innlandet)"
    with_county = sorted(m.kommunenummer for m in today.values() if m.visningsnavn != m.navn)
    assert with_county == ["1515", "1818", "3114", "3419"]
    assert len({m.visningsnavn for m in today.values()}) == 357  # display names are unique
    old = municipalities_2015()
    assert len({m.visningsnavn for m in old.values()}) == 428
    assert old["0713"].visningsnavn == "Sande (Vestfold)" and old["1514"].visningsnavn == "Sande (Møre og Romsdal)"
    assert old["1511"].visningsnavn == "Vanylven"
    assert display_name("1818") == "Herøy (Nordland)" and display_name("0713") == "Sande (Vestfold)"
    assert display_name("9999") == "9999"


def test_every_number_in_both_lists_is_the_same_municipality():
    """A number that exists in 2015 and today means the same place: same name, and the 2015 municipality's
    successor is itself (no renames occur in the data; the official names differ only by added Sami/Kven
    parallel names or a dropped county suffix)."""
    old, today, succ = municipalities_2015(), municipalities_today(), successors_2024()
    shared = sorted(set(old) & set(today))
    assert len(shared) == 83
    for number in shared:
        assert old[number].navn == today[number].navn, number
        assert succ[number].kommunenummer == number, number
        assert old[number].fylke == today[number].fylke, number
    # and no 2015 number that is gone is reused today for a different place
    assert all(s.kommunenummer in today for s in succ.values())


def test_reference_files_agree_with_each_other():
    rows = _csv("kommuner_2024.csv")
    succ_rows = _csv("kommune_successors.csv")
    assert {r["kommunenummer"] for r in rows} == {r["kommunenummer_2024"] for r in succ_rows}
    features = json.loads((REFERENCE / "kommuner_2024.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["kommunenummer"] for f in features) == sorted(municipalities_today())
    assert (REPO_ROOT / "static" / "kommuner_2024.geojson").read_bytes() == \
        (REFERENCE / "kommuner_2024.geojson").read_bytes()
    assert "Kartverket" in (REPO_ROOT / "static" / "LICENSE-kommuner_2024.txt").read_text(encoding="utf-8")


def test_population_by_date():
    assert POPULATION_YEARS[0] == DEFAULT_POPULATION_YEAR == 2026
    assert population("1508") == municipalities_today()["1508"].folketall[2026]
    assert population("1508", 2024) == municipalities_today()["1508"].folketall[2024]
    # 2015: the sum of the predecessors (Ålesund, Ørskog, Skodje, Sandøy) on 1.1.2015
    old = municipalities_2015()
    assert predecessors_2015()["1508"] == ("1504", "1523", "1529", "1546")
    assert population("1508", 2015) == sum(old[k].folketall for k in ("1504", "1523", "1529", "1546"))
    assert sum(population(k, 2015) for k in municipalities_today()) == 5_165_802
    assert municipalities_today()["0301"].population(2025) == 724_290
    assert population_label() == "folketall 1.1.2026, SSB" and population_label(2015) == "folketall 1.1.2015, SSB"
    with pytest.raises(ValueError, match="2023"):
        population("0301", 2023)
    with pytest.raises(KeyError):
        population("1504")
