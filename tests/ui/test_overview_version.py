"""ui.overview_version: the version the overview pages show, shared between their select boxes."""

from ikt_model.ui import overview_version as ov


def test_the_newest_version_is_chosen_and_every_box_follows_the_shared_choice():
    state: dict = {}
    ov.settle(state, [1, 2, 3], "kart_versjon")
    assert state == {ov.VERSION: 3, "kart_versjon": 3}  # newest by default
    state["kart_versjon"] = 1
    ov.box_changed(state, "kart_versjon")
    ov.settle(state, [1, 2, 3], "sql_versjon")  # another overview page: its box starts at the shared choice
    assert state[ov.VERSION] == state["sql_versjon"] == 1
    ov.settle(state, [2, 3], "sql_versjon")  # a version the session no longer sees: the newest again
    assert state[ov.VERSION] == state["sql_versjon"] == 3


def test_a_version_just_stored_is_shown_once():
    state: dict = {ov.VERSION: 1, "ov_version": 1, ov.PENDING: 2}
    ov.show_pending(state, [1, 2], "ov_version")
    assert state == {ov.VERSION: 2, "ov_version": 2}
    state[ov.PENDING] = 9  # not among the versions this session sees: dropped, nothing chosen
    ov.show_pending(state, [1, 2], "ov_version")
    assert state == {ov.VERSION: 2, "ov_version": 2}
