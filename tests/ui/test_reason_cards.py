"""«Hvorfor?»'s reason cards (ui.reason_cards): what each card says, escaping, and an empty side."""

from html.parser import HTMLParser

from ikt_model.decision.evaluation import Reason, evaluate
from ikt_model.decision.knowledge import default_knowledge_base
from ikt_model.decision.profile import Profile
from ikt_model.decision.scoring import Part
from ikt_model.decision.weights import preset
from ikt_model.ui.reason_cards import NO_REASONS, reason_card, reason_cards


class _Text(HTMLParser):
    """The text a reader sees, per element class: {"ikt-why-quote": [...], ...}, and every tag seen."""

    def __init__(self):
        super().__init__()
        self.by_class: dict[str, list[str]] = {}
        self.tags: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._stack.append(dict(attrs).get("class", ""))

    def handle_endtag(self, tag):
        if self._stack:  # a half of a block (split for a test) may close what it did not open
            self._stack.pop()

    def handle_data(self, data):
        self.by_class.setdefault(self._stack[-1] if self._stack else "", []).append(data)


def _read(html: str) -> _Text:
    reader = _Text()
    reader.feed(html)
    return reader


def _reason(quote: str = "Et sitat", note: str | None = None, label: str = "Omstillingsevne") -> Reason:
    part = Part(source="model", id="mf.x", score=1, section="2.4.2", quote=quote, note=note)
    return Reason(factor_id=2, factor_label=label, weighted=0.17, part=part)


def test_a_card_names_factor_contribution_source_section_quote_and_note():
    read = _read(reason_card(_reason(note="Gjennomgang 2026: gjelder bare når …")))
    text = "".join(read.by_class[""] + read.by_class.get("ikt-why-card", []))
    assert "Omstillingsevne" in text and " · +0,17 (Styringsmodell, kap. 2.4.2)" in text
    assert read.by_class["ikt-why-quote"] == ["«Et sitat»"]
    assert read.by_class["ikt-why-note"] == ["Gjennomgang 2026: gjelder bare når …"]
    assert "ikt-why-note" not in _read(reason_card(_reason())).by_class  # no note: no note line


def test_text_is_escaped_never_markup():
    hostile = '<img src=x onerror=alert(1)> **fet** [lenke](https://example.org) & «»'
    html = reason_card(_reason(quote=hostile, note=hostile, label=hostile))
    read = _read(html)
    assert "img" not in read.tags and "a" not in read.tags
    assert read.by_class["ikt-why-quote"] == [f"«{hostile}»"] and read.by_class["ikt-why-note"] == [hostile]


def test_both_sides_of_the_best_alternative_and_an_empty_side():
    kb = default_knowledge_base()
    best = evaluate(Profile(), preset("rapport"), kb).best
    read = _read(reason_cards(best))
    cards = reason_cards(best)
    assert cards.index("<h4>For</h4>") < cards.index("<h4>Mot</h4>")
    assert cards.count('class="ikt-why-card"') == len(best.reasons_for) + len(best.reasons_against) > 0
    for reason in (*best.reasons_for, *best.reasons_against):
        assert f"«{reason.part.quote}»" in read.by_class["ikt-why-quote"]
    # the «For» column comes first and holds exactly the reasons for
    head, against = cards.split('aria-label="Mot"')
    assert _read(head).by_class["ikt-why-quote"] == [f"«{r.part.quote}»" for r in best.reasons_for]
    assert _read(against).by_class["ikt-why-quote"] == [f"«{r.part.quote}»" for r in best.reasons_against]
    empty = _read(reason_cards(best.model_copy(update={"reasons_against": ()})))
    assert empty.by_class["ikt-why-none"] == [NO_REASONS]
