"""Every knowledge row's sign, checked against a written reason (the 2026 review, row by row).

Form rows follow the reading rules for the 4.2 table (data/knowledge/README.md). Model and fit rows are
listed one by one with the reason the quote supports that sign; a row added or changed in the data
without a reason here fails the test.
"""

import pytest

from ikt_model.decision.knowledge import default_knowledge_base

KB = default_knowledge_base()

# id: (sign, why the quote supports it)
MODEL_AND_FIT = {
    "mf.ks.1": (0, "SLA states expectations but gives no sanctions (3.3.1): no quality difference"),
    "mf.ks.2": (-1, "the supplier proposes change from the supplier's perspective (3.3.1)"),
    "mf.ks.3": (0, "consolidation is effektivisering, not long-term investment (4.3, 4.4); ad hoc ordering (2.8)"),
    "mf.ks.4": (-1, "«passer ikke like godt til fremtidens IKT-oppgaver» (4.1)"),
    "mf.ks.5": (-1, "«kunden ingen sanksjonsmuligheter» (3.3.1)"),
    "mf.ks.6": (0, "clear roles (+) against a supplier not free to act (−) (3.3.1)"),
    "mf.ks.7": (-1, "the same competence needed on both sides (3.3.1)"),
    "mf.ks.8": (0, "4.3 does not distinguish models"),
    "mf.ks.9": (0, "4.3 does not distinguish models"),
    "mf.ks.10": (-1, "ch. 4: no customer–supplier relation between municipalities and the collaboration"),
    "mf.ks.11": (0, "4.3 does not distinguish models"),
    "mf.ks.12": (0, "leadership is harder «spesielt» without customer–supplier (4.3): the KS model is the reference"),
    "mf.alternativ.1": (0, "the collaboration still gives good services (4.1): no difference stated"),
    "mf.alternativ.2": (1, "attention lifted from daily operations to strategy and development (2.4.2)"),
    "mf.alternativ.3": (0, "the report does not distinguish models on economy (4.6)"),
    "mf.alternativ.4": (1, "«bør konsentrere seg om strategi, innovasjon og tjenesteutvikling» (ch. 4)"),
    "mf.alternativ.5": (1, "board of rådmenn recommended (4.1); only with such a board (condition)"),
    "mf.alternativ.6": (-1, "roles can blur if not described (3.3.2); only when roles are not documented"),
    "mf.alternativ.7": (1, "no ordering role, which «er svært vanskelig å få til å fungere» (4.1)"),
    "mf.alternativ.8": (0, "4.3 does not distinguish models"),
    "mf.alternativ.9": (0, "4.3 does not distinguish models"),
    "mf.alternativ.10": (1, "culture: the collaboration is part of the municipalities (4.1)"),
    "mf.alternativ.11": (0, "4.3 does not distinguish models"),
    "mf.alternativ.12": (-1, "«krever mye av lederen for samarbeidet» (3.3.2)"),
    "mf.hybrid.1": (0, "own operations organisation; no difference stated (3.3.3)"),
    "mf.hybrid.2": (-1, "«oppdeling i flere organisasjoner ... utfordringer, spesielt knyttet til omstillinger» (4.1)"),
    "mf.hybrid.3": (0, "the report does not distinguish models on economy (4.6)"),
    "mf.hybrid.4": (1, "one organisation responsible for strategy, innovation and development (3.3.3)"),
    "mf.hybrid.5": (0, "the same board for both organisations (3.3.3): no difference"),
    "mf.hybrid.6": (0, "formal coordination (+) but under-resourced, «trukket frem som en utfordring» (2.4.3)"),
    "mf.hybrid.7": (-1, "ordering and special competence problematic when operations are split off (3.3.3)"),
    "mf.hybrid.8": (0, "4.3 does not distinguish models"),
    "mf.hybrid.9": (0, "4.3 does not distinguish models"),
    "mf.hybrid.10": (-1, "«bør på sikt være samlet i én organisasjon» (4.1)"),
    "mf.hybrid.11": (0, "4.3 does not distinguish models"),
    "mf.hybrid.12": (-1, "a variant of the non-customer–supplier model (3.3.3); "
                         "4.3 «spesielt for en modell som ikke ...»"),
    "fit.alternativ.par27.5": (1, "§ 27 «passer best til den anbefalte styringsmodellen» (4.2); only with the board"),
    "fit.alternativ.as.5": (0, "«Et generelt funn» is not model-specific; ff.as.5 already scores it (3.4.1)"),
    "fit.alternativ.iks.5": (0, "IKS steering holds for every model; ff.iks.5 already scores it (3.4.2)"),
    "fit.ks.as.6": (0, "3.4.1 uses «rent driftsselskap» as a drawback, not a KS strength"),
    "fit.ks.iks.6": (0, "3.4.2 speaks of scope (pure operations), covered by rule drift_iks"),
    "fit.ks.vertskommune.5": (-1, "customer–supplier in a vertskommune: the host's self-interest (3.4.3)"),
    "fit.ks.vertskommune.3": (-1, "members without budget responsibility can order (3.4.3)"),
    "fit.hybrid.vertskommune.6": (-1, "a separate organisation gives steering challenges (3.4.3, figure 12)"),
    "fit.hybrid.par27.6": (0, "2.6.2 counts collaborations; no evaluation"),
}


def test_every_model_and_fit_row_has_a_written_reason_and_that_sign():
    rows = {r.id: r.score for r in (*KB.model_factor, *KB.fit)}
    assert set(rows) == set(MODEL_AND_FIT)
    for row_id, (sign, reason) in MODEL_AND_FIT.items():
        assert reason and rows[row_id] == sign, (row_id, reason)


@pytest.mark.parametrize("row", KB.form_factor, ids=lambda r: r.id)
def test_form_rows_follow_the_reading_rules_for_the_42_table(row):
    quote = row.quote
    if quote.startswith("Utfordring"):
        assert row.score == -1
    elif quote.startswith(("Bedre", "Mulighet for styring")):
        assert row.score == 1
    elif quote.startswith(("Ingen forskjeller", "(tom celle")):
        assert row.score == 0
    else:  # mixed statements are 0 with a note saying why
        assert row.score == 0 and row.note


def test_rows_changed_by_the_review_say_so_in_their_note():
    changed = {"mf.ks.3", "mf.ks.6", "mf.ks.2", "mf.hybrid.6", "mf.hybrid.12", "mf.alternativ.5", "mf.alternativ.6",
               "fit.alternativ.par27.5", "fit.alternativ.as.5", "fit.alternativ.iks.5", "fit.ks.as.6", "fit.ks.iks.6",
               "fit.hybrid.par27.6", "fit.ks.vertskommune.3", "fit.ks.vertskommune.5"}
    notes = {r.id: r.note or "" for r in (*KB.model_factor, *KB.fit)}
    assert all("Gjennomgang 2026" in notes[i] for i in changed)
