"""Text from outside is text: a hostile profile name, weight source (from an imported scenario file),
share link and workshop title are shown escaped on every page that shows them, and in the memo."""

import io
import json
from pathlib import Path

import pytest
from docx import Document

from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import preset
from ikt_model.scenarios.model import export_json, scenario_from_state
from ikt_model.ui import session
from ikt_model.ui.share import QUERY_PARAM, encode_state
from ikt_model.ui.text import markdown_escape

LINK = "[Logg inn](https://evil.example/login)"
IMAGE = "![x](https://evil.example/p.png)"
TAG = "<img src=https://evil.example/i.png>"
NAME = f"Våler {LINK} {IMAGE} {TAG}"
SOURCE = "[Logg inn](https://evil.example) ![](https://evil.example/p)"

PAGES = ["pages/home.py", "pages/profile.py", "pages/comparison.py", "pages/robustness.py", "pages/scenarios.py",
         "pages/memo.py", "pages/costs.py", "pages/workshop_facilitator.py"]


def rendered_markdown(at) -> list[str]:
    """The source of every element that Streamlit renders as Markdown (page and sidebar)."""
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader",
             "toast")
    out = []
    for kind in kinds:
        out += [str(e.value) for e in at.get(kind)]
    return out


def assert_no_markup_from_outside(texts: list[str]) -> None:
    for text in texts:
        # the foreign host only ever appears escaped (evil\.example), so it cannot be a link or an image URL
        assert "evil.example" not in text, text
        for piece in (LINK, IMAGE, TAG, SOURCE):
            assert piece not in text, text


def _hostile_state(at) -> None:
    at.session_state[session.PROFILE] = Profile(name=NAME, members=["1515", "1511"], municipalities=2)
    session.set_weights(at.session_state, preset("like"), SOURCE)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_profile_name_and_weight_source_are_text(at, page):
    _hostile_state(at)
    at.switch_page(page).run()
    assert not at.exception
    texts = rendered_markdown(at)
    assert_no_markup_from_outside(texts)
    joined = "\n".join(texts)
    if page in ("pages/comparison.py", "pages/robustness.py", "pages/memo.py", "pages/scenarios.py"):
        # the weight source is shown (sidebar «Kilde», page captions), escaped
        assert markdown_escape(SOURCE) in joined
    if page == "pages/comparison.py":
        assert markdown_escape(NAME) in joined


def test_hostile_names_in_memo_html_and_word(at):
    _hostile_state(at)
    at.switch_page("pages/memo.py").run()
    at.text_input(key="notat_title").set_value(f"Notat {LINK} {TAG}")
    at.button(key="notat_make").click().run()
    assert not at.exception
    assert_no_markup_from_outside(rendered_markdown(at))
    _, _, html_text, docx_bytes = at.session_state["notat_result"]
    assert "<img" not in html_text and "<a " not in html_text
    assert "&lt;img src=https://evil.example/i.png&gt;" in html_text
    doc = Document(io.BytesIO(docx_bytes))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert NAME in text or "Våler [Logg inn]" in text  # the name is plain text in the Word file
    assert not doc.inline_shapes  # no image, and no hyperlink relationship to a foreign host
    assert all("evil.example" not in r.target_ref for r in doc.part.rels.values())


def test_hostile_share_link_is_text(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("IKT_STORE_PATH", str(tmp_path / "store.duckdb"))
    value = encode_state(Profile(name=NAME), preset("rapport"), {})
    app = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    app.query_params[QUERY_PARAM] = value
    app.run()
    assert app.session_state[session.PROFILE].name == NAME
    for page in ("pages/home.py", "pages/comparison.py", "pages/workshop_facilitator.py"):
        app.switch_page(page).run()
        assert not app.exception
        assert_no_markup_from_outside(rendered_markdown(app))
    assert markdown_escape(NAME) in "\n".join(rendered_markdown(app))  # facilitator: the profile summary


def test_hostile_scenario_file_imported_and_loaded(at):
    at.switch_page("pages/scenarios.py").run()
    uploader = at.get("file_uploader")
    if not uploader:
        pytest.skip("this Streamlit's AppTest has no file_uploader support")
    raw = json.loads(export_json(scenario_from_state("Fil", Profile(name=NAME), preset("like"), "like")))
    raw["weights_source"] = SOURCE
    raw["name"] = "Fil [Logg inn](https://evil.example)"
    uploader[0].set_value([("s.json", json.dumps(raw).encode(), "application/json")]).run()
    assert_no_markup_from_outside(rendered_markdown(at))
    if at.get("button") and any(b.key == "scen_import" for b in at.button):
        at.button(key="scen_import").click().run()
        at.button(key="scen_load").click().run()
        for page in ("pages/comparison.py", "pages/robustness.py", "pages/memo.py"):
            at.switch_page(page).run()
            assert not at.exception
            assert_no_markup_from_outside(rendered_markdown(at))
