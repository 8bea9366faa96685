"""The cases shared by the memo tests: a collaboration whose name is hostile markup, a workshop, a robustness
reading that needs no sampling, and the memo's text as one string."""

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


def memo_text(memo) -> str:
    parts = []
    for s in memo.sections:
        for b in s.blocks:
            parts += [getattr(b, "text", ""), getattr(b, "caption", ""), *getattr(b, "items", ()),
                      *(" ".join(r) for r in getattr(b, "rows", ()))]
    return "\n".join(parts)
