"""The decision memo (ikt_model.memo.content, html, docx): every saksframlegg section in order, its sources,
escaped HTML, a .docx python-docx can open; each section's own content in test_<section>.py."""

import io
from datetime import date

import pytest
from docx import Document

import ikt_model
from ikt_model import format as fmt
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.memo import build_memo, render_docx, render_html
from tests.memo.memo_cases import EVIL, memo_text


def test_every_section_in_saksframlegg_order(memo):
    assert [s.title for s in memo.sections] == ["Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering",
                                                "Alternativer", "Anbefaling", "Vedlegg"]


def test_content(memo):
    text = memo_text(memo)
    assert "folkemengde 1. januar 2026" in text                                              # source
    assert "FoU-prosjekt 144016" in text and "Statistisk sentralbyrå" in text                 # sources
    html = render_html(memo)
    assert f"versjon {ikt_model.__version__}" in html and "27.11.2026" in html  # version, date: in the footer
    quotes = [b for s in memo.sections for b in s.blocks if b.kind == "quote"]
    assert any("kommunelovens § 27" in q.text and q.source == "Rapporten, kap. 4.2" for q in quotes)
    assert len(quotes) >= 3


def test_optional_parts_left_out():
    memo = build_memo(Profile(), default_weights(), robustness=None, today=date(2026, 1, 2))
    text = memo_text(memo)
    assert "Workshop" not in text and "Kostnadsfordeling" not in text
    assert "Robusthetsanalysen er ikke tatt med" in text
    assert "Statistisk sentralbyrå" not in text
    assert "Vedlegg 1: Poeng per suksessfaktor" in text


def test_robustness_is_computed_when_available():
    pytest.importorskip("ikt_model.robustness.reading")
    memo = build_memo(Profile(), default_weights(), today=date(2026, 1, 2))
    assert "av vektingene nær de valgte vektene" in memo_text(memo)


def test_html_escapes_user_text_and_prints_on_a4(memo):
    html = render_html(memo)
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp;" in html
    assert "<b>1</b>" not in html and "Workshop &lt;b&gt;1&lt;/b&gt;" in html
    assert "@page { size: A4" in html and '<html lang="nb">' in html
    for title in ("Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering", "Alternativer", "Anbefaling", "Vedlegg"):
        assert f"<h2>{title}</h2>" in html
    assert html.count("<table>") >= 6 and "http" not in html.replace("http-equiv", "")


def test_docx_opens_with_headings_and_tables(memo):
    doc = Document(io.BytesIO(render_docx(memo)))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering", "Alternativer", "Anbefaling",
        "Vedlegg"]
    assert doc.paragraphs[1].text == memo.title and EVIL in memo.title
    tables = doc.tables
    assert len(tables) >= 7  # header + profile + weights + overrides + dissent + ranking + costs + scores
    ranking = next(t for t in tables if t.rows[0].cells[0].text == "Rang")
    assert len(ranking.rows) == 13
    assert ranking.rows[1].cells[1].text == "Alternativ modell + Kommunalt oppgavefellesskap (KO)"
    costs = next(t for t in tables if t.rows[0].cells[0].text == "Kommune")
    assert costs.rows[-1].cells[3].text == "12\u00a0000\u00a0000\u00a0kr"
    assert costs.rows[0].cells[1].text == "Folketall 1.1.2026"
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert doc.core_properties.language == "nb-NO"


def test_memo_for_the_kommunestyre_reads_right():
    """No «samarbeidet samarbeidet», no internal ids, no «rundt dine vekter», the scale as it is in this case,
    «KS-modellen» with its capitals, one footer line with date and version, plurals."""
    import re

    profile = Profile(status="existing_working", current_model="ks", current_form="iks", stable_operations=False)
    memo = build_memo(profile, default_weights(), "egendefinert", {"ff.vertskommune.2": 1},
                      workshop={"title": "W", "participants": 1, "method": "poeng", "dissent": [(1, 0.1)]},
                      today=date(2026, 11, 27))
    text = memo_text(memo)
    html = render_html(memo)
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "samarbeidet samarbeidet" not in plain and "av IKT-samarbeidet:" in plain
    assert "ff.vertskommune" not in plain and "egendefinert" not in plain
    assert "rundt dine" not in plain and "dine vekter" not in plain
    assert "ks-modellen" not in plain and "KS-modellen" in plain
    assert "1 deltaker " in plain and "1 deltakere" not in plain and "metode: poeng)" not in plain
    assert plain.count("versjon " + ikt_model.__version__) == 1  # the footer, once
    # the scale: said from the data, and it matches the appendix and the ranking
    points = [v for r in memo_evaluation(profile) for v in r.factor_scores.values()]
    assert f"går poengene fra {fmt.points(min(points))} til {fmt.points(max(points))}" in text  # −2,5: not −2
    assert "fra -2 til +2" not in text


def memo_evaluation(profile):
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.knowledge import default_knowledge_base

    kb = default_knowledge_base().with_overrides({"ff.vertskommune.2": 1})
    return evaluate(profile, default_weights(), kb).ranking


