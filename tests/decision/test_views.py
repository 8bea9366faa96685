from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.views import assessment_table, overrides_from_edit, rules_table


def test_assessment_table_has_all_cells_with_quotes():
    table = assessment_table(default_knowledge_base(), "form", {})
    assert len(table) == 48 and table["Sitat"].str.len().min() > 0


def test_overrides_from_edit_keeps_only_real_changes():
    kb = default_knowledge_base()
    table = assessment_table(kb, "model", {"ff.as.2": 1})
    row = table.index[table["id"] == "mf.ks.2"][0]
    table.loc[row, "Din vurdering"] = 2
    assert overrides_from_edit(table, {"ff.as.2": 1}) == {"ff.as.2": 1, "mf.ks.2": 2}
    table.loc[row, "Din vurdering"] = table.loc[row, "Rapportens poeng"]
    assert overrides_from_edit(table, {"mf.ks.2": 2}) == {}


def test_rules_table_lists_every_rule():
    kb = default_knowledge_base()
    assert len(rules_table(kb)) == len(kb.rules)


def test_participant_url_detection():
    from ikt_model.ui.session import is_participant_url
    assert is_participant_url("http://127.0.0.1:8501/delta?kode=ABC")
    assert is_participant_url("https://kommune.no/app/delta/")
    assert not is_participant_url("http://127.0.0.1:8501/workshop")
    assert not is_participant_url(None)
