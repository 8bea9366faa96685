"""Today's municipalities, population by date, and resolving a member (number or name) to today's structure."""

import csv
import json

import pytest

from ikt_model.config import REPO_ROOT
from ikt_model.municipalities import (
    DEFAULT_POPULATION_YEAR,
    POPULATION_YEARS,
    display_name,
    member_label,
    municipalities_2015,
    municipalities_today,
    picker_options,
    population,
    population_label,
    predecessors_2015,
    resolve_member,
    resolve_members,
    search_today,
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


@pytest.mark.parametrize("value, number", [("1508", "1508"), (1508, "1508"), ("301", "0301"), (301, "0301"),
                                           ("  1580 ", "1580"), ("1577", "1577")])
def test_todays_number_is_the_normal_case(value, number):
    res = resolve_member(value)
    assert res.status == "today" and res.kommunenummer == number and res.message == ""


@pytest.mark.parametrize("old, new, name", [
    ("1504", "1508", "Ålesund"), ("1523", "1508", "Ålesund"), ("1529", "1508", "Ålesund"),
    ("1534", "1580", "Haram"),  # Haram re-established in 2024 with its 2015 area (SSB grouping)
    ("0719", "3907", "Sandefjord"), ("1903", "5503", "Harstad"), ("0713", "3903", "Holmestrand"),
])
def test_2015_number_maps_to_todays_successor(old, new, name):
    res = resolve_member(old)
    assert res.status == "successor" and res.kommunenummer == new and res.municipality.navn == name
    assert res.former.kommunenummer == old
    assert res.message == f"{res.former.visningsnavn} ({old}, 2015) er i dag {member_label(new)}."


@pytest.mark.parametrize("old, candidates", [("1613", ["5055", "5056", "5059"]), ("1850", ["1806", "1875"]),
                                             ("Snillfjord", ["5055", "5056", "5059"])])
def test_split_2015_municipality_is_ambiguous_not_guessed(old, candidates):
    res = resolve_member(old)
    assert res.status == "ambiguous" and res.municipality is None and res.kommunenummer is None
    assert [c.kommunenummer for c in res.candidates] == candidates
    assert "ble delt" in res.message and "velg" in res.message


def test_2020_numbers_map_and_the_split_alesund_is_ambiguous():
    res = resolve_member("3001")  # Halden 2020–2023
    assert res.status == "successor" and res.kommunenummer == "3101"
    split = resolve_member("1507")  # Ålesund 2020–2023 -> Ålesund 1508 + Haram 1580
    assert split.status == "ambiguous"
    assert [c.kommunenummer for c in split.candidates] == ["1508", "1580"]


@pytest.mark.parametrize("text, number, status", [
    ("Ålesund", "1508", "today"), ("ålesund", "1508", "today"), ("HARAM", "1580", "today"),
    ("Herøy (Nordland)", "1818", "today"), ("herøy (møre og romsdal)", "1515", "today"),
    ("Kárášjohka - Karasjok", "5610", "today"), ("Oslove", "0301", "today"), ("Ålesund (1508)", "1508", "today"),
    ("1508 Ålesund", "1508", "today"),
    ("Ørskog", "1508", "successor"), ("Sande (Vestfold)", "3903", "successor"), ("Andebu", "3907", "successor"),
    ("Sande", "1514", "today"),  # today's Sande wins over the 2015 Sande in Vestfold
])
def test_names_resolve_case_insensitively(text, number, status):
    res = resolve_member(text)
    assert (res.status, res.kommunenummer) == (status, number)


@pytest.mark.parametrize("text, candidates", [("Herøy", ["1515", "1818"]), ("våler", ["3114", "3419"])])
def test_duplicate_name_without_county_is_ambiguous(text, candidates):
    res = resolve_member(text)
    assert res.status == "ambiguous" and [c.kommunenummer for c in res.candidates] == candidates
    assert "flere steder" in res.message


@pytest.mark.parametrize("value", ["9999", "12345", "Atlantis", "", "15"])
def test_unknown_is_reported_not_raised(value):
    res = resolve_member(value)
    assert res.status == "unknown" and res.kommunenummer is None and res.message.startswith("Ukjent")


def test_members_merged_when_one_municipality_today():
    result = resolve_members(["1504", "1523", "1529", "1577"])
    assert result.members == ("1508", "1577")
    assert result.notices == ("Ålesund (1504, 2015), Ørskog (1523, 2015) og Skodje (1529, 2015) er i dag én "
                              "kommune, Ålesund (1508): regnet som ett medlem.",)
    both = resolve_members(["1508", "1504"])
    assert both.members == ("1508",) and "Ålesund (1508) og Ålesund (1504, 2015)" in both.notices[0]


def test_members_ambiguous_unknown_duplicates_and_choices():
    result = resolve_members(["1613", "1508", "9999", "1508"])
    assert result.members == ("1508",)
    assert [r.query for r in result.ambiguous] == ["1613"] and [r.query for r in result.unknown] == ["9999"]
    assert result.duplicates == ("1508",)
    chosen = resolve_members(["1613", "1508"], choices={"1613": "5056"})
    assert chosen.members == ("5056", "1508") and not chosen.ambiguous
    assert "valgt Hitra (5056)" in chosen.notices[0]
    wrong = resolve_members(["1613"], choices={"1613": "0301"})  # not a candidate: still asked
    assert wrong.members == () and len(wrong.ambiguous) == 1


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


@pytest.mark.parametrize("text, expected", [
    ("åle", ["1508"]), ("ÅLE", ["1508"]), ("1508", ["1508"]), ("301", ["0301"]), ("oslove", ["0301"]),
    ("her", ["1515", "1818"]), ("Herøy (N", ["1818"]), ("sør-v", ["5605"]), ("", []), ("  ", []), ("xyz", []),
    ("ale", []),  # no letters scattered through a name (Holtålen, Våler)
])
def test_search_matches_name_or_word_prefix_or_number(text, expected):
    assert search_today(text) == expected


def test_search_is_limited_and_in_norwegian_order():
    hits = search_today("1", limit=500)
    assert len(hits) == len([n for n in municipalities_today() if n.startswith("1")])
    labels = [picker_options()[n] for n in search_today("s", limit=500)]
    assert labels == sorted(labels, key=lambda t: t.casefold().translate(str.maketrans("æøå", "{|}")))
    assert len(search_today("s")) == 12
