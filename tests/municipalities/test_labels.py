"""Finding today's municipalities as a user types: name or word prefix or number, in Norwegian order."""

import pytest

from ikt_model.municipalities.labels import picker_options, search_today
from ikt_model.municipalities.reference import municipalities_today


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


def test_a_number_goes_into_a_names_own_bracket():
    from ikt_model.municipalities.labels import numbered

    assert numbered("Nøtterøy", "0722") == "Nøtterøy (0722)"
    assert numbered("Sande (Vestfold)", "0713, 2015") == "Sande (Vestfold, 0713, 2015)"
