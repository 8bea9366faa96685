"""Pure helpers of the workshop pages: links, markdown escaping, code throttle, QR."""

import io

from PIL import Image

from ikt_model.decision.profile import Profile
from ikt_model.workshop import access, view
from ikt_model.workshop.qr import qr_png, qr_svg


def test_participant_url_from_current_page_url():
    assert view.participant_url("http://127.0.0.1:8501/workshop?x=1", "ABCDEFGH") == \
        "http://127.0.0.1:8501/delta?kode=ABCD-EFGH"
    assert view.participant_url("https://k.no/app/workshop", "ABCDEFGH") == "https://k.no/app/delta?kode=ABCD-EFGH"
    assert view.participant_url(None, "ABCDEFGH") == "/delta?kode=ABCD-EFGH"


def test_facilitator_link_round_trip():
    link = view.facilitator_link("http://h:1/workshop", "0123456789abcdef", "a_b-c")
    assert view.parse_facilitator_link(link) == ("0123456789abcdef", "a_b-c")
    assert view.parse_facilitator_link("workshop=0123456789abcdef&key=zz") == ("0123456789abcdef", "zz")
    assert view.parse_facilitator_link("http://h/workshop?workshop=x;drop&key=zz") is None
    assert view.parse_facilitator_link("tull") is None
    assert view.parse_facilitator_link(None) is None


def test_status_line_and_profile_summary():
    from datetime import datetime

    from ikt_model.workshop.models import Workshop
    ws = Workshop(id="a", code="ABCDEFGH", title="t", method="poeng", profile=Profile(), voting_open=False,
                  revealed=True, created_at=datetime(2026, 1, 1))
    line = view.status_line(ws, 1)
    assert "stengt" in line and "1 svar" in line and "vises for deltakerne" in line
    assert view.profile_summary(Profile()).endswith("ingen medlemmer valgt (regnet som 5 kommuner)")  # not a bare 5
    assert view.profile_summary(Profile(members=["5038", "5037"], municipalities=2)).endswith(", 2 kommuner")


def test_wrong_codes_lock_the_session_for_a_while():
    state: dict = {}
    for i in range(access.MAX_FAILED_CODES - 1):
        access.record_code_attempt(state, False, now=100.0 + i)
        assert access.code_lockout_remaining(state, now=100.0 + i) == 0
    access.record_code_attempt(state, False, now=110.0)
    assert access.code_lockout_remaining(state, now=111.0) == access.LOCKOUT_SECONDS - 1
    assert access.code_lockout_remaining(state, now=110.0 + access.LOCKOUT_SECONDS) == 0
    access.record_code_attempt(state, True, now=200.0)
    assert state["failures"] == 0


def test_qr_png_and_svg_encode_the_url():
    url = "http://127.0.0.1:8501/delta?kode=ABCD-EFGH"
    png = qr_png(url)
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG" and img.size[0] == img.size[1] > 200
    svg = qr_svg(url).decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<path" in svg


def test_participant_result_is_one_escaped_markdown_block_with_every_weight():
    from datetime import datetime

    from ikt_model.decision.profile import Profile
    from ikt_model.workshop.aggregation import group_result
    from ikt_model.workshop.models import Vote
    from ikt_model.workshop.view import participant_result_markdown

    votes = [Vote(participant="a", display_name="", revisions=1, updated_at=datetime(2026, 1, 1), points={1: 5, 2: 3}),
             Vote(participant="b", display_name="", revisions=1, updated_at=datetime(2026, 1, 1), points={1: 1, 3: 3})]
    text = participant_result_markdown(group_result(Profile(), votes))
    assert text.startswith("**Mest uenighet om:** ")
    # b's own weights tie nine alternatives: counted once, as a shared first place, not as a win
    assert "**Best med gruppens vekter:** " in text and "vinner for 1 av 2 deltakere med egne vekter, delt " \
        "førsteplass for 1" in text
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(lines) == 12 and lines[0].startswith("- 1\\. Kvalitet") and lines[0].endswith("**43,8\u00a0%**")


def test_best_text_counts_every_participant_once_when_their_own_weights_tie():
    """«vinner for X av N»: X counts those with that alternative alone first; a participant whose own weights
    tie several alternatives is counted once, under «delt førsteplass» — never once per tied alternative."""
    import re
    from datetime import datetime

    from ikt_model.decision.evaluation import evaluate
    from ikt_model.decision.weights import Weights
    from ikt_model.workshop.aggregation import group_result
    from ikt_model.workshop.models import Vote

    points = [{1: 10}, {2: 10}, {8: 10}, {4: 10}]  # the first has a tie of their own (all twelve share first)
    votes = [Vote(participant=str(i), display_name="", revisions=1, updated_at=datetime(2026, 1, 1),
                  points={f: float(p.get(f, 0)) for f in range(1, 13)}) for i, p in enumerate(points)]
    result = group_result(Profile(), votes)
    text = view.best_text(result)
    firsts = [evaluate(Profile(), Weights(points=p)).winners for p in points]
    tied_own = sum(1 for w in firsts if len(w) > 1)
    assert tied_own >= 1  # the case this test is about
    top = {r.key for r in result.ranking if r.rank == 1}
    alone = sum(1 for w in firsts if len(w) == 1 and w[0].alternative.key in top)
    shared = sum(1 for w in firsts if len(w) > 1 and top & {x.alternative.key for x in w})
    said_alone = sum(int(n) for n in re.findall(r"vinner for (\d+)", text))
    said_shared = sum(int(n) for n in re.findall(r"delt førsteplass for (\d+)", text))
    assert (said_alone, said_shared) == (alone, shared), text
    assert said_alone + said_shared <= len(votes) and f"av {len(votes)} deltakere" in text


def test_votes_table_shows_percentages_and_sorts_them_as_numbers():
    """As text («9 %», «10 %»), a click on a factor's heading sorted 10 % before 9 %."""
    from datetime import datetime

    from ikt_model.workshop.models import Vote
    votes = [Vote(participant="a", display_name="", revisions=1, updated_at=datetime(2026, 1, 1),
                  points={1: 9, 2: 91}),
             Vote(participant="b", display_name="Kari", revisions=2, updated_at=datetime(2026, 1, 1),
                  points={1: 10, 2: 90})]
    table = view.votes_table(votes)
    body = table._translate(False, False)["body"]
    column = list(table.data.columns).index("F1") + 1
    assert [row[column]["display_value"] for row in body] == ["9\u00a0%", "10\u00a0%"]
    assert list(table.data["Navn"]) == ["(anonym)", "Kari"]
    assert list(table.data.sort_values("F1")["Deltaker"]) == ["a", "b"]  # 9 % before 10 %


def test_votes_column_names_name_each_factor():
    from datetime import datetime

    from ikt_model.workshop.aggregation import group_result
    from ikt_model.workshop.models import Vote
    votes = [Vote(participant="a", display_name="", revisions=1, updated_at=datetime(2026, 1, 1), points={1: 5, 2: 3})]
    names = view.votes_column_names(group_result(Profile(), votes))
    assert list(names) == [f"F{i}" for i in range(1, 13)]
    assert names["F1"] == "1. Kvalitet og tilgjengelighet" and names["F12"].startswith("12. ")
    assert set(names) == {c for c in view.votes_table(votes).data.columns if c.startswith("F")}
