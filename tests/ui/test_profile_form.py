"""Loading a saved profile file on «Samarbeidet»: old 2015 numbers, splits asked about, bad files refused."""

import json

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.municipalities import population
from ikt_model.ui.profile_form import (
    MAX_PROFILE_BYTES,
    build_profile,
    load_profile_file,
    municipality_options,
    profile_summary,
)


def _file(**fields) -> bytes:
    return json.dumps({"status": "new", **fields}).encode("utf-8")


def test_todays_profile_loads_as_is():
    loaded = load_profile_file(_file(municipalities=2, members=["1508", "1580"]))
    assert loaded.profile.members == ["1508", "1580"] and not loaded.errors and not loaded.questions
    assert loaded.notices == []


def test_2015_file_is_mapped_merged_and_the_split_member_asked_about():
    content = _file(municipalities=4, members=["1504", "1523", "1850", "1577"])
    first = load_profile_file(content)
    assert first.profile is None and not first.errors
    (question,) = first.questions
    assert question.query == "1850" and [c.kommunenummer for c in question.candidates] == ["1806", "1875"]
    assert "Tysfjord (1850, 2015) ble delt" in question.message
    answered = load_profile_file(content, {"1850": "1875"})
    assert answered.profile.members == ["1508", "1875", "1577"] and answered.profile.municipalities == 3
    assert answered.notices == [
        "Ålesund (1504, 2015) og Ørskog (1523, 2015) er i dag én kommune, Ålesund (1508): regnet som ett medlem.",
        "Tysfjord (1850, 2015): valgt Hamarøy (1875)."]
    wrong = load_profile_file(content, {"1850": "0301"})  # not a candidate: asked again
    assert wrong.profile is None and len(wrong.questions) == 1


@pytest.mark.parametrize("content, message", [
    (b"{not json", "ikke gyldig JSON"),
    (b"\xff\xfe", "ikke gyldig JSON"),
    (b"[1, 2]", "forventet et JSON-objekt"),
    (_file(municipalities=1, members=["9999"]), "Ukjent kommunenummer: 9999"),
    (_file(colour="red"), "er ikke et kjent felt"),
    (b" " * (MAX_PROFILE_BYTES + 1), "for stor"),
])
def test_bad_files_are_refused_in_norwegian(content, message):
    loaded = load_profile_file(content)
    assert loaded.profile is None and any(message in e for e in loaded.errors)


def test_utf8_bom_is_accepted():
    assert load_profile_file("\ufeff".encode() + _file(name="Søre")).profile.name == "Søre"


def test_picker_options_are_todays():
    assert len(municipality_options()) == 357


def test_the_typed_municipality_count_is_read_or_refused_in_norwegian():
    """«Antall kommuner» comes as the text typed in its field: read as a whole number from 1 to 500, else one
    Norwegian error (also given as `count_error`, for the field) and no profile; members decide the count."""
    assert build_profile({"municipalities": " 7 "}).profile.municipalities == 7
    assert build_profile({"municipalities": 7}).profile.municipalities == 7
    for text in ("3,7", "0", ""):
        result = build_profile({"municipalities": text})
        assert result.profile is None and result.errors == ["Antall kommuner må være et helt tall fra 1 til 500."]
        assert result.count_error == result.errors[0]
    with_members = build_profile({"municipalities": "3,7", "members": ["1508", "1580"]})
    assert with_members.profile.municipalities == 2 and with_members.count_error is None


def test_a_pasted_name_longer_than_120_characters_is_cut_with_a_note():
    """A name pasted longer than the limit is kept, cut to 120 characters, and the user is told (the browser
    dropped such a paste without a word when the field had a character limit)."""
    long_name = ("Interkommunalt samarbeid om digitalisering " * 6)[:234]
    result = build_profile({"name": long_name, "status": "new", "municipalities": "5"})
    assert result.profile.name == long_name[:120].rstrip() and len(result.profile.name) <= 120
    assert result.notices == ["Navnet er kortet til 120 tegn."]
    short = build_profile({"name": "  Kort navn ", "status": "new", "municipalities": "5"})
    assert short.profile.name == "Kort navn" and short.notices == []


def test_the_summary_line_names_status_count_and_the_members_population_with_its_source():
    assert profile_summary(Profile(municipalities=1)) == "**Nytt samarbeid** · **1 kommune** (ingen medlemmer valgt)"
    working = Profile(status="existing_working", current_model="ks", current_form="iks", municipalities=12)
    assert profile_summary(working) == ("**Eksisterende samarbeid som fungerer** · **12 kommuner** (ingen medlemmer "
                                        "valgt)")
    members = Profile(members=["1508", "1577"], municipalities=2, population_year=2015)
    expected = sum(population(m, 2015) for m in ["1508", "1577"])
    line = profile_summary(members)
    assert line.endswith(" innbyggere** (folketall 1.1.2015, SSB)") and "**2 kommuner**" in line
    assert f"{expected:,}".replace(",", "\u00a0") in line and expected > 50_000  # Norwegian thousands


def test_the_downloaded_profile_is_named_after_the_collaboration():
    from ikt_model.decision.profile import Profile
    from ikt_model.ui.profile_form import profile_file_name

    assert profile_file_name(Profile(name="IKT Nordmøre / Romsdal")) == "profil-ikt-nordmøre-romsdal.json"
    assert profile_file_name(Profile()) == "profil.json"
    assert profile_file_name(Profile(name="  ")) == "profil.json"


def test_the_member_search_says_a_former_numbers_successor_and_a_member_already_there():
    from ikt_model.ui.profile_form import member_added_notice

    assert member_added_notice(["1508"], "1508") == "Ålesund (1508) er allerede med."
    assert member_added_notice(["1508"], "1508", "Ålesund (1504, 2015) er i dag Ålesund (1508).") == (
        "Ålesund (1508) er allerede med.")
    assert member_added_notice(None, "3911", "Nøtterøy (0722, 2015) er i dag Færder (3911).") == (
        "Nøtterøy (0722, 2015) er i dag Færder (3911).")
    assert member_added_notice([], "1508") == ""


def test_the_summary_line_names_a_named_collaboration_as_text():
    from ikt_model.decision.profile import Profile

    assert profile_summary(Profile(name="IKT Nordmøre", municipalities=3)) == (
        "IKT Nordmøre: **Nytt samarbeid** · **3 kommuner** (ingen medlemmer valgt)")
    assert profile_summary(Profile(name="*Vest* [lenke](x)")).startswith("\\*Vest\\* \\[lenke\\]\\(x\\): ")
