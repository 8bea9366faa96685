"""«Alternativer» of the memo (ikt_model.memo.alternatives): the twelve alternatives ranked."""


def test_alternatives_rank_all_twelve(memo):
    alternativer = memo.section("alternativer")
    assert len(alternativer.blocks[0].rows) == 12
    assert alternativer.blocks[0].rows[0][1] == "Alternativ modell + Kommunalt oppgavefellesskap (KO)"
