"""The profile: validated with Norwegian messages; members in today's structure, population by date and the
size flag derived from it (3.2)."""

import json

import pytest
from pydantic import ValidationError

from ikt_model.decision.profile import Profile
from ikt_model.municipalities import SIZE_RATIO_THRESHOLD, municipalities_today, population
from ikt_model.ui.messages import norwegian_errors


def test_todays_numbers_and_names_are_the_normal_case():
    p = Profile(municipalities=3, members=["1508", "Haram", "volda"])
    assert p.members == ["1508", "1580", "1577"] and p.member_notices == ()
    assert p.population_year == 2026
    assert p.members_population == sum(municipalities_today()[k].folketall[2026] for k in p.members)


def test_old_file_with_2015_members_loads_merged_with_a_notice():
    old = {"status": "new", "municipalities": 4, "members": ["1504", "1523", "1529", "1577"]}
    p = Profile.model_validate(old)
    assert p.members == ["1508", "1577"] and p.municipalities == 2
    assert p.member_notices == ("Ålesund (1504, 2015), Ørskog (1523, 2015) og Skodje (1529, 2015) er i dag én "
                                "kommune, Ålesund (1508): regnet som ett medlem.",)
    again = Profile.model_validate_json(p.model_dump_json())  # what is saved is today's structure
    assert again == p and again.member_notices == ()
    moved = Profile(municipalities=1, members=["0719"])
    assert moved.members == ["3907"] and moved.member_notices == ("Andebu (0719, 2015) er i dag Sandefjord (3907).",)


@pytest.mark.parametrize("members, message", [
    (["1850"], "Tysfjord (1850, 2015) ble delt mellom Narvik (1806) og Hamarøy (1875)"),
    (["Herøy"], "«Herøy» finnes flere steder: velg Herøy (Møre og Romsdal, 1515) eller Herøy (Nordland, 1818)"),
    (["1508", "1508"], "Samme kommune er oppgitt flere ganger: 1508"),
    (["9999"], "Ukjent kommunenummer: 9999"),
])
def test_split_shared_name_repeated_or_unknown_members_are_refused(members, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Profile(municipalities=len(members), members=members)


def test_size_flag_is_derived_from_members_population():
    # Ålesund and Sande (Møre og Romsdal): far more than ten times as many inhabitants
    big = Profile(municipalities=2, members=["1508", "1514"])
    ratio = population("1508") / population("1514")
    assert ratio >= SIZE_RATIO_THRESHOLD and big.large_size_differences is True
    assert big.size_difference.largest == "1508" and big.size_difference.smallest == "1514"
    assert "Terskelen er 10 ganger" in big.size_difference.text and "(3.2)" in big.size_difference.text
    assert "folketall 1.1.2026, SSB" in big.size_difference.text
    # Volda and Ørsta: similar sizes; a stored True from an old file is overridden by the members
    similar = Profile.model_validate({"municipalities": 2, "members": ["1577", "1520"], "large_size_differences": True})
    assert similar.large_size_differences is False and similar.size_difference.ratio < 2
    # without members it stays the user's answer
    assert Profile(large_size_differences=True).large_size_differences is True
    assert Profile(large_size_differences=True).size_difference is None
    assert Profile(municipalities=1, members=["1508"], large_size_differences=True).large_size_differences is True


def test_population_year_can_be_chosen_and_is_checked():
    p = Profile(municipalities=2, members=["1508", "1577"], population_year=2015)
    assert p.members_population == population("1508", 2015) + population("1577", 2015)
    assert "folketall 1.1.2015, SSB" in p.size_difference.text
    with pytest.raises(ValidationError, match="ikke 2020"):
        Profile(population_year=2020)


def test_profile_file_of_the_previous_version_still_loads():
    old_file = json.dumps({"name": "Søre Sunnmøre", "status": "existing_working", "current_model": "ks",
                           "current_form": "iks", "municipalities": 3, "members": ["1515", "1511", "1514"],
                           "host_on_robek": False, "board_of_chief_executives": True,
                           "iks_council_of_chief_executives": False, "sells_services_to_others": False,
                           "scope": "operations_and_development", "can_borrow": True, "stable_operations": True,
                           "large_size_differences": False})
    p = Profile.model_validate_json(old_file)
    assert p.members == ["1515", "1511", "1514"] and p.population_year == 2026


def test_existing_collaboration_needs_current_model_and_form():
    with pytest.raises(ValidationError, match="nåværende styringsmodell og organisasjonsform"):
        Profile(status="existing_working", current_model="ks")


def test_members_are_todays_municipalities():
    assert Profile(municipalities=2, members=["0301", "5001"]).members == ["0301", "5001"]  # Trondheim today
    assert Profile(municipalities=2, members=["0301", "1201"]).members == ["0301", "4601"]  # Bergen 2015 -> today
    with pytest.raises(ValidationError, match="Ukjent kommunenummer: 9999"):
        Profile(municipalities=1, members=["9999"])


def test_member_count_must_match():
    with pytest.raises(ValidationError, match="stemmer ikke"):
        Profile(municipalities=3, members=["0301", "1201"])


def test_profile_json_round_trip_and_unknown_fields_refused():
    p = Profile(name="Test", status="existing_struggling", current_model="hybrid", current_form="iks")
    assert Profile.model_validate_json(p.model_dump_json()) == p
    with pytest.raises(ValidationError):
        Profile.model_validate({"status": "new", "colour": "red"})


def test_a_yes_is_not_a_number_of_municipalities():
    """A hand-made share link or file with «"municipalities": true» was read as 1 (pydantic's lax int)."""
    for flag in (True, False):
        with pytest.raises(ValidationError) as info:
            Profile(municipalities=flag)
        assert norwegian_errors(info.value) == ["Antall kommuner må være et helt tall, ikke ja eller nei"]
    assert Profile(municipalities=3).municipalities == 3
