"""ui.overview_upload: what «Oppdater oversikten» says about a checked file, and files stored once."""

from ikt_model.overview.upload import read_upload
from ikt_model.overview.upload_rows import default_lookup
from ikt_model.overview.upload_template import template_csv
from ikt_model.ui import overview_upload, overview_version
from tests.overview.upload_files import ROWS


def test_a_valid_file_is_counted_and_a_refused_one_says_how_many_errors():
    good = read_upload("over*sikt*.csv", template_csv(ROWS), default_lookup())
    assert overview_upload.accepted_text(good) == (
        r"Alle 2 rader i «over\*sikt\*\.csv» er gyldige (5 medlemskap). Ingenting er lagret ennå.")
    bad = read_upload("feil.csv", template_csv([{**ROWS[0], "organisasjonsform": "xx"}]), default_lookup())
    assert not bad.ok and len(bad.errors) == 1
    assert overview_upload.refused_text(bad) == (
        r"Filen «feil\.csv» ble ikke lagret: 1 feil. Rett den og last opp filen på nytt.")


def test_a_stored_file_is_remembered_and_its_version_shown_next():
    state: dict = {}
    assert overview_upload.stored_as(state, "abc") is None
    overview_upload.remember_stored(state, "abc", 4)
    assert overview_upload.stored_as(state, "abc") == 4 and state[overview_version.PENDING] == 4


def test_the_starting_point_help_says_how_the_report_is_carried_over():
    assert overview_upload.starting_point_help(True).endswith("(medlemmer ført over til dagens kommunenummer, "
                                                              "§ 27 til KO).")
    assert overview_upload.starting_point_help(False) == "Den valgte versjonen i malens form, klar til å oppdateres."
    assert "dagens kommunenummer" in overview_upload.INSTRUCTIONS
