"""Scenario model and JSON export/import: round-trip and every refusal (nothing changed)."""

import json

import pytest

from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights, preset
from ikt_model.scenarios.charts import comparison_figure
from ikt_model.scenarios.compare import compare, row_label
from ikt_model.scenarios.model import (
    MAX_IMPORT_BYTES,
    Scenario,
    ScenarioError,
    ScenarioImportError,
    clean_name,
    export_json,
    import_json,
    profile_rows,
    scenario_from_state,
)

WORKING_VK = dict(status="existing_working", current_model="ks", current_form="vertskommune")


@pytest.fixture
def scenario() -> Scenario:
    return scenario_from_state("Med ROBEK <b>", Profile(host_on_robek=True, members=["1515", "1511", "1514"],
                                                        municipalities=3),
                               preset("like"), "like", {"ff.as.1": 1, "ff.iks.2": -2})


def test_round_trip(scenario):
    text = export_json(scenario)
    assert json.loads(text)["schema_version"] == 1
    back = import_json(text)
    assert back == scenario
    assert back.name == "Med ROBEK <b>"  # text kept as text; pages show it as text
    assert import_json(text.encode("utf-8")) == scenario
    assert import_json("\ufeff" + text) == scenario  # a BOM from Windows editors is fine


def test_scenario_evaluates_with_its_overrides(scenario):
    plain = scenario.model_copy(update={"overrides": {}})
    assert scenario.evaluate().ranking != plain.evaluate().ranking


def _mutated(scenario, **changes) -> str:
    raw = json.loads(export_json(scenario))
    for path, value in changes.items():
        target = raw
        keys = path.split("__")
        for k in keys[:-1]:
            target = target[k]
        if value is KeyError:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    return json.dumps(raw)


@pytest.mark.parametrize("change, message", [
    (dict(schema_version=2), "Ukjent skjemaversjon 2"),
    (dict(schema_version="1"), "Ukjent skjemaversjon '1'"),
    (dict(schema_version=KeyError), "mangler skjemaversjon"),
    (dict(profile__current_model="matrise"), "Ukjent styringsmodell «matrise»"),
    (dict(profile__current_form="samkommune"), "Ukjent organisasjonsform «samkommune»"),
    (dict(weights__points={"1": 10, "13": 5}), "Ukjent faktor i vektene: 13"),
    (dict(weights__points={"kvalitet": 10}), "Ukjent faktor i vektene: kvalitet"),
    (dict(weights__points={"1": -1}), "kan ikke være negativ"),
    (dict(overrides={"ff.samkommune.1": 1}), "Ukjent vurdering i overstyringene: ff.samkommune.1"),
    (dict(overrides={"ff.as.1": 5}), "heltall fra -2 til 2"),
    (dict(name=""), "Gi scenarioet et navn"),
    (dict(name="x" * 81), "høyst 80 tegn"),
    (dict(profile__status="existing_working"), "nåværende styringsmodell"),
    (dict(profile__members=["9999"]), "Ukjent kommunenummer: 9999"),
    (dict(extra_field=1), "Ukjent felt «extra_field»"),
    (dict(profile=KeyError), "Feltet «profile» mangler"),
])
def test_import_refusals(scenario, change, message):
    with pytest.raises(ScenarioImportError, match=message):
        import_json(_mutated(scenario, **change))


@pytest.mark.parametrize("data, message", [
    (b"{not json", "ikke gyldig JSON"),
    (b"[1, 2]", "ett JSON-objekt"),
    (b"\xff\xfe\x00", "ikke tekst i UTF-8"),
    (b"", "ikke gyldig JSON"),
])
def test_import_refuses_malformed(data, message):
    with pytest.raises(ScenarioImportError, match=message):
        import_json(data)


def test_import_refuses_over_one_megabyte(scenario):
    raw = json.loads(export_json(scenario))
    raw["profile"]["name"] = "x" * MAX_IMPORT_BYTES
    with pytest.raises(ScenarioImportError, match="for stor .*høyst 1 MB"):
        import_json(json.dumps(raw))


def test_clean_name():
    assert clean_name("  Med   ROBEK ") == "Med ROBEK"
    assert clean_name("a\u0000b\u202e") == "ab"  # control and bidi characters are removed
    with pytest.raises(ScenarioError):
        scenario_from_state("   ", Profile(), default_weights())


def test_profile_rows_are_readable():
    rows = dict(profile_rows(Profile(**WORKING_VK, host_on_robek=True)))
    assert rows["Status"] == "Eksisterende samarbeid som fungerer"
    assert rows["Vertskommunen er på ROBEK"] == "Ja"
    assert rows["Nåværende organisasjonsform"] == "Vertskommune"


def test_compare_two_scenarios_finds_changes_and_winners():
    a = scenario_from_state("Uten ROBEK", Profile(**WORKING_VK), default_weights())
    b = scenario_from_state("Med ROBEK", Profile(**WORKING_VK, host_on_robek=True, transition_weight=0.0),
                            default_weights(), "rapport", {"ff.as.1": 2})
    result = compare([a, b])
    assert [r.name for r in result.results] == ["Uten ROBEK", "Med ROBEK"]
    assert result.results[0].winner_key == "alternativ/vertskommune"
    assert result.results[1].winner_key != "alternativ/vertskommune"
    assert not result.same_winner and "skifter" in result.summary()
    kinds = {(c.kind, c.what) for c in result.changes}
    assert ("Profil", "Vertskommunen er på ROBEK") in kinds
    assert any(k == "Overstyring" and "ff.as.1" in w for k, w in kinds)
    assert not any(k == "Vekt" for k, _ in kinds)
    rows = result.rank_rows()
    assert len(rows) == 12 and rows[0]["Uten ROBEK: rang"] == 1
    fig = comparison_figure(result)
    assert [t.name for t in fig.data] == ["Uten ROBEK", "Med ROBEK"]


def test_compare_weights_and_limits():
    a = scenario_from_state("Rapportens vekter", Profile(), default_weights())
    b = scenario_from_state("Like vekter", Profile(), preset("like"), "like")
    c = scenario_from_state("Rangsum", Profile(), preset("rangsum"), "rangsum")
    result = compare([a, b, c])
    assert result.same_winner and len(result.results) == 3
    assert sum(1 for ch in result.changes if ch.kind == "Vekt") == 13  # 12 factors + the source
    with pytest.raises(ScenarioError, match="to eller tre"):
        compare([a])
    with pytest.raises(ScenarioError, match="to eller tre"):
        compare([a, b, c, a])
    with pytest.raises(ScenarioError, match="forskjellige"):
        compare([a, a])


def test_row_label():
    assert row_label(default_knowledge_base(), "ff.as.1") == ("Aksjeselskap (AS) × 1. Kvalitet og tilgjengelighet "
                                                              "(ff.as.1)")


def test_markdown_escape_keeps_text_literal():
    from ikt_model.scenarios.model import markdown_escape

    assert markdown_escape("**x** [a](javascript:1) <b>") == "\\*\\*x\\*\\* \\[a\\]\\(javascript\\:1\\) \\<b\\>"
    assert markdown_escape("Sunnmøre 2026") == "Sunnmøre 2026"


def test_comparison_figure_escapes_names():
    a = scenario_from_state("<b>Fet</b> & <a href='x'>lenke</a>", Profile(), default_weights())
    b = scenario_from_state("Like", Profile(), preset("like"), "like")
    fig = comparison_figure(compare([a, b]))
    assert fig.data[0].name == "&lt;b&gt;Fet&lt;/b&gt; &amp; &lt;a href=&#x27;x&#x27;&gt;lenke&lt;/a&gt;"
    assert "<b>" not in fig.data[0].hovertext[0]
