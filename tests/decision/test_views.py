from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.views import assessment_styler, assessment_table, overrides_from_edit, rules_table


def test_assessment_table_has_all_cells_with_quotes():
    table = assessment_table(default_knowledge_base(), "form", {})
    assert len(table) == 48 and table["Sitat"].str.len().min() > 0


def test_overrides_from_edit_keeps_only_real_changes():
    kb = default_knowledge_base()
    table = assessment_table(kb, "model", {"ff.as.2": 1})
    row = table.index[table["id"] == "mf.ks.2"][0]
    assert table.loc[row, "Rapportens poeng"] == -1 and table.loc[row, "Din vurdering"] == "\u22121"  # text as typed
    table.loc[row, "Din vurdering"] = "2"  # as typed
    assert overrides_from_edit(table, {"ff.as.2": 1}) == {"ff.as.2": 1, "mf.ks.2": 2}
    table.loc[row, "Din vurdering"] = "+1"
    assert overrides_from_edit(table, {"ff.as.2": 1}) == {"ff.as.2": 1, "mf.ks.2": 1}
    table.loc[row, "Din vurdering"] = "\u22121"
    assert overrides_from_edit(table, {"mf.ks.2": 2}) == {}


def test_report_scores_show_with_sign_and_sort_as_numbers():
    """As text, a click on «Rapportens poeng» sorted «+1» before «−2» (a code point order)."""
    table = assessment_table(default_knowledge_base(), "form", {})
    shown = assessment_styler(table)._translate(False, False)
    column = list(table.columns).index("Rapportens poeng")
    cells = {row[column + 1]["display_value"] for row in shown["body"]}
    assert {"+1", "\u22121", "0"} <= cells and not any(c.startswith("-") for c in cells)
    ordered = list(table.sort_values("Rapportens poeng")["Rapportens poeng"])
    assert ordered == sorted(ordered) and ordered[0] < 0 < ordered[-1]


def test_rules_table_lists_every_rule():
    kb = default_knowledge_base()
    assert len(rules_table(kb)) == len(kb.rules)


def test_participant_url_detection():
    from ikt_model.ui.session import is_participant_url
    assert is_participant_url("http://127.0.0.1:8501/delta?kode=ABC")
    assert is_participant_url("https://kommune.no/app/delta/")
    assert not is_participant_url("http://127.0.0.1:8501/workshop")
    assert not is_participant_url(None)


def test_method_table_lists_the_form_weight_and_every_transition_cost_with_its_quote():
    from ikt_model.decision.views import method_table
    table = method_table(default_knowledge_base())
    form_weight = table[table["Hva"].str.startswith("Organisasjonsformens tyngde")].iloc[0]
    assert form_weight["Verdi"] == 0.5 and "det viktigste" in form_weight["Sitat"]
    costs = table[table["Hva"].str.startswith("Bytte")]
    assert len(costs) == 4 and (costs["Verdi"] <= 0).all() and costs["Sitat"].str.len().min() > 20


def test_legal_sources_table_has_a_public_url_for_every_source():
    from ikt_model.decision.views import legal_sources_table
    table = legal_sources_table(default_knowledge_base())
    assert len(table) >= 6 and table["Lenke"].str.startswith("https://").all()
def test_edit_problem_refuses_out_of_range_and_non_whole_scores():
    from ikt_model.decision.views import edit_problem

    assert edit_problem(2) is None and edit_problem(-2) is None and edit_problem("1") is None
    assert edit_problem("+2") is None and edit_problem("\u22121") is None and edit_problem(" -2 ") is None
    assert "utenfor skalaen" in edit_problem(7) and "7" in edit_problem(7)
    assert "utenfor skalaen" in edit_problem(-3)
    assert "ikke et tall" in edit_problem("mye") and "ikke et tall" in edit_problem("nan")
    assert "tom" in edit_problem(None) and "tom" in edit_problem("  ")
    # typed with a decimal comma: refused as typed (a number cell stored «0,2» as 2 and called «1,5» «15»)
    assert edit_problem("0,2") == ("«0,2» er ikke et heltall. «Din vurdering» må være et heltall fra −2 til +2; "
                                   "vurderingen er ikke endret.")
    assert edit_problem("1,5").startswith("«1,5» er ikke et heltall") and "ikke et heltall" in edit_problem(1.5)


def test_assessment_subject_reads_like_a_person_not_an_id():
    from ikt_model.decision.knowledge import default_knowledge_base
    from ikt_model.decision.views import assessment_subject

    kb = default_knowledge_base()
    for row in kb.assessments():
        text = assessment_subject(kb, row.id)
        assert row.id not in text and f"{row.factor}. {kb.factor(row.factor).label}" in text


def test_the_ranking_table_never_names_one_factor_both_for_and_against():
    """With the report's weights, «KS-modellen + Kommunalt oppgavefellesskap» named «Omstillingsevne» as the
    strongest reason both for (its form part) and against (its model part). The table names each factor on the
    side its net contribution moves the total, and that side only."""
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.profile import Profile
    from ikt_model.decision.views import NO_STRONGEST, ranking_table
    from ikt_model.decision.weights import default_weights, preset

    for profile in (Profile(), Profile(host_on_robek=True), Profile(status="existing_working", current_model="ks",
                                                                    current_form="vertskommune")):
        for weights in (default_weights(), preset("like")):
            result = evaluate(profile, weights)
            table = ranking_table(result)
            for r, row in zip(result.ranking, table.to_dict("records"), strict=True):
                named_for, named_against = (None if row[c] == NO_STRONGEST else row[c]
                                            for c in ("Sterkeste grunn for", "Sterkeste grunn mot"))
                assert (named_for is None) == (not r.factors_for) and (named_against is None) == (not r.factors_against)
                assert not named_for or named_for != named_against, (r.label, named_for)
                labels = {f.factor_label: f.factor_id for f in (*r.factors_for, *r.factors_against)}
                if named_for:
                    assert r.contributions[labels[named_for]] > 0
                    assert r.contributions[labels[named_for]] == max(r.contributions.values())
                if named_against:
                    assert r.contributions[labels[named_against]] < 0
                    assert r.contributions[labels[named_against]] == min(r.contributions.values())
    ks_ko = next(r for r in evaluate(Profile(), default_weights()).ranking if r.alternative.key == "ks/par27")
    assert 2 in {x.factor_id for x in ks_ko.reasons_for} & {x.factor_id for x in ks_ko.reasons_against}  # the parts
    assert [f.factor_id for f in ks_ko.factors_against][:1] == [2] and 2 not in [f.factor_id for f in ks_ko.factors_for]
