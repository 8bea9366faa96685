"""Overview versions in the durable store: saving, listing, the report's version 1, version databases, diff."""

import duckdb
import pytest

from ikt_model.overview import db, queries, versions
from ikt_model.overview.upload import read_upload
from ikt_model.overview.upload_rows import default_lookup
from ikt_model.overview.upload_template import template_csv
from ikt_model.overview.versions import OverviewRepository, VersionError, diff_versions
from ikt_model.store import StoreUnavailable, connect_store, schema_version


def upload_of(rows):
    report = read_upload("oversikt.csv", template_csv(rows), default_lookup())
    assert report.ok, report.errors
    return report.upload


ROWS = [
    {"samarbeid": "IKT Sunnmøre", "organisasjonsform": "ko", "medlemmer": ["1508", "1580", "1577"],
     "etablert_aar": 2020, "ansatte": 25},
    {"samarbeid": "Herøy-samarbeidet", "organisasjonsform": "iks", "medlemmer": ["1818", "1515"],
     "etablert_aar": 2012},
]


@pytest.fixture
def repo(tmp_path):
    return OverviewRepository(connect_store(tmp_path / "store.duckdb"))


def test_first_upload_becomes_version_2_and_the_report_stays_version_1(repo):
    assert [v.id for v in repo.versions()] == [1]
    info = repo.save(upload_of(ROWS), source="oversikt.csv", comment="Oppdatert av KS", operator=True)
    assert (info.id, info.source, info.comment, info.collaborations, info.memberships, info.numbering) == (
        2, "oversikt.csv", "Oppdatert av KS", 2, 5, "2024")
    assert info.created_at is not None
    second = repo.save(upload_of(ROWS[:1]), source="b.xlsx", operator=True)
    assert [v.id for v in repo.versions()] == [1, 2, 3] and repo.newest() == second
    report = repo.info(1)
    assert report.numbering == "2015" and report.collaborations == 41 and report.created_at is None


def test_stored_version_reads_back_exactly(repo):
    info = repo.save(upload_of(ROWS), source="oversikt.csv", operator=True)
    data = repo.load(info.id)
    assert [(c.navn, c.organisasjonsform, c.medlemmer, c.etablert_aar, c.ansatte) for c in data.collaborations] == [
        ("IKT Sunnmøre", "ko", ("1508", "1580", "1577"), 2020, 25),
        ("Herøy-samarbeidet", "iks", ("1818", "1515"), 2012, None)]


def test_unknown_version_and_refused_save(repo):
    with pytest.raises(VersionError, match="Fant ingen versjon 9"):
        repo.info(9)
    with pytest.raises(VersionError):
        repo.save({"rows": []}, source="x", operator=True)
    assert [v.id for v in repo.versions()] == [1]


def test_schema_is_versioned_and_reopen_keeps_versions(tmp_path):
    path = tmp_path / "store.duckdb"
    con = connect_store(path)
    OverviewRepository(con).save(upload_of(ROWS), source="a.csv", operator=True)
    assert schema_version(con, versions.COMPONENT) == len(versions.MIGRATIONS)
    con.close()
    again = OverviewRepository(connect_store(path))
    assert [v.id for v in again.versions()] == [1, 2]


def test_a_failed_write_stores_nothing(repo, monkeypatch):
    """The version row and its collaborations are one transaction: a failure half-way leaves no trace."""
    upload = upload_of(ROWS)
    original = duckdb.DuckDBPyConnection.register

    def broken_register(self, name, frame):
        if name == "_ov_members":
            raise duckdb.IOException("disk full")
        return original(self, name, frame)

    monkeypatch.setattr(duckdb.DuckDBPyConnection, "register", broken_register)
    with pytest.raises(StoreUnavailable) as info:  # the store's one Norwegian sentence, not DuckDB's text
        repo.save(upload, source="a.csv", operator=True)
    assert info.value.kind == "disk_full"
    monkeypatch.undo()
    assert [v.id for v in repo.versions()] == [1]
    cur = repo.con.cursor()
    assert cur.execute("SELECT count(*) FROM overview_collaborations").fetchone()[0] == 0


def test_version_database_answers_the_pages_queries(tmp_path, monkeypatch):
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    info = versions.shared_repository().save(upload_of(ROWS), source="a.csv", operator=True)
    cur = db.version_database(info.id).cursor()
    frame = queries.collaborations(cur, queries.OverviewFilter())
    assert frame["navn"].tolist() == ["Herøy-samarbeidet", "IKT Sunnmøre"]
    assert frame.set_index("navn").loc["IKT Sunnmøre", "medlemmer"] == "Ålesund, Haram, Volda"
    assert frame.set_index("navn").loc["Herøy-samarbeidet", "medlemmer"] == "Herøy (Nordland), Herøy (Møre og Romsdal)"
    assert frame.set_index("navn").loc["IKT Sunnmøre", "alder"] == info.created_at.year - 2020
    figures = queries.key_figures(cur, queries.OverviewFilter(forms=("ko",)))
    assert figures.samarbeid == 1 and figures.kommuner == 3
    options = queries.filter_options(cur)
    assert options.regions == () and options.forms[0] == "ko"
    assert options.form_labels["ko"] == "Kommunalt oppgavefellesskap (KO)"
    assert cur.execute("SELECT count(*) FROM kommuner").fetchone()[0] == 357
    # the report's version is untouched and still answers on 2015 numbers
    report = db.version_database(1).cursor()
    assert report.execute("SELECT count(*) FROM samarbeid").fetchone()[0] == 41
    assert report.execute("SELECT count(*) FROM kommuner").fetchone()[0] == 428


# -- diff ----------------------------------------------------------------------------------------------

def data(version_id, *collaborations):
    info = versions.VersionInfo(id=version_id, source="t", numbering="2024", collaborations=len(collaborations),
                                memberships=0)
    return versions.VersionData(info=info, collaborations=tuple(
        versions.Collaboration(key=k, navn=k.upper(), organisasjonsform=f, medlemmer=tuple(m))
        for k, f, m in collaborations))


def test_diff_finds_added_removed_form_and_member_changes():
    old = data(2, ("a", "ko", ["1508", "1580"]), ("b", "iks", ["0301", "1577"]), ("c", "as", ["1508", "1577"]))
    new = data(3, ("a", "iks", ["1508", "1577"]), ("c", "as", ["1577", "1508"]), ("d", "sa", ["0301", "1508"]))
    diff = diff_versions(old, new)
    assert (diff.old, diff.new, diff.added, diff.removed) == (2, 3, ("D",), ("B",))
    assert [(c.key, c.before, c.after) for c in diff.form_changed] == [("a", "ko", "iks")]
    assert [(c.key, c.joined, c.left) for c in diff.members_changed] == [("a", ("1577",), ("1580",))]
    lines = versions.diff_lines(diff, {"1577": "Volda", "1580": "Haram"})
    assert "Ny organisasjonsform: A: Kommunalt oppgavefellesskap (KO) → Interkommunalt selskap (IKS)" in lines
    assert "Nye medlemmer i A: Volda (1577)" in lines and "Gått ut av A: Haram (1580)" in lines
    assert diff_versions(new, new).unchanged


def test_report_version_in_todays_terms_maps_numbers_and_forms():
    report = versions.report_version_today_terms()
    by_name = {c.navn: c for c in report.collaborations}
    assert len(by_name) == 41
    # eKommune Sunnmøre: 2015 Ålesund (1504) and others -> today's numbers; § 27 -> KO
    ekommune = by_name["eKommune Sunnmøre"]
    assert "1508" in ekommune.medlemmer and "1504" not in ekommune.medlemmer
    assert len(set(ekommune.medlemmer)) == len(ekommune.medlemmer)
    forms = {c.organisasjonsform for c in report.collaborations}
    assert "ko" in forms and "par27" not in forms


def test_diff_against_the_report_after_re_uploading_it_unchanged(repo):
    """Export version 1 in today's terms, fill the missing years, upload: only the filled-in data differ."""
    rows = versions.export_rows(versions.report_version_today_terms())
    for r in rows:
        r["etablert_aar"] = r["etablert_aar"] or 2000
        r["organisasjonsform"] = r["organisasjonsform"] or "ko"
    info = repo.save(upload_of(rows), source="eksport.csv", operator=True)
    diff = diff_versions(repo.load(1), repo.load(info.id))
    assert diff.added == () and diff.removed == () and diff.members_changed == ()
    # only a collaboration whose 2015 form has no successor (samkommune) shows as a form change
    assert all(c.before is None for c in diff.form_changed)
