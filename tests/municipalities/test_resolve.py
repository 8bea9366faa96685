"""Resolving a member (number or name) to today's structure: today's numbers, 2015 and 2020–2023 numbers mapped
to their successor, split municipalities and shared names asked about, never guessed; several members merged."""

import pytest

from ikt_model.municipalities.labels import member_label
from ikt_model.municipalities.resolve import resolve_member, resolve_members


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
    former = "Sande (Vestfold, 0713, 2015)" if old == "0713" else f"{res.former.visningsnavn} ({old}, 2015)"
    assert res.message == f"{former} er i dag {member_label(new)}."  # one bracket: «Sande (Vestfold, 0713, 2015)»


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


def test_member_search_offers_todays_municipalities_then_a_former_ones_successor():
    from ikt_model.municipalities.resolve import search_members

    assert search_members("åle").hits == ("1508",) and search_members("åle").note == ""
    assert search_members("  ") == search_members("")
    assert search_members("").hits == () and search_members("").note == ""
    old = search_members("0722")  # Nøtterøy 2015
    assert old.hits == ("3911",) and old.note == f"Nøtterøy (0722, 2015) er i dag {member_label('3911')}."
    assert search_members("1850").hits == ("1806", "1875")  # Tysfjord 2015, split: both offered
    assert "ble delt mellom" in search_members("1850").note
    assert search_members("3005").hits == ("3301",)  # Drammen 2020–2023
    nothing = search_members("xyz")
    assert nothing.hits == () and nothing.note.startswith("Ingen av dagens kommuner har navn eller nummer som "
                                                          "begynner på «xyz»")


def test_member_search_offers_a_former_namesake_that_is_another_municipality_today():
    """Found by a fresh tester: «Os», «Bø» and «Sande» offered today's municipality of that name only, never the
    former one that is part of another today (a kommunedirektør in Bjørnafjorden typing «Os» got Os in Innlandet)."""
    from ikt_model.municipalities.resolve import search_members

    found = search_members("Os")
    assert found.hits[0] == "3430" and found.hits[-1] == "4624"  # today's Os first, Bjørnafjorden added
    assert found.note == "Os (Hordaland, 1243, 2015) er i dag Bjørnafjorden (4624)."  # one bracket, not two
    assert "4020" in search_members("bø").hits and "3903" in search_members("Sande").hits
    assert search_members("Herøy").hits == ("1515", "1818") and search_members("Herøy").note == ""  # both today's
