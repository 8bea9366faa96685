"""The memo as data (ikt_model.memo.document): sections found by id, blocks told apart by their kind."""

import pytest
from pydantic import TypeAdapter

from ikt_model.memo.document import SECTION_TITLES, Block, Quote, Section, Table


def test_a_section_is_found_by_its_id(memo):
    assert [s.id for s in memo.sections] == list(SECTION_TITLES)
    assert memo.section("vurdering").title == "Vurdering"
    with pytest.raises(StopIteration):
        memo.section("ukjent")


def test_blocks_are_told_apart_by_their_kind():
    adapter = TypeAdapter(Block)
    quote = adapter.validate_python({"kind": "quote", "text": "Sitat", "source": "Rapporten, kap. 4.2"})
    assert isinstance(quote, Quote) and quote.source == "Rapporten, kap. 4.2"
    table = adapter.validate_python({"kind": "table", "caption": "T", "columns": ["A"], "rows": [["1"]]})
    assert isinstance(table, Table) and table.rows == (("1",),) and table.numeric == ()
    section = Section(id="x", title="X", blocks=[{"kind": "paragraph", "text": "Tekst"}])
    assert section.blocks[0].kind == "paragraph"
