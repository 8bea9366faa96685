"""LiveViews: the room's views are computed once per change, never served stale."""

from ikt_model.decision.profile import Profile
from ikt_model.store.connection import connect_store
from ikt_model.workshop import access
from ikt_model.workshop.live import LiveViews
from ikt_model.workshop.repository import WorkshopRepository


def setup(tmp_path):
    repo = WorkshopRepository(connect_store(tmp_path / "store.duckdb"))
    workshop, key = repo.create("Live", "poeng", Profile())
    return repo, workshop, key, LiveViews(repo)


def test_every_write_bumps_the_change_counter(tmp_path):
    repo, workshop, key, _ = setup(tmp_path)
    seen = [repo.changes(workshop.id)]
    repo.submit_vote(workshop.code, access.new_participant_token(), points={1: 3})
    seen.append(repo.changes(workshop.id))
    repo.set_revealed(workshop.id, key, True)
    seen.append(repo.changes(workshop.id))
    repo.set_voting_open(workshop.id, key, False)
    seen.append(repo.changes(workshop.id))
    assert seen == sorted(set(seen)) and len(seen) == 4


def test_a_second_repository_on_the_same_file_shares_the_counter(tmp_path):
    repo, workshop, _, live = setup(tmp_path)
    other = WorkshopRepository(connect_store(tmp_path / "store.duckdb"))
    before = live.public(workshop.id)
    other.submit_vote(workshop.code, access.new_participant_token(), points={2: 4})
    assert live.public(workshop.id).answers == before.answers + 1


def test_public_view_computed_once_per_change_for_the_whole_room(tmp_path):
    repo, workshop, key, live = setup(tmp_path)
    for i in range(3):
        repo.submit_vote(workshop.code, access.new_participant_token(), points={1 + i: 5, 7: 2})
    repo.set_revealed(workshop.id, key, True)
    start = live.computations
    views = [live.public(workshop.id) for _ in range(200)]  # 200 phones polling, nothing changed
    assert live.computations == start + 1
    assert all(v is views[0] for v in views)
    assert views[0].revealed and views[0].answers == 3 and views[0].result.participants == 3
    repo.submit_vote(workshop.code, access.new_participant_token(), points={12: 9})
    after = live.public(workshop.id)
    assert after.answers == 4 and after.result.participants == 4 and live.computations == start + 2


def test_hidden_result_is_not_in_the_public_view(tmp_path):
    repo, workshop, key, live = setup(tmp_path)
    repo.submit_vote(workshop.code, access.new_participant_token(), points={1: 5})
    view = live.public(workshop.id)
    assert not view.revealed and view.result is None and view.answers == 1
    assert live.public("no-such-workshop") is None


def test_facilitator_view_checks_the_key_every_time(tmp_path):
    import pytest

    from ikt_model.workshop.access import AccessDenied

    repo, workshop, key, live = setup(tmp_path)
    repo.submit_vote(workshop.code, access.new_participant_token(), "Kari", points={1: 5, 2: 1})
    view = live.facilitator(workshop.id, key, "mean")
    assert len(view.votes) == 1 and view.result.participants == 1
    with pytest.raises(AccessDenied):
        live.facilitator(workshop.id, "wrong-key", "mean")


def test_stored_revisions_are_read_once_per_change_for_the_whole_room(tmp_path):
    repo, workshop, key, live = setup(tmp_path)
    tokens = [access.new_participant_token() for _ in range(3)]
    for t in tokens:
        repo.submit_vote(workshop.code, t, points={1: 5})
    repo.submit_vote(workshop.code, tokens[0], points={2: 5})
    start = live.computations
    seen = [live.stored_revisions(workshop.id, t) for t in tokens * 50]  # 150 polls, nothing changed
    assert seen[:3] == [2, 1, 1] and live.computations == start + 1
    assert live.stored_revisions(workshop.id, access.new_participant_token()) == 0  # not voted yet
    assert live.stored_revisions(workshop.id, "not a token") == 0
    repo.submit_vote(workshop.code, tokens[1], points={3: 5})  # a change: read again, once
    assert [live.stored_revisions(workshop.id, t) for t in tokens] == [2, 2, 1]
    assert live.computations == start + 2


def test_the_phones_result_text_is_made_once_per_change(tmp_path):
    from ikt_model.workshop.view import participant_result_markdown

    repo, workshop, key, live = setup(tmp_path)
    repo.submit_vote(workshop.code, access.new_participant_token(), points={1: 5, 2: 1})
    assert live.public(workshop.id).result_markdown is None  # not revealed
    repo.set_revealed(workshop.id, key, True)
    view = live.public(workshop.id)
    assert view.result_markdown == participant_result_markdown(view.result)
    assert live.public(workshop.id).result_markdown is view.result_markdown


def test_export_is_made_from_the_votes_as_they_are_when_asked(tmp_path):
    """The facilitator's view was read before the vote came in; the export asked afterwards has the vote
    (CSV, Excel and JSON alike), and it is made from the same cached view, with the key checked."""
    import io
    import json

    import pytest
    from openpyxl import load_workbook

    from ikt_model.workshop.access import AccessDenied

    repo, workshop, key, live = setup(tmp_path)
    assert live.facilitator(workshop.id, key).votes == ()
    repo.submit_vote(workshop.code, access.new_participant_token(), "Ola", points={1: 9, 2: 3})
    csv_lines = live.export(workshop.id, key, "mean", "csv").decode("utf-8-sig").strip().split("\r\n")
    assert len(csv_lines) == 3 and csv_lines[1].split(";")[1] == "Ola" and csv_lines[2].startswith("GRUPPE;")
    sheet = load_workbook(io.BytesIO(live.export(workshop.id, key, "geometric", "xlsx"))).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)][0] == "Ola"
    doc = json.loads(live.export(workshop.id, key, "mean", "json"))
    assert [v["navn"] for v in doc["stemmer"]] == ["Ola"] and doc["gruppe"]["antall_svar"] == 1
    computed = live.computations
    live.export(workshop.id, key, "mean", "csv")
    assert live.computations == computed  # nothing changed: the cached view is used
    with pytest.raises(AccessDenied):
        live.export(workshop.id, "feil-nøkkel-" + "x" * 40, "mean", "csv")
    with pytest.raises(ValueError):
        live.export(workshop.id, key, "mean", "pdf")
