"""The recommendation in the memo (ikt_model.memo.recommendation): the plain answer and the draft resolution
first, the reasons in «Anbefaling»."""

import io

from docx import Document

from ikt_model.memo import render_docx
from tests.memo.memo_cases import EVIL, memo_text


def test_the_draft_resolution_names_the_first_alternative_and_the_cost_split(memo):
    text = memo_text(memo)
    assert (f"{EVIL} utredes videre med Alternativ modell + Kommunalt oppgavefellesskap (KO) som hovedalternativ"
            in text and "kostnadsfordelingen i vedlegg 1" in text)                          # draft resolution


def test_the_plain_answer_and_the_draft_resolution_come_first(memo):
    first = memo.sections[0]
    texts = [b.text for b in first.blocks]
    assert texts[0] == memo.section("anbefaling").blocks[0].text  # the recommendation, in the report's order
    assert "Forslag til vedtak (utkast)" in texts
    resolution = texts[texts.index("Forslag til vedtak (utkast)") + 1]
    assert resolution.startswith(f"{memo.subject} utredes videre med") and "vedlegg 1" in resolution
    # said once: the reasoning further down points back to it
    assert resolution not in memo_text(memo).replace(resolution, "", 1)
    doc = Document(io.BytesIO(render_docx(memo)))
    body = [p.text for p in doc.paragraphs]
    assert body.index(texts[0]) < body.index("Bakgrunn") < body.index("Anbefaling")
