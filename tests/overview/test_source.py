"""Pin the cleaned Vedlegg 5 data (data/overview/) and every decision in data_quality.csv."""

from __future__ import annotations

import csv
import filecmp
import importlib.util
from pathlib import Path

import pytest

from ikt_model.overview.source import FORM_IDS, load_overview

REPO = Path(__file__).resolve().parents[2]
OVERVIEW = REPO / "data" / "overview"

# KS regions of 2015 and the counties in them (checks the ambiguous-name decisions).
KS_REGION_COUNTIES = {
    "Agder": {"Aust-Agder", "Vest-Agder"},
    "Akershus og Østfold": {"Akershus", "Østfold"},
    "BTV": {"Buskerud", "Telemark", "Vestfold"},
    "Hedmark og Oppland": {"Hedmark", "Oppland"},
    "Midt": {"Møre og Romsdal", "Sør-Trøndelag", "Nord-Trøndelag"},
    "Nord": {"Nordland", "Troms", "Finnmark"},
    "Vest": {"Rogaland", "Hordaland", "Sogn og Fjordane"},
}


@pytest.fixture(scope="module")
def data():
    return load_overview(REPO / "data")


@pytest.fixture(scope="module")
def kommuner():
    with (REPO / "data" / "reference" / "kommuner_2015.csv").open(encoding="utf-8", newline="") as f:
        return {r["kommunenummer"]: r for r in csv.DictReader(f)}


def members(data, sid):
    return {m.kommunenummer for m in data.medlemskap if m.samarbeid_id == sid}


def collab(data, sid):
    return next(s for s in data.samarbeid if s.id == sid)


def decision(data, did):
    return next(d for d in data.avgjorelser if d.id == did)


def test_41_collaborations_with_unique_ids(data):
    assert len(data.samarbeid) == 41
    assert len({s.id for s in data.samarbeid}) == 41


def test_every_membership_resolved_to_a_2015_number(data, kommuner):
    counties = {k["fylkesnummer"] for k in kommuner.values()}
    for m in data.medlemskap:
        if m.medlemstype == "kommune":
            assert m.kommunenummer in kommuner, m
            assert kommuner[m.kommunenummer]["navn_ssb"] == m.navn
        else:
            assert m.kommunenummer in counties, m
    assert len(data.medlemskap) == 226
    assert {m.samarbeid_id for m in data.medlemskap} == {s.id for s in data.samarbeid}


def test_member_counts_match_and_no_duplicates(data):
    for s in data.samarbeid:
        rows = [m for m in data.medlemskap if m.samarbeid_id == s.id]
        assert len(rows) == s.antall_medlemmer == len({m.kommunenummer for m in rows})


def test_every_printed_name_is_kept_beside_the_resolved_value(data):
    printed = {s.id: s.eierkommuner_trykt for s in data.samarbeid}
    for m in data.medlemskap:
        assert m.navn_i_rapporten in printed[m.trykt_under], m


def test_member_counties_match_the_ks_region(data, kommuner):
    regions = {s.id: s.ks_region for s in data.samarbeid}
    for m in data.medlemskap:
        if m.medlemstype == "kommune" and m.samarbeid_id != "ikt-valdres":  # decision region-ikt-valdres
            assert kommuner[m.kommunenummer]["fylke"] in KS_REGION_COUNTIES[regions[m.samarbeid_id]], m


def test_forms_and_years_parsed(data):
    assert all(s.organisasjonsform in FORM_IDS and s.organisasjonsform == s.organisasjonsformer[0]
               for s in data.samarbeid)
    for s in data.samarbeid:
        if s.etablert_trykt:
            assert str(s.etablert_aar) == s.etablert_trykt[:4]
        else:
            assert s.etablert_aar is None


def test_cleaning_script_reproduces_the_committed_csvs(tmp_path):
    spec = importlib.util.spec_from_file_location("clean_vedlegg5", REPO / "scripts" / "clean_vedlegg5.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("samarbeid.csv", "medlemskap.csv"):
        assert filecmp.cmp(tmp_path / name, OVERVIEW / name, shallow=False), name


# One check per decision in data_quality.csv; a new decision needs a new check here.
DECISION_CHECKS = {
    "spill-rissa": lambda d: "1624" in members(d, "fosen-ikt") and collab(d, "fosen-ikt").antall_medlemmer == 7,
    "spill-osteroy": lambda d: "1253" in members(d, "ikt-nordhordland")
    and collab(d, "ikt-nordhordland").antall_medlemmer == 9,
    "flytt-spydeberg": lambda d: "0123" in members(d, "indre-ostfold") and "0123" not in members(d, "inn-trondelag-ikt")
    and collab(d, "inn-trondelag-ikt").eierkommuner_trykt.startswith("Spydeberg"),
    "kvitsoy-stavanger": lambda d: members(d, "stavanger-rennesoy-finnoy-forsand") == {"1103", "1142", "1144"},
    "flerord-nore-og-uvdal": lambda d: "0633" in members(d, "kongsbergregionen-ikt-samarbeid"),
    "flerord-evje-og-hornnes": lambda d: "0937" in members(d, "setesdal-ikt"),
    "flerord-vestre-slidre": lambda d: "0543" in members(d, "ikt-valdres"),
    "flerord-oystre-slidre": lambda d: "0544" in members(d, "ikt-valdres")
    and collab(d, "ikt-valdres").antall_medlemmer == 6,
    "flerord-nordre-land": lambda d: "0538" in members(d, "sikt"),
    "flerord-sondre-land": lambda d: "0536" in members(d, "sikt"),
    "flerord-vestre-toten": lambda d: "0529" in members(d, "sikt"),
    "flerord-ostre-toten": lambda d: "0528" in members(d, "sikt") and collab(d, "sikt").antall_medlemmer == 5,
    "flerord-nedre-eiker": lambda d: "0625" in members(d, "d-ikt"),
    "flerord-sande-i-more-og-romsdal": lambda d: "1514" in members(d, "ssikt")
    and collab(d, "ssikt").antall_medlemmer == 7,
    "tvetydig-nes-digitale-gardermoen": lambda d: "0236" in members(d, "digitale-gardermoen"),
    "tvetydig-nes-ikt-hallingdal": lambda d: "0616" in members(d, "ikt-hallingdal"),
    "tvetydig-heroy-hald-ikt": lambda d: "1818" in members(d, "hald-ikt"),
    "tvetydig-heroy-ssikt": lambda d: "1515" in members(d, "ssikt"),
    "tvetydig-sande-d-ikt": lambda d: "0713" in members(d, "d-ikt"),
    "tvetydig-bo-midt-telemark-ikt": lambda d: "0821" in members(d, "midt-telemark-ikt"),
    "fylke-aust-agder": lambda d: any(m.kommunenummer == "09" and m.medlemstype == "fylkeskommune"
                                      and m.samarbeid_id == "ikt-agder" for m in d.medlemskap),
    "form-ddv-par27-og-par27": lambda d: collab(d, "ddv").organisasjonsformer == ("par27",),
    "form-ekommune-to-former": lambda d: collab(d, "ekommune-sunnmore").organisasjonsformer
    == ("par27", "vertskommune"),
    "form-lofoten-vertskommune": lambda d: collab(d, "ikt-samarbeid-lofoten").organisasjonsform == "vertskommune",
    "form-digitale-gardermoen-iks": lambda d: collab(d, "digitale-gardermoen").organisasjonsform == "par27"
    and collab(d, "digitale-gardermoen").formelt_navn == "Digitale Gardermoen IKS",
    "form-ryfylke-iks": lambda d: collab(d, "ryfylke-it-samarbeid").organisasjonsform == "par27",
    "aar-orkide-1997-iks-2008": lambda d: collab(d, "ikt-orkide").etablert_aar == 1997
    and collab(d, "ikt-orkide").etablert_trykt == "1997 (IKS 2008)",
    "aar-mangler-astafjord-ikt-drift-k4-i-sor-troms":
    lambda d: collab(d, "astafjord-ikt-drift-k4-i-sor-troms").etablert_aar is None,
    "aar-mangler-ekommune-sunnmore": lambda d: collab(d, "ekommune-sunnmore").etablert_aar is None,
    "aar-mangler-ikt-samarbeid-lofoten": lambda d: collab(d, "ikt-samarbeid-lofoten").etablert_aar is None,
    "aar-mangler-ikt-samarbeid-sor-helgeland": lambda d: collab(d, "ikt-samarbeid-sor-helgeland").etablert_aar is None,
    "aar-mangler-stavanger-rennesoy-finnoy-forsand":
    lambda d: collab(d, "stavanger-rennesoy-finnoy-forsand").etablert_aar is None,
    "dobbelt-iveland": lambda d: "0935" in members(d, "kr-ikt") and "0935" in members(d, "setesdal-ikt"),
    "region-ikt-valdres": lambda d: collab(d, "ikt-valdres").ks_region == "BTV"
    and all(m.kommunenummer.startswith("05") for m in d.medlemskap if m.samarbeid_id == "ikt-valdres"),
    "navn-skien-bamble-siljan": lambda d: collab(d, "it-samarbeidet-skien-bamble-siljan").antall_medlemmer == 6,
    "navn-orddeling-ikt-nordhordland": lambda d: collab(d, "ikt-nordhordland").formelt_navn
    == "Interkommunale IKT-tjenester Nordhordaland",
    "navn-orddeling-kongsbergregionen-ikt-samarbeid":
    lambda d: collab(d, "kongsbergregionen-ikt-samarbeid").formelt_navn
    == "SuksIT og Kongsbergregionens IKT Drift",
    "navn-orddeling-kr-ikt": lambda d: collab(d, "kr-ikt").formelt_navn
    == "Kristiansandsregionens kommunale IKT-tjeneste",
}


def test_every_decision_has_a_check(data):
    assert {d.id for d in data.avgjorelser} == set(DECISION_CHECKS)


@pytest.mark.parametrize("decision_id", sorted(DECISION_CHECKS))
def test_decision(data, decision_id):
    d = decision(data, decision_id)
    assert d.resultat and d.begrunnelse
    assert DECISION_CHECKS[decision_id](data)


def test_member_decisions_point_at_the_resolved_row(data):
    for d in data.avgjorelser:
        if d.nivaa == "medlem":
            row = next(m for m in data.medlemskap if m.avgjorelse == d.id)
            assert (row.kommunenummer, row.navn_i_rapporten, row.trykt_under) == (d.kommunenummer, d.trykt,
                                                                                  d.samarbeid_id)
            assert row.samarbeid_id == (d.flyttet_til or d.samarbeid_id)
