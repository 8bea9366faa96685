"""AppTest: an overview uploaded on «Nasjonal oversikt» belongs to the uploader's sak (workspace) until it is
published with the server operator's key (IKT_OPERATOR_KEY); another municipality's session sees only the
published versions on the overview, map, similar and SQL pages; without the key nobody publishes."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ikt_model.overview import version_repository
from tests.markdown_text import shown
from tests.pages.test_overview import GOOD_2026

KEY = "driftens-nøkkel-som-er-lang-nok"
VERSION_BOXES = {"pages/overview.py": "ov_version", "pages/map_view.py": "kart_versjon",
                 "pages/similar.py": "lignende_versjon", "pages/sql_console.py": "sql_versjon"}


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    monkeypatch.delenv("IKT_OPERATOR_KEY", raising=False)


def session() -> AppTest:
    at = AppTest.from_file("../../app.py", default_timeout=60)
    at.run()
    return at


def upload_and_save(at: AppTest) -> AppTest:
    at.switch_page("pages/overview.py").run()
    at.file_uploader(key="ov_upload").set_value(("oversikt.csv", GOOD_2026, "text/csv")).run()
    save = next(b for b in at.get("form_submit_button") if b.label == "Lagre som ny versjon")
    save.click().run()
    assert not at.exception, at.exception
    return at


def publish(at: AppTest, key: str) -> AppTest:
    at.text_input(key="ov_operator_key").input(key)
    button = next(b for b in at.get("form_submit_button") if b.label.startswith("Publiser versjon"))
    button.click().run()
    assert not at.exception, at.exception
    return at


def offered(at: AppTest) -> dict[str, list[int]]:
    """The versions each overview page offers this session."""
    seen = {}
    for page, key in VERSION_BOXES.items():
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        box = at.selectbox(key=key)
        seen[page] = [int(o.split(" – ")[0].removeprefix("Versjon ")) for o in box.options]
    return seen


def test_an_upload_is_private_to_its_sak_until_the_operator_key_publishes_it(store, monkeypatch):
    heroy = upload_and_save(session())
    assert heroy.selectbox(key="ov_version").value == 2
    assert "ikke publisert" in heroy.selectbox(key="ov_version").options[-1]
    # a new private sak was made for the upload: its link is shown once, with the warning
    link_box = " ".join(w.value for w in heroy.warning)
    assert "Den som har lenken, kan se og endre sakens scenarier" in link_box
    assert "?sak=" in heroy.code[0].value
    assert offered(heroy) == {page: [1, 2] for page in VERSION_BOXES}

    valer = session()
    assert offered(valer) == {page: [1] for page in VERSION_BOXES}

    heroy.switch_page("pages/overview.py").run()
    assert "Bare saken som lastet den opp" in " ".join(shown(c.value) for c in heroy.caption)
    # no key configured on the server: publishing is off, whatever is typed
    publish(heroy, KEY)
    assert any("Publisering er slått av" in shown(e.value) for e in heroy.error)
    monkeypatch.setenv("IKT_OPERATOR_KEY", KEY)
    for wrong in ("", "gjettet", KEY[:-1], KEY + " "):
        publish(heroy, wrong)
        assert any("Feil operatørnøkkel" in shown(e.value) for e in heroy.error), wrong
    assert offered(valer) == {page: [1] for page in VERSION_BOXES}
    assert not version_repository.shared_repository().info(2, everything=True).published

    heroy.switch_page("pages/overview.py").run()
    publish(heroy, KEY)
    assert any("Versjon 2 er publisert" in s.value for s in heroy.success)
    assert not any(w.key == "ov_publish_box" for w in heroy.get("flex_container"))
    assert "ikke publisert" not in heroy.selectbox(key="ov_version").options[-1]
    assert offered(valer) == {page: [1, 2] for page in VERSION_BOXES}
    # version 1 stays; the key typed is not kept in the session
    assert KEY not in repr({k: heroy.session_state[k] for k in heroy.session_state})


def test_a_published_version_has_no_publish_box_and_the_report_neither(store):
    at = session().switch_page("pages/overview.py").run()
    assert not any(t.label == "Operatørnøkkel" for t in at.text_input)
    assert version_repository.shared_repository().versions()[-1].id == 1
