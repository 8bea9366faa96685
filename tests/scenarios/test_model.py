"""Scenario model and JSON export/import: round-trip and every refusal (nothing changed)."""

import json

import pytest

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights, preset
from ikt_model.scenarios.model import (
    MAX_IMPORT_BYTES,
    TRANSITION_NOT_USED,
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


def test_transition_weight_reads_as_not_used_for_a_new_collaboration():
    """A fresh tester: the memo's profile table said «Vekt på omstillingskostnad 100 %» for a new collaboration,
    where there is nothing to convert (the weight is not used)."""
    assert dict(profile_rows(Profile()))["Vekt på omstillingskostnad"] == TRANSITION_NOT_USED
    assert dict(profile_rows(Profile(**WORKING_VK)))["Vekt på omstillingskostnad"] == "100\u00a0%"


def test_profile_rows_are_readable():
    rows = dict(profile_rows(Profile(**WORKING_VK, host_on_robek=True)))
    assert rows["Status"] == "Eksisterende samarbeid som fungerer"
    assert rows["Vertskommunen er på ROBEK"] == "Ja"
    assert rows["Nåværende organisasjonsform"] == "Vertskommune"


def test_markdown_escape_keeps_text_literal():
    from ikt_model.ui.text import markdown_escape

    assert markdown_escape("**x** [a](javascript:1) <b>") == "\\*\\*x\\*\\* \\[a\\]\\(javascript\\:1\\) \\<b\\>"
    assert markdown_escape("Sunnmøre 2026") == "Sunnmøre 2026"


def test_import_refuses_deep_nesting_and_values_outside_the_closed_lists():
    import json as _json

    import pytest as _pytest

    from ikt_model.decision.profile import Profile as _Profile
    from ikt_model.decision.weights import preset as _preset
    from ikt_model.scenarios.model import ScenarioImportError, export_json, import_json, scenario_from_state

    with _pytest.raises(ScenarioImportError, match="ikke gyldig JSON"):
        import_json("[" * 100_000 + "]" * 100_000)
    with _pytest.raises(ScenarioImportError, match="ikke gyldig JSON"):
        import_json('{"a": ' * 70 + "1" + "}" * 70)  # deeper than 64, though Python could parse it
    good = _json.loads(export_json(scenario_from_state("X", _Profile(), _preset("like"), "like")))
    with _pytest.raises(ScenarioImportError, match="Ukjent metode «magi»"):
        import_json(_json.dumps({**good, "method": "magi"}))
    with _pytest.raises(ScenarioImportError, match="Ukjent kilde for vektene"):
        import_json(_json.dumps({**good, "weights_source": "[Logg inn](https://example.org)"}))
    assert import_json(_json.dumps(good)).method == "vektet_sum"


def test_a_long_name_is_counted_in_norwegian_number_format():
    from ikt_model.scenarios.model import ScenarioError, clean_name

    with pytest.raises(ScenarioError, match="Navnet kan ha høyst 80 tegn \\(har 1\u00a0200\\)"):
        clean_name("x" * 1200)
