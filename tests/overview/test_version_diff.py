"""Comparing two versions: collaborations added and removed, new organisation forms, members joined and left,
and the report's version 1 compared in today's terms."""

from ikt_model.overview import version_diff, versions
from ikt_model.overview.version_diff import diff_versions

from .upload_files import upload_of


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
    lines = version_diff.diff_lines(diff, {"1577": "Volda", "1580": "Haram"})
    assert "Ny organisasjonsform: A: Kommunalt oppgavefellesskap (KO) → Interkommunalt selskap (IKS)" in lines
    assert "Nye medlemmer i A: Volda (1577)" in lines and "Gått ut av A: Haram (1580)" in lines
    assert diff_versions(new, new).unchanged


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


def test_summary_says_the_changes_are_among_those_in_both_versions():
    """A 2-row upload against the report read «2 nye samarbeid, 41 fjernet, 0 med ny organisasjonsform, 0 nye og
    0 utgåtte medlemskap»: the member counts cover only collaborations in both versions, and now it says so."""
    old = data(1, ("a", "ko", ["1508"]), ("b", "iks", ["0301"]), ("c", "as", ["1577"]))
    new = data(2, ("d", "ko", ["1508"]), ("e", "iks", ["0301"]))
    diff = diff_versions(old, new)
    assert diff.common == 0
    assert version_diff.diff_summary(diff) == ("Fra versjon 1 til versjon 2: 2 nye samarbeid, 3 fjernet. "
                                               "Ingen samarbeid finnes i begge versjonene.")
    moved = data(3, ("a", "iks", ["1508", "1577"]), ("c", "as", ["1577"]), ("d", "ko", []))
    assert version_diff.diff_summary(diff_versions(old, moved)) == (
        "Fra versjon 1 til versjon 3: 1 nytt samarbeid, 1 fjernet. Blant de 2 samarbeidene som finnes i begge: "
        "1 med ny organisasjonsform, 1 nye og 0 utgåtte medlemskap.")
    one = data(4, ("a", "ko", []))
    assert version_diff.diff_summary(diff_versions(old, one)) == (
        "Fra versjon 1 til versjon 4: 0 nye samarbeid, 2 fjernet. I det ene samarbeidet som finnes i begge: "
        "0 med ny organisasjonsform, 0 nye og 1 utgåtte medlemskap.")
