"""Norwegian in place of Streamlit's English widget texts; uploads checked by the page, in Norwegian."""

from ikt_model.ui.widgets import (
    NO_MATCHES,
    NORWEGIAN_WIDGETS_CSS,
    UPLOAD_BUTTON,
    check_upload,
    choice_in_state,
    hold_values,
    keep_open,
    reopen,
)


def test_wrong_type_and_too_large_files_get_a_norwegian_message():
    assert check_upload("scenario.json", 2_000, ["json"], 1_000_000) is None
    assert check_upload("SCENARIO.JSON", 2_000, ["json"], 1_000_000) is None
    picture = check_upload("bilde.png", 2_000, ["json"], 1_000_000)
    assert picture == "«bilde.png» er ikke en .json-fil. Velg en fil av riktig type."
    assert "ikke en .csv eller .xlsx-fil" in check_upload("uten-ending", 10, ["csv", "xlsx"], 1_000_000)
    large = check_upload("stor.json", 2_500_000, ["json"], 1_000_000)
    assert "for stor (2,5 MB)" in large and "1 MB" in large


def test_the_css_draws_norwegian_where_streamlit_writes_english():
    assert f'content: "{UPLOAD_BUTTON}"' in NORWEGIAN_WIDGETS_CSS and UPLOAD_BUTTON == "Last opp"
    assert f'content: "{NO_MATCHES}"' in NORWEGIAN_WIDGETS_CSS
    assert "stFileUploaderDropzoneInstructions" in NORWEGIAN_WIDGETS_CSS
    assert "stFileUploaderFileErrorMessage" in NORWEGIAN_WIDGETS_CSS  # the widget's own English refusal


def test_hold_values_writes_every_key_again_and_fills_only_the_missing():
    class Recording(dict):
        def __init__(self, *a):
            super().__init__(*a)
            self.written: list[str] = []

        def __setitem__(self, key, value):
            self.written.append(key)
            super().__setitem__(key, value)

    state = Recording({"pf_stable_operations": False, "other": 1})
    hold_values(state, {"pf_stable_operations": True, "pf_can_borrow": True})
    assert state == {"pf_stable_operations": False, "pf_can_borrow": True, "other": 1}  # held value kept
    assert sorted(state.written) == ["pf_can_borrow", "pf_stable_operations"]  # both written this run


def test_a_select_box_follows_the_default_until_the_user_picks():
    from ikt_model.ui.widgets import follow_unless_chosen, remember_choice

    state: dict = {}
    assert follow_unless_chosen(state, "box", "pick", ["a", "b", "c"], "a") == "a" and state["box"] == "a"
    assert follow_unless_chosen(state, "box", "pick", ["b", "a", "c"], "b") == "b"  # the default moved: follows
    state["box"] = "c"
    remember_choice(state, "box", "pick")  # the user picked c
    assert follow_unless_chosen(state, "box", "pick", ["a", "b", "c"], "a") == "c" and state["box"] == "c"
    assert follow_unless_chosen(state, "box", "pick", ["a", "b"], "b") == "b"  # the pick is no longer offered


def test_sliders_that_start_from_the_weights_start_again_when_they_change():
    from ikt_model.ui.widgets import follow_weights

    state: dict = {}
    assert follow_weights(state, ["w1", "w2"], [0.5, 0.5], "seen") is True
    state["w1"], state["w2"] = 0.9, 0.1  # the user moved them
    assert follow_weights(state, ["w1", "w2"], [0.5, 0.5], "seen") is False and state["w1"] == 0.9
    assert follow_weights(state, ["w1", "w2"], [0.6, 0.4], "seen") is True  # new weights in the sidebar
    assert "w1" not in state and "w2" not in state


def test_a_widget_whose_value_the_server_changes_gets_a_new_key():
    from ikt_model.ui.widgets import server_value_key, widget_key

    state: dict = {}
    assert server_value_key(state, "w", 25.9) == "w" and state["w"] == 25.9  # first drawn: its own key
    assert server_value_key(state, "w", 25.9) == "w"  # the same value written again: the same widget
    state["w"] = 30.0  # the user moved it
    assert server_value_key(state, "w", 30.0) == "w" == widget_key(state, "w")  # the page follows: kept
    assert server_value_key(state, "w", 8.3) == "w_v1" and state["w_v1"] == 8.3  # the server changed it
    assert state["w"] == 30.0 and widget_key(state, "w") == "w_v1"  # the old key's value is left as it was
    del state["w_v1"]  # Streamlit dropped the widget (not drawn on the last page)
    assert server_value_key(state, "w", 8.3) == "w_v2"  # the browser may still hold the old one: a new key
    assert widget_key(state, "other") == "other"


def test_a_server_value_drawn_as_the_widgets_default_is_not_written_but_keyed_the_same_way():
    """as_default=True: the sidebar's sliders get the value as `value=`; a value written to session state would
    be sent to the browser on every run (and the slider laid out again)."""
    from ikt_model.ui.widgets import server_value_key

    state: dict = {}
    assert server_value_key(state, "w", 25.9, as_default=True) == "w" and "w" not in state  # first drawn
    state["w"] = 25.9  # Streamlit holds the widget's value (its default)
    assert server_value_key(state, "w", 25.9, as_default=True) == "w" and state["w"] == 25.9  # kept, not written
    state["w"] = 30.0  # the user moved it, and the weights followed
    assert server_value_key(state, "w", 30.0, as_default=True) == "w"
    assert server_value_key(state, "w", 8.3, as_default=True) == "w_v1" and "w_v1" not in state  # a preset
    assert state["w"] == 30.0  # the old key's value is left as it was
    assert server_value_key(state, "w", 8.3, as_default=True) == "w_v2"  # not drawn since (dropped): a new key


def test_choice_in_state_falls_back_to_the_widgets_default_when_the_key_is_gone():
    options = ["around", "ordinal", "uniform"]
    assert choice_in_state({"mode": "ordinal"}, "mode", options, "around") == "ordinal"
    assert choice_in_state({}, "mode", options, "around") == "around"  # state dropped: no KeyError
    assert choice_in_state({"mode": "gone"}, "mode", options, "around") == "around"  # no longer offered
    assert choice_in_state({"n": 50_000}, "n", (1_000, 10_000, 50_000), 10_000) == 50_000


def test_an_expander_is_reopened_as_the_user_left_it_after_streamlit_dropped_its_state():
    state = {}
    reopen(state, "part_open", "part_kept")  # never touched: Streamlit's default (closed)
    assert state == {}
    state["part_open"] = True  # the user opens it: the on_change keeps a copy
    keep_open(state, "part_open", "part_kept")
    del state["part_open"]  # a page switch drops the widget's own state
    reopen(state, "part_open", "part_kept")
    assert state["part_open"] is True
    state["part_open"] = False  # closed again, and still drawn: nothing to restore, the user's state stands
    keep_open(state, "part_open", "part_kept")
    reopen(state, "part_open", "part_kept")
    assert state == {"part_open": False, "part_kept": False}


def test_a_held_value_keeps_its_key_until_the_server_sets_another():
    """held_value_key: the user's value is written again under the same key; a button's value (server_value_key)
    gives a new key; a widget not drawn on the last run comes back under its key with the default."""
    from ikt_model.ui.widgets import held_value_key, server_value_key, widget_key

    state: dict = {}
    assert held_value_key(state, "m", ["1508"]) == "m" and state["m"] == ["1508"]  # first drawn: the default
    state["m"] = ["1508", "1580"]  # the user added one
    assert held_value_key(state, "m", ["1508"]) == "m" and state["m"] == ["1508", "1580"]  # kept, not the default
    server_value_key(state, "m", ["1577"])  # «Hent medlemmene fra profilen»
    assert held_value_key(state, "m", ["1508"]) == "m_v1" and state["m_v1"] == ["1577"]
    del state["m_v1"]  # another page was shown: Streamlit dropped the widget
    assert held_value_key(state, "m", ["1508"]) == "m_v1" == widget_key(state, "m") and state["m_v1"] == ["1508"]
