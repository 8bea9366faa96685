"""The session's workspace: opening from the URL removes the secret from it; creating on first save; the
link is kept for showing once; renewal; leaving."""

import pytest

from ikt_model.store.connection import connect_store
from ikt_model.ui import workspace as sak
from ikt_model.workspaces import WorkspaceRepository
from ikt_model.workspaces.access import link_value


@pytest.fixture
def repo(tmp_path):
    con = connect_store(tmp_path / "store.duckdb")
    yield WorkspaceRepository(con)
    con.close()


def test_ensure_creates_once_and_link_is_shown_until_kept(repo):
    state = {}
    assert sak.current(state) is None
    workspace = sak.ensure(state, repo)
    assert sak.ensure(state, repo) == workspace and len(repo.stored_hashes()) == 1
    link = sak.link_to_show(state, "http://h:1")
    assert link.startswith(f"http://h:1/scenarier?sak={workspace.id}.")
    assert sak.link_to_show(state, "http://h:1") == link  # a rerun in between does not take it away
    sak.forget_link(state)
    assert sak.link_to_show(state, "http://h:1") is None  # kept: never shown again
    assert repo.open(link).id == workspace.id


def test_open_from_query_removes_the_secret_from_the_url(repo):
    workspace, secret = repo.create()
    params = {"sak": link_value(workspace.id, secret), "s": "abc"}
    state = {}
    assert sak.open_from_query(state, params, repo)
    assert params == {"s": "abc"}
    assert sak.current(state).id == workspace.id and state[sak.NOTICE][0] == "success"
    assert not sak.open_from_query(state, params, repo)


def test_bad_link_is_refused_removed_and_keeps_the_open_workspace(repo):
    mine, _ = repo.create()
    state = {sak.WORKSPACE: mine}
    params = {"sak": "0123456789abcdef.forkortet"}
    sak.open_from_query(state, params, repo)
    assert params == {} and sak.current(state) == mine
    kind, text = state[sak.NOTICE]
    assert kind == "error" and "Lenken åpner ingen sak" in text and "forkortet" not in text


def test_renew_and_leave(repo):
    state = {}
    workspace = sak.ensure(state, repo)
    first = sak.link_to_show(state, "")
    sak.renew(state, repo)
    second = sak.link_to_show(state, "")
    assert first != second
    with pytest.raises(ValueError):
        repo.open(first)
    sak.leave(state)
    assert sak.current(state) is None
    assert sak.open_link(state, second, repo).id == workspace.id
