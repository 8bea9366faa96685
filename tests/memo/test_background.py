"""«Bakgrunn» of the memo (ikt_model.memo.background): the members with their counties and population."""

from ikt_model import format as fmt
from ikt_model.municipalities import municipalities_today
from tests.memo.memo_cases import memo_text


def test_background_names_the_members_and_their_population(memo):
    text = memo_text(memo)
    population = fmt.number(sum(municipalities_today()[k].folketall[2026] for k in ("1515", "1511", "1514")))
    assert "Herøy (Møre og Romsdal), Vanylven, Sande" in text                               # profile, county
    assert f"{population} innbyggere (folketall 1.1.2026, SSB)" in text                      # population, date
