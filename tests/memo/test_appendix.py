"""«Vedlegg» of the memo (ikt_model.memo.appendix): the cost split, each member with its county."""

from ikt_model import format as fmt
from tests.memo.memo_cases import memo_text


def test_appendix_has_every_members_share_of_the_budget(memo, costs):
    text = memo_text(memo)
    herøy = costs.members[0]
    assert fmt.kroner(herøy.andel_kr) in text and "12\u00a0000\u00a0000\u00a0kr" in text     # costs
    assert "Herøy (Møre og Romsdal, 1515)" in text                                           # county


def test_appendix_lists_the_members_as_the_page_does_the_largest_share_first():
    from datetime import date

    from ikt_model.costs.inputs import parse_cost_input
    from ikt_model.costs.split import split_costs
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.knowledge import default_knowledge_base
    from ikt_model.decision.profile import Profile
    from ikt_model.decision.weights import default_weights
    from ikt_model.memo.appendix import appendix_section

    kb = default_knowledge_base()
    costs = split_costs(parse_cost_input(members=["1514", "1511", "1515"], budget_kr=12_000_000))
    section = appendix_section(evaluate(Profile(), default_weights(), kb), kb, costs, (), date(2026, 1, 1))
    table = next(b for b in section.blocks if b.kind == "table" and b.caption == "Hver kommunes andel")
    assert [row[0] for row in table.rows] == ["Herøy (Møre og Romsdal, 1515)", "Vanylven (1511)", "Sande (1514)",
                                              "Sum"]


def test_the_appendix_gives_each_factor_s_points_as_exact_as_the_page():
    """«Vedlegg: Poeng per suksessfaktor» rounded to whole points: +0,5 on «Omstillingsevne» read 0 beside a
    memo that named it as a reason for (a fresh tester). The same text as the page's heatmap cells."""
    from datetime import date

    from ikt_model.decision.charts import factor_heatmap
    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.knowledge import default_knowledge_base
    from ikt_model.decision.profile import Profile
    from ikt_model.decision.weights import default_weights
    from ikt_model.memo.appendix import appendix_section

    kb = default_knowledge_base()
    result = evaluate(Profile(), default_weights(), kb)
    section = appendix_section(result, kb, None, (), date(2026, 1, 1))
    table = next(b for b in section.blocks if b.kind == "table" and b.caption == "Poeng per faktor (før vekting)")
    cells = [cell for row in table.rows for cell in row[1:]]
    assert any("," in cell for cell in cells)  # half points are there, with their decimal
    heat = factor_heatmap(result, kb)["data"][0]["text"]
    assert [list(col) for col in zip(*[row[1:] for row in table.rows], strict=True)] == heat[:3]
