"""«Lignende samarbeid»: ranking by shared members (Jaccard) or by size, population, region and form."""

from __future__ import annotations

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.format import NBSP
from ikt_model.overview import similar
from ikt_model.overview.db import open_overview_database
from tests.markdown_text import shown

KRISTIANSAND, IVELAND, BIRKENES, OSLO = "1001", "0935", "0928", "0301"


@pytest.fixture(scope="module")
def cur():
    con = open_overview_database(":memory:")
    cursor = con.cursor()
    yield cursor
    cursor.close()
    con.close()


def _members_of(cur, collaboration_id: str) -> list[str]:
    return [r[0] for r in cur.execute(
        "SELECT kommunenummer FROM medlemskap WHERE samarbeid_id = ? AND medlemstype = 'kommune'",
        [collaboration_id]).fetchall()]


def _agder_profile(**extra) -> Profile:
    return Profile(municipalities=3, members=[KRISTIANSAND, IVELAND, BIRKENES], **extra)


def test_members_mode_ranks_by_jaccard_and_lists_shared_municipalities(cur):
    result = similar.similar_collaborations(cur, _agder_profile())
    assert result.mode == "members" and result.note is None
    assert [r.navn for r in result.rows] == ["KR-IKT", "Setesdal IKT"]  # only collaborations with shared members
    kr, setesdal = result.rows
    # in today's structure: KR-IKT's Kristiansand and Songdalen (2015) are one municipality, Kristiansand 4204,
    # so KR-IKT has 4 members today: 3 shared, 4 in the union
    assert kr.jaccard == pytest.approx(3 / 4) and kr.likhet == pytest.approx(3 / 4)
    assert setesdal.jaccard == pytest.approx(1 / 7)
    assert kr.felles_kommuner == ["Birkenes", "Iveland", "Kristiansand"]
    assert "3 av deres 3 kommuner er med (Birkenes, Iveland, Kristiansand)" in kr.begrunnelse
    assert "Jaccard-likhet 0,75" in kr.begrunnelse
    assert [r.rang for r in result.rows] == [1, 2]


def test_identical_members_give_jaccard_one(cur):
    members = _members_of(cur, "ddo")
    result = similar.similar_collaborations(cur, Profile(municipalities=len(members), members=members))
    assert result.rows[0].id == "ddo" and result.rows[0].jaccard == pytest.approx(1.0)
    assert "like mange kommuner" in result.rows[0].begrunnelse


def test_population_and_region_are_derived_from_members(cur):
    result = similar.similar_collaborations(cur, _agder_profile(), mode="profile")
    # the members are today's (Kristiansand 4204 = Kristiansand, Søgne, Songdalen of 2015): compared with the
    # report's collaborations on 1.1.2015, their population is that of their 2015 predecessors
    expected = sum(r[0] for r in cur.execute(
        "SELECT k.folketall FROM kommuner k JOIN kommune_etterfolgere e ON e.kommunenummer_2015 = k.kommunenummer "
        "WHERE e.kommunenummer_2024 IN ('4204', '4218', '4216')").fetchall())
    assert result.population == expected
    assert expected > sum(r[0] for r in cur.execute(
        "SELECT folketall FROM kommuner WHERE kommunenummer IN (?, ?, ?)",
        [KRISTIANSAND, IVELAND, BIRKENES]).fetchall())
    assert result.region == "Agder" and result.region_derived
    assert similar.members_region(cur, [OSLO]) is None  # no collaboration in Oslo's county
    assert similar.members_region(cur, []) is None
    top = result.rows[0]
    assert "innbyggere mot deres" in top.begrunnelse and f"{NBSP}" in top.begrunnelse


def test_profile_mode_without_members_compares_size_only(cur):
    result = similar.similar_collaborations(cur, Profile(municipalities=5))
    assert result.mode == "profile" and result.population is None and result.region is None
    assert len(result.rows) == 10
    assert all(r.antall_kommuner == 5 and r.likhet == pytest.approx(1.0) for r in result.rows)
    assert [r.navn for r in result.rows] == sorted(r.navn for r in result.rows)  # ties by name
    assert result.rows[0].begrunnelse == "Like mange kommuner (5)."


def test_profile_similarity_weights_size_region_and_form(cur):
    profile = Profile(status="existing_working", current_model="ks", current_form="vertskommune", municipalities=3)
    result = similar.similar_collaborations(cur, profile, region="Agder", limit=41)
    by_id = {r.id: r for r in result.rows}
    # DDØ: 5 municipalities (size 1 - 2/5), Agder, vertskommune -> (0.4*0.6 + 0.2 + 0.2) / 0.8
    assert by_id["ddo"].likhet == pytest.approx((0.4 * 0.6 + 0.2 + 0.2) / 0.8)
    # IKT Agder: 3 municipalities, Agder, IKS -> (0.4 + 0.2) / 0.8
    assert by_id["ikt-agder"].likhet == pytest.approx(0.75)
    assert result.rows[0].id == "ddo"
    assert "samme KS-region (Agder)" in by_id["ddo"].begrunnelse
    assert "samme organisasjonsform som dere (Vertskommune (§ 28-1 b))" in by_id["ddo"].begrunnelse
    assert "annen organisasjonsform" in by_id["ikt-agder"].begrunnelse
    assert len(result.rows) == 41
    likhet = [r.likhet for r in result.rows]
    assert likhet == sorted(likhet, reverse=True) and all(0 <= v <= 1 for v in likhet)


def test_no_shared_members_falls_back_to_profile_similarity_with_a_note(cur):
    result = similar.similar_collaborations(cur, Profile(municipalities=1, members=[OSLO]))
    assert result.mode == "profile" and result.rows
    assert "Ingen av kommunene deres" in result.note


def test_members_mode_needs_members(cur):
    with pytest.raises(ValueError, match="medlemskommuner"):
        similar.similar_collaborations(cur, Profile(), mode="members")


def test_region_is_a_parameter_not_sql(cur):
    result = similar.similar_collaborations(cur, Profile(), region="Agder' OR 1=1 --", limit=5)
    assert len(result.rows) == 5 and all("annen KS-region" in r.begrunnelse for r in result.rows)


def test_table_and_texts_are_norwegian(cur):
    result = similar.similar_collaborations(cur, _agder_profile(name="Sørlandet IKT"))
    table = similar.result_table(result)
    assert list(table.columns) == ["Rang", "Samarbeid", "Likhet", "Hvorfor likt", "Organisasjonsform", "Etablert",
                                   "KS-region", "Kommuner", "Folketall", "Medlemmer"]
    assert table["Samarbeid"].tolist() == ["KR-IKT", "Setesdal IKT"]
    assert table["Likhet"].tolist() == [75, 14]  # Jaccard 3/4 and 1/7 in today's structure
    assert similar.basis_text(result).startswith("Sammenlignet på felles medlemskommuner (deres 3 kommuner)")
    assert "utledet fra fylkene" in similar.basis_text(result)
    text = similar.profile_text(_agder_profile(name="Sørlandet IKT"))
    assert text == "«Sørlandet IKT»: 3 kommuner (Kristiansand (4204), Iveland (4218), Birkenes (4216))."
    card = shown(similar.match_markdown(result.rows[0]))
    assert card.startswith("**1. KR-IKT** – § 27, etablert 2014, KS-region Agder, 5 kommuner")
    assert "Hvorfor likt:" in card and "Medlemmer: Kristiansand" in card
    plain = similar.basis_text(similar.similar_collaborations(cur, Profile(municipalities=4)))
    assert plain == "Sammenlignet på størrelse (regnet som 4 kommuner; ingen medlemmer valgt)."


def test_the_line_over_the_written_out_matches_says_the_table_has_them_all(cur):
    """A tester read the three matches written out as the whole answer, and «Antall treff» as doing nothing: the
    line over them says how many of how many, and that the table holds them all; fewer than asked, why."""
    ten = similar.similar_collaborations(cur, Profile(), limit=10)
    assert len(ten.rows) == 10
    assert similar.matches_heading(ten, 10) == "De 3 mest like av 10 treff; alle 10 står i tabellen under:"
    assert similar.matches_heading(similar.similar_collaborations(cur, Profile(), limit=2), 2) == "De 2 mest like:"
    assert similar.matches_heading(similar.similar_collaborations(cur, Profile(), limit=1), 1) == "Den mest like:"
    # Sunnmøre and Drammen (2015 numbers)
    members = ["1504", "1532", "1531", "1517", "1516", "1515", "1511", "1514", "1519", "1520", "0602", "0625"]
    shared = similar.similar_collaborations(cur, Profile(members=members, municipalities=12), limit=40)
    assert shared.mode == "members" and 3 < len(shared.rows) < 40, len(shared.rows)
    assert similar.matches_heading(shared, 40) == (
        f"De 3 mest like av de {len(shared.rows)} samarbeidene som deler kommuner med dere; alle {len(shared.rows)} "
        "står i tabellen under:")


def test_table_leaves_a_missing_year_and_region_to_the_grids_dash(cur):
    """A year or region not given was an empty string: the grid showed a blank cell, not its «–»."""
    result = similar.similar_collaborations(cur, _agder_profile(name="Sørlandet IKT"))
    first = result.rows[0].model_copy(update={"etablert": None, "ks_region": None})
    table = similar.result_table(result.model_copy(update={"rows": [first, *result.rows[1:]]}))
    assert table.loc[:, ["Etablert", "KS-region"]].iloc[0].isna().all()  # missing, not ""
    assert "" not in set(table["Etablert"]) | set(table["KS-region"])
