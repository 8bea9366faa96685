"""«Vurdering» of the memo (ikt_model.memo.assessment): weights, own assessments, robustness, workshop."""

from tests.memo.memo_cases import memo_text


def test_assessment_gives_weights_own_assessments_robustness_and_dissent(memo):
    text = memo_text(memo)
    assert "Rapportens prioritering" in text and "ROC" not in text and "Kvalitet og tilgjengelighet" in text  # weights
    assert "Aksjeselskap (AS) × 1. Kvalitet og tilgjengelighet 0 +1" in text and "ff.as.1" not in text  # no id
    assert "best i 87\u00a0% av vektingene" in text                                          # robustness
    assert "Workshop <b>1</b>" in text and "8,0\u00a0%" in text                             # dissent
