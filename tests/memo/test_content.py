"""The decision memo: every saksframlegg section, escaped HTML, a .docx python-docx can open."""

import io
from datetime import date

import pytest
from docx import Document

import ikt_model
from ikt_model import format as fmt
from ikt_model.costs.split import parse_cost_input, split_costs
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.memo import build_memo, render_docx, render_html
from ikt_model.municipalities import municipalities_today

EVIL = "<script>alert('x')</script> & «Sunnmøre»"
WORKSHOP = {"title": "Workshop <b>1</b>", "participants": 8, "method": "Gjennomsnitt",
            "dissent": [(3, 0.05), (1, 0.08)]}


class FakeRobustness:
    winner_key = "alternativ/par27"
    winner_label = "Alternativ modell + Kommunalt oppgavefellesskap (KO)"
    winner_acceptability = 0.87
    samples = 10_000
    sentences = ["Alternativ modell + Kommunalt oppgavefellesskap (KO) er best i 87\u00a0% av vektingene nær de "
                 "valgte vektene.",
                 "Anbefalingen står seg så lenge vekten på Ledelse er høyst 32 %."]


@pytest.fixture(scope="module")
def profile():
    return Profile(name=EVIL, members=["1515", "1511", "1514"], municipalities=3)


@pytest.fixture(scope="module")
def costs(profile):
    return split_costs(parse_cost_input(members=profile.members, budget_kr=12_000_000, equal_share=0.3))


@pytest.fixture(scope="module")
def memo(profile, costs):
    return build_memo(profile, default_weights(), "rapport", {"ff.as.1": 1}, workshop=WORKSHOP, costs=costs,
                      robustness=FakeRobustness(), today=date(2026, 11, 27))


def _text(memo) -> str:
    parts = []
    for s in memo.sections:
        for b in s.blocks:
            parts += [getattr(b, "text", ""), getattr(b, "caption", ""), *getattr(b, "items", ()),
                      *(" ".join(r) for r in getattr(b, "rows", ()))]
    return "\n".join(parts)


def test_every_section_in_saksframlegg_order(memo):
    assert [s.title for s in memo.sections] == ["Sammendrag og forslag til vedtak", "Bakgrunn", "Vurdering",
                                                "Alternativer", "Anbefaling", "Vedlegg"]


def test_content(memo, costs):
    text = _text(memo)
    population = fmt.number(sum(municipalities_today()[k].folketall[2026] for k in ("1515", "1511", "1514")))
    assert "Herøy (Møre og Romsdal), Vanylven, Sande" in text                               # profile, county
    assert f"{population} innbyggere (folketall 1.1.2026, SSB)" in text                      # population, date
    assert "Rapportens prioritering" in text and "ROC" not in text and "Kvalitet og tilgjengelighet" in text  # weights
    assert "Aksjeselskap (AS) × 1. Kvalitet og tilgjengelighet 0 +1" in text and "ff.as.1" not in text  # no id
    assert "best i 87\u00a0% av vektingene" in text                                          # robustness
    assert "Workshop <b>1</b>" in text and "8,0\u00a0%" in text                             # dissent
    herøy = costs.members[0]
    assert fmt.kroner(herøy.andel_kr) in text and "12\u00a0000\u00a0000\u00a0kr" in text     # costs
    assert "Herøy (Møre og Romsdal, 1515)" in text                                           # county
    assert "folkemengde 1. januar 2026" in text                                              # source
    assert "FoU-prosjekt 144016" in text and "Statistisk sentralbyrå" in text                 # sources
    html = render_html(memo)
    assert f"versjon {ikt_model.__version__}" in html and "27.11.2026" in html  # version, date: in the footer
    assert (f"{EVIL} utredes videre med Alternativ modell + Kommunalt oppgavefellesskap (KO) som hovedalternativ"
            in text and "kostnadsfordelingen i vedlegg 1" in text)                          # draft resolution
    alternativer = memo.section("alternativer")
    assert len(alternativer.blocks[0].rows) == 12
    assert alternativer.blocks[0].rows[0][1] == "Alternativ modell + Kommunalt oppgavefellesskap (KO)"
    quotes = [b for s in memo.sections for b in s.blocks if b.kind == "quote"]
    assert any("kommunelovens § 27" in q.text and q.source == "Rapporten, kap. 4.2" for q in quotes)
    assert len(quotes) >= 3


def test_optional_parts_left_out():
    memo = build_memo(Profile(), default_weights(), robustness=None, today=date(2026, 1, 2))
    text = _text(memo)
    assert "Workshop" not in text and "Kostnadsfordeling" not in text
    assert "Robusthetsanalysen er ikke tatt med" in text
    assert "Statistisk sentralbyrå" not in text
    assert "Vedlegg 1: Poeng per suksessfaktor" in text


def test_robustness_is_computed_when_available():
    pytest.importorskip("ikt_model.robustness.reading")
    memo = build_memo(Profile(), default_weights(), today=date(2026, 1, 2))
    assert "av vektingene nær de valgte vektene" in _text(memo)


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
    text = _text(memo)
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
    assert f"går poengene fra {_signed0(min(points))} til {_signed0(max(points))}" in text
    assert "fra -2 til +2" not in text


def memo_evaluation(profile):
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.knowledge import default_knowledge_base

    kb = default_knowledge_base().with_overrides({"ff.vertskommune.2": 1})
    return evaluate(profile, default_weights(), kb).ranking


def _signed0(value):
    from ikt_model import format as fmt

    return fmt.signed(value, 0)


def test_the_plain_answer_and_the_draft_resolution_come_first(memo):
    first = memo.sections[0]
    texts = [b.text for b in first.blocks]
    assert texts[0] == memo.section("anbefaling").blocks[0].text  # the recommendation, in the report's order
    assert "Forslag til vedtak (utkast)" in texts
    resolution = texts[texts.index("Forslag til vedtak (utkast)") + 1]
    assert resolution.startswith(f"{memo.subject} utredes videre med") and "vedlegg 1" in resolution
    # said once: the reasoning further down points back to it
    assert resolution not in _text(memo).replace(resolution, "", 1)
    doc = Document(io.BytesIO(render_docx(memo)))
    body = [p.text for p in doc.paragraphs]
    assert body.index(texts[0]) < body.index("Bakgrunn") < body.index("Anbefaling")
