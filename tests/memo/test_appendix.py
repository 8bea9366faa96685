"""«Vedlegg» of the memo (ikt_model.memo.appendix): the cost split, each member with its county."""

from ikt_model import format as fmt
from tests.memo.memo_cases import memo_text


def test_appendix_has_every_members_share_of_the_budget(memo, costs):
    text = memo_text(memo)
    herøy = costs.members[0]
    assert fmt.kroner(herøy.andel_kr) in text and "12\u00a0000\u00a0000\u00a0kr" in text     # costs
    assert "Herøy (Møre og Romsdal, 1515)" in text                                           # county
