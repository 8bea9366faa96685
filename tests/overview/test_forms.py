"""Organisation forms in 2026 terms: what a template cell may say, what outdated words are told, 2015 -> 2026."""

import pytest

from ikt_model.overview import forms
from ikt_model.overview.source import FORM_IDS


@pytest.mark.parametrize("text, expected", [
    ("KO", "ko"), ("kommunalt oppgavefellesskap", "ko"), ("  Kommunalt  Oppgavefellesskap. ", "ko"),
    ("IKS", "iks"), ("Interkommunalt selskap (IKS)", "iks"),
    ("vertskommune administrativt", "vertskommune_adm"), ("Administrativt vertskommunesamarbeid", "vertskommune_adm"),
    ("vertskommune med felles folkevalgt nemnd", "vertskommune_nemnd"),
    ("AS", "as"), ("aksjeselskap", "as"), ("SA", "sa"), ("samvirkeforetak", "sa"),
    ("avtale", "avtale"), ("samarbeidsavtale", "avtale"),
])
def test_accepted_spellings(text, expected):
    assert forms.parse_form(text) == expected


@pytest.mark.parametrize("text, hint", [
    ("§ 27", "bruk KO"), ("samkommune", "avviklet innen 1.1.2020"),
    ("vertskommune", "«vertskommune administrativt» eller «vertskommune med felles folkevalgt nemnd»"),
    ("stiftelse", "Gyldige: KO, IKS"),
])
def test_unknown_and_outdated_forms_say_what_to_write(text, hint):
    with pytest.raises(ValueError, match="Ukjent organisasjonsform") as raised:
        forms.parse_form(text)
    assert hint in str(raised.value)


def test_every_label_is_accepted_and_every_2015_form_is_mapped():
    assert {forms.parse_form(label) for label in forms.FORM_LABELS_2026.values()} == set(forms.FORMS_2026)
    assert set(forms.FROM_2015) == set(FORM_IDS)
    assert forms.FROM_2015["par27"] == "ko" and forms.FROM_2015["samkommune"] is None
    assert all(v is None or v in forms.FORMS_2026 for v in forms.FROM_2015.values())
    assert forms.form_label(None) == "ingen (avviklet form)" and forms.form_label("sa") == "Samvirkeforetak (SA)"
