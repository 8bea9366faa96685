"""«Alternativer» of the memo (ikt_model.memo.alternatives): the twelve alternatives ranked."""


def test_alternatives_rank_all_twelve(memo):
    alternativer = memo.section("alternativer")
    assert len(alternativer.blocks[0].rows) == 12
    assert alternativer.blocks[0].rows[0][1] == "Alternativ modell + Kommunalt oppgavefellesskap (KO)"


def test_an_alternative_no_factor_pulls_up_reads_ingen_as_on_the_page(memo):
    """The memo wrote «–» (a missing value) and the page left the cell empty where no factor moves the total
    that way: both now say «Ingen» (decision.views.NO_STRONGEST)."""
    from ikt_model.decision.views import NO_STRONGEST

    rows = memo.section("alternativer").blocks[0].rows
    assert any(row[3] == NO_STRONGEST for row in rows) and not any("–" in (row[3], row[4]) for row in rows)
    assert all(row[3] != row[4] or row[3] == NO_STRONGEST for row in rows)
