"""Access: codes, keys and tokens; nothing of the facilitator's without the key; limits and refusals."""

import re

import pytest
from pydantic import SecretStr

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.workshop import access
from ikt_model.workshop.access import AccessDenied
from ikt_model.workshop.export import export_csv
from ikt_model.workshop.models import LIMITS, WorkshopError
from ikt_model.workshop.repository import WorkshopRepository


@pytest.fixture
def repo(tmp_path):
    return WorkshopRepository(connect_store(tmp_path / "store.duckdb"))


@pytest.fixture
def ws(repo):
    workshop, key = repo.create("Fosen IKT – vekting", "poeng", Profile())
    return workshop, key


def test_join_codes_are_random_unambiguous_and_long_enough():
    codes = [access.new_join_code() for _ in range(2000)]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 8 and set(c) <= set(access.CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(access.CODE_ALPHABET)
    assert access.CODE_SPACE > 10**11  # ~40 bits: see access.py for the sizing
    # not sequential: consecutive codes share no long common prefix more often than chance
    assert sum(a[:3] == b[:3] for a, b in zip(codes, codes[1:], strict=False)) < 5


def test_code_input_is_forgiving_but_strict():
    assert access.normalise_code("abcd-efgh") == "ABCDEFGH"
    assert access.normalise_code(" abcd efgh ") == "ABCDEFGH"
    assert access.normalise_code("ABCD-EFG0") is None  # 0 is not in the alphabet
    assert access.normalise_code("ABC") is None
    assert access.normalise_code(None) is None
    assert access.normalise_code("A" * 500) is None
    assert access.format_code("ABCDEFGH") == "ABCD-EFGH"


def test_facilitator_key_is_long_secret_and_stored_hashed(repo, ws, tmp_path):
    workshop, key = ws
    assert isinstance(key, SecretStr)
    assert "*" in repr(key) and key.get_secret_value() not in repr(key)
    assert len(key.get_secret_value()) >= 43  # token_urlsafe(32)
    stored = repo.con.execute("SELECT key_hash FROM workshops").fetchone()[0]
    assert stored != key.get_secret_value() and re.fullmatch(r"[0-9a-f]{64}", stored)
    assert key.get_secret_value() not in repr(workshop) and "key" not in workshop.model_dump()


def test_guessing_codes_finds_nothing(repo, ws):
    workshop, _ = ws
    guesses = [access.new_join_code() for _ in range(3000)]
    hits = [g for g in guesses if g != workshop.code and repo.find_by_code(g)]
    assert hits == []
    assert repo.find_by_code(workshop.code).id == workshop.id


@pytest.mark.parametrize("bad_key", [None, "", "wrong", "x" * 43, "y" * 5000])
def test_without_the_key_nothing_of_the_facilitators_is_reachable(repo, ws, bad_key):
    workshop, key = ws
    repo.submit_vote(workshop.code, access.new_participant_token(), "Kari", points={1: 5})
    for action in (lambda: repo.votes(workshop.id, bad_key),
                   lambda: repo.workshop(workshop.id, bad_key),
                   lambda: repo.set_voting_open(workshop.id, bad_key, False),
                   lambda: repo.set_revealed(workshop.id, bad_key, True),
                   lambda: repo.delete(workshop.id, bad_key)):
        with pytest.raises(AccessDenied, match="fasilitatorlenken"):
            action()
    # nothing changed
    assert repo.find_by_code(workshop.code).voting_open is True
    assert repo.find_by_code(workshop.code).revealed is False
    assert len(repo.votes(workshop.id, key)) == 1


def test_key_of_another_workshop_does_not_open_this_one(repo, ws):
    workshop, _ = ws
    _, other_key = repo.create("Annen workshop", "poeng", Profile())
    with pytest.raises(AccessDenied):
        repo.votes(workshop.id, other_key)
    with pytest.raises(AccessDenied):
        repo.votes("does-not-exist", other_key)


def test_group_result_only_when_revealed(repo, ws):
    workshop, key = ws
    repo.submit_vote(workshop.code, access.new_participant_token(), points={1: 5})
    assert repo.revealed_votes(workshop.id) is None
    repo.set_revealed(workshop.id, key, True)
    assert len(repo.revealed_votes(workshop.id)) == 1
    repo.set_revealed(workshop.id, key, False)
    assert repo.revealed_votes(workshop.id) is None


def test_participant_revises_only_own_vote(repo, ws):
    workshop, key = ws
    kari, ola = access.new_participant_token(), access.new_participant_token()
    repo.submit_vote(workshop.code, kari, "Kari", points={1: 10})
    repo.submit_vote(workshop.code, ola, "Ola", points={2: 10})
    repo.submit_vote(workshop.code, kari, "Kari", points={3: 10})
    votes = {v.display_name: v for v in repo.votes(workshop.id, key)}
    assert votes["Kari"].points[3] == 10 and votes["Kari"].points[1] == 0 and votes["Kari"].revisions == 2
    assert votes["Ola"].points[2] == 10 and votes["Ola"].revisions == 1
    assert repo.own_vote(workshop.id, ola).display_name == "Ola"
    assert repo.own_vote(workshop.id, access.new_participant_token()) is None
    with pytest.raises(AccessDenied):
        repo.submit_vote(workshop.code, "short", points={1: 1})


def test_closed_voting_refuses_with_norwegian_message(repo, ws):
    workshop, key = ws
    token = access.new_participant_token()
    repo.submit_vote(workshop.code, token, points={1: 5})
    repo.set_voting_open(workshop.id, key, False)
    with pytest.raises(WorkshopError, match="Avstemningen er stengt"):
        repo.submit_vote(workshop.code, token, points={1: 9})
    assert repo.own_vote(workshop.id, token).points[1] == 5
    repo.set_voting_open(workshop.id, key, True)
    assert repo.submit_vote(workshop.code, token, points={1: 9}).points[1] == 9


def test_delete_removes_workshop_and_votes(repo, ws):
    workshop, key = ws
    repo.submit_vote(workshop.code, access.new_participant_token(), points={1: 5})
    repo.delete(workshop.id, key)
    assert repo.find_by_code(workshop.code) is None
    assert repo.con.execute("SELECT count(*) FROM workshop_votes").fetchone() == (0,)


def test_names_and_titles_are_stored_as_plain_text(repo):
    html = "<script>alert(1)</script><b>Fet</b>"
    workshop, key = repo.create(html, "poeng", Profile())
    assert workshop.title == html  # stored verbatim; pages render it with st.text / escaped markdown
    repo.submit_vote(workshop.code, access.new_participant_token(), "=HYPERLINK(\"x\")\u0007", points={1: 1})
    vote = repo.votes(workshop.id, key)[0]
    assert vote.display_name == "=HYPERLINK(\"x\")"  # control character dropped
    csv_text = export_csv(repo.workshop(workshop.id, key), [vote], None).decode("utf-8")
    assert ';"\'=HYPERLINK' in csv_text  # quoted and prefixed: no formula injection into spreadsheets


def test_length_limits_refused_in_norwegian(repo, ws):
    workshop, _ = ws
    with pytest.raises(WorkshopError, match="Tittelen kan være høyst 120 tegn"):
        repo.create("x" * (LIMITS.title_max + 1), "poeng", Profile())
    with pytest.raises(WorkshopError, match="Tittelen kan ikke være tom"):
        repo.create("   ", "poeng", Profile())
    with pytest.raises(WorkshopError, match="Visningsnavnet kan være høyst 40 tegn"):
        repo.submit_vote(workshop.code, access.new_participant_token(), "n" * 41, points={1: 1})
    with pytest.raises(WorkshopError, match="Ukjent metode"):
        repo.create("Tittel", "ahp", Profile())


def test_invalid_votes_refused_in_norwegian(repo, ws):
    workshop, _ = ws
    token = access.new_participant_token()
    with pytest.raises(WorkshopError, match="minst én faktor"):
        repo.submit_vote(workshop.code, token, points={f: 0 for f in range(1, 13)})
    with pytest.raises(WorkshopError, match="høyst 10 poeng"):
        repo.submit_vote(workshop.code, token, points={1: 11})
    with pytest.raises(WorkshopError, match="Ukjent faktor"):
        repo.submit_vote(workshop.code, token, points={13: 1})
    with pytest.raises(WorkshopError, match="Fant ingen workshop"):
        repo.submit_vote("ZZZZ-ZZZZ", token, points={1: 1})
    assert repo.own_vote(workshop.id, token) is None


def test_ranking_method_requires_all_twelve(repo):
    workshop, key = repo.create("Rangering", "rangering", Profile())
    token = access.new_participant_token()
    with pytest.raises(WorkshopError, match="Du har rangert 3 av 12 faktorer"):
        repo.submit_vote(workshop.code, token, ranking=[1, 2, 3])
    with pytest.raises(WorkshopError, match="nøyaktig én gang"):
        repo.submit_vote(workshop.code, token, ranking=[*range(1, 12), 13])
    with pytest.raises(WorkshopError, match="nøyaktig én gang"):
        repo.submit_vote(workshop.code, token, ranking=[1] * 12)
    vote = repo.submit_vote(workshop.code, token, ranking=[12, *range(1, 12)])
    assert vote.ranking[0] == 12
    assert max(vote.points, key=vote.points.get) == 12  # first place gets the largest ROC weight
    assert vote.points[11] < vote.points[1]


def test_participant_and_revision_limits(repo, ws, monkeypatch):
    from ikt_model.workshop import repository as repository_module
    small = LIMITS.model_copy(update={"participants_max": 3, "revisions_max": 2})
    monkeypatch.setattr(repository_module, "LIMITS", small)
    workshop, _ = ws
    tokens = [access.new_participant_token() for _ in range(4)]
    for t in tokens[:3]:
        repo.submit_vote(workshop.code, t, points={1: 1})
    with pytest.raises(WorkshopError, match="Workshopen er full: høyst 3 deltakere"):
        repo.submit_vote(workshop.code, tokens[3], points={1: 1})
    repo.submit_vote(workshop.code, tokens[0], points={1: 2})  # revision 2 of 2
    with pytest.raises(WorkshopError, match="endret stemmen 2 ganger"):
        repo.submit_vote(workshop.code, tokens[0], points={1: 3})
    assert repo.own_vote(workshop.id, tokens[0]).points[1] == 2


def test_export_csv_and_xlsx_share_the_rows(repo, ws):
    import io

    from openpyxl import load_workbook

    from ikt_model.workshop.aggregation import group_result
    from ikt_model.workshop.export import export_xlsx

    workshop, key = ws
    empty = export_csv(repo.workshop(workshop.id, key), [], None).decode("utf-8-sig")
    assert empty.startswith("deltaker;navn;") and empty.count("\r\n") == 1  # header only
    repo.submit_vote(workshop.code, access.new_participant_token(), "Kari", points={1: 1, 2: 2})
    votes = repo.votes(workshop.id, key)
    result = group_result(workshop.profile, votes)
    lines = export_csv(repo.workshop(workshop.id, key), votes, result).decode("utf-8-sig").split("\r\n")
    assert lines[1].startswith("D-") and ";Kari;33,33;66,67;0;" in lines[1]
    assert lines[2].startswith("GRUPPE;Gjennomsnitt av 1 svar;33,33;66,67;0;")
    sheet = load_workbook(io.BytesIO(export_xlsx(repo.workshop(workshop.id, key), votes, result))).active
    assert [c.value for c in sheet[2]][1:4] == ["Kari", 33.33, 66.67]
    assert [c.value for c in sheet[3]][:2] == ["GRUPPE", "Gjennomsnitt av 1 svar"]


def test_export_names_the_group_row_by_the_method_label_the_page_shows(repo, ws):
    """Not the aggregation's code («geometric av 2»): the label of the facilitator's «Gruppens vekter»."""
    from ikt_model.workshop.aggregation import AGGREGATE_LABELS, group_result
    from ikt_model.workshop.export import export_rows

    workshop, key = ws
    for name, points in (("Kari", {1: 1}), ("Ola", {2: 4})):
        repo.submit_vote(workshop.code, access.new_participant_token(), name, points=points)
    votes = repo.votes(workshop.id, key)
    for aggregate in ("mean", "geometric"):
        [*_, group] = export_rows(workshop, votes, group_result(workshop.profile, votes, aggregate))
        assert group["navn"] == f"{AGGREGATE_LABELS[aggregate]} av 2 svar"
    assert AGGREGATE_LABELS["geometric"] == "Geometrisk gjennomsnitt"


# --- the server-side throttle per client (issue: ?kode= could be guessed 12 times a second) ---

import logging  # noqa: E402

from ikt_model.workshop.access import JoinThrottle  # noqa: E402


def test_join_throttle_per_client_across_sessions(caplog):
    throttle = JoinThrottle(max_failures=10, window_s=60)
    caplog.set_level(logging.WARNING, logger="ikt_model.workshop")
    for i in range(10):
        assert throttle.wait_seconds("10.0.0.7", now=100.0 + i * 0.08) == 0
        throttle.record_failure("10.0.0.7", now=100.0 + i * 0.08)  # 12 a second
    assert throttle.wait_seconds("10.0.0.7", now=101.0) > 58  # locked for most of the minute
    assert throttle.wait_seconds("10.0.0.8", now=101.0) == 0  # another client is not
    assert throttle.wait_seconds("10.0.0.7", now=160.1) == 0  # the window has passed
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 10 and all("10.0.0.7" in m for m in messages)
    assert "(10 in the last 60 s)" in messages[-1]


def test_join_throttle_logs_no_code_and_forgets_old_clients(caplog):
    throttle = JoinThrottle(max_failures=3, window_s=10, max_clients=2)
    caplog.set_level(logging.WARNING, logger="ikt_model.workshop")
    for client in ("a", "b", "c"):
        throttle.record_failure(client, now=1.0)
    assert "a" not in throttle._failures and len(throttle._failures) == 2
    assert not any("ABCD" in r.getMessage() for r in caplog.records)


def test_text_limits_are_in_norwegian_number_format():
    from ikt_model.workshop.models import clean_text

    with pytest.raises(WorkshopError, match="Tittel kan være høyst 1\u00a0000 tegn \\(du skrev 1\u00a0500\\)"):
        clean_text("x" * 1500, 1000, "Tittel", True)


def test_the_json_export_says_the_group_result_in_norwegian_like_the_rest_of_the_file(repo, ws):
    """A fresh tester: the «gruppe» block had the code's English keys (participants, spreads, std, …)."""
    import json

    from ikt_model.workshop.aggregation import group_result
    from ikt_model.workshop.export import export_json

    workshop, key = ws
    for name, points in (("Kari", {1: 1, 2: 3}), ("Ola", {2: 4})):
        repo.submit_vote(workshop.code, access.new_participant_token(), name, points=points)
    votes = repo.votes(workshop.id, key)
    result = group_result(workshop.profile, votes, "geometric")
    group = json.loads(export_json(repo.workshop(workshop.id, key), votes, result))["gruppe"]
    assert list(group) == ["metode", "metode_navn", "antall_svar", "vekter", "uenighet", "rangering",
                           "vinnere_med_egne_vekter"]
    assert (group["metode"], group["metode_navn"], group["antall_svar"]) == ("geometric", "Geometrisk gjennomsnitt", 2)
    assert group["vekter"] == {str(f): share for f, share in result.weights.items()}
    assert abs(sum(group["vekter"].values()) - 1) < 1e-9
    assert list(group["uenighet"][0]) == ["faktor", "navn", "gruppevekt", "standardavvik", "kvartilbredde", "lavest",
                                          "høyest"]
    first = group["rangering"][0]
    assert (first["plass"], first["alternativ"], first["navn"]) == (1, result.ranking[0].key, result.ranking[0].label)
    assert sum(g["deltakere"] for g in group["vinnere_med_egne_vekter"]) == 2
    english = {"participants", "aggregate", "weights", "spreads", "ranking", "winner_groups", "std", "label"}
    assert not english & set(json.dumps(group, ensure_ascii=False).replace('"', " ").split())
