"""Small pure helpers the workshop pages need: links and status lines (no Streamlit; escaping: ui.text)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from .. import format as fmt
from ..decision.profile import STATUS_LABELS, Profile
from ..ties import Leaders, leaders
from ..ui.text import markdown_escape as escape_md  # the one escaping helper (ikt_model.ui.text)
from . import access
from .aggregation import GroupResult
from .models import METHOD_LABELS, Workshop

PARTICIPANT_PAGE = "delta"
FACILITATOR_PAGE = "workshop"


def _page_url(page_url: str | None, page: str, params: dict[str, str]) -> str:
    """URL of another page of this app, built from the current page's URL (st.context.url)."""
    query = urlencode(params)
    if not page_url:
        return f"/{page}?{query}"
    parts = urlsplit(page_url)
    path = parts.path.rstrip("/")
    base = path.rsplit("/", 1)[0] if "/" in path else ""
    return urlunsplit((parts.scheme, parts.netloc, f"{base}/{page}", query, ""))


def participant_url(page_url: str | None, code: str) -> str:
    """The phone link for participants: the «delta» page beside `page_url`, with the join code."""
    return _page_url(page_url, PARTICIPANT_PAGE, {"kode": access.format_code(code)})


def facilitator_link(page_url: str | None, workshop_id: str, key: str) -> str:
    """The private facilitator link (workshop id and key) beside `page_url`; keep it off the projector."""
    return _page_url(page_url, FACILITATOR_PAGE, {"workshop": workshop_id, "key": key})


def parse_facilitator_link(text: object) -> tuple[str, str] | None:
    """A pasted facilitator link (or just its query string) -> (workshop id, key), or None."""
    if not isinstance(text, str) or not text.strip() or len(text) > 2000:
        return None
    text = text.strip()
    query = urlsplit(text).query if "://" in text or text.startswith("/") else text.lstrip("?")
    params = parse_qs(query)
    ws, key = params.get("workshop", [None])[0], params.get("key", [None])[0]
    if not ws or not key or not re.fullmatch(r"[0-9a-f]{8,64}", ws):
        return None
    return ws, key


def profile_summary(profile: Profile) -> str:
    """«Navn: status, N kommuner» (without members: «ingen medlemmer valgt (regnet som N kommuner)»,
    Profile.municipalities_text): the profile in one line for the workshop pages."""
    name = f"{profile.name}: " if profile.name else ""
    return f"{name}{STATUS_LABELS[profile.status]}, {profile.municipalities_text}"


def agenda_text(result, shown: int = 3) -> str:
    """The discussion agenda in words: the most contested factors (standard deviation in percentage
    points), or that there is nothing to discuss when everyone gave the same weights. Raw text."""
    top = leaders(result.spreads, key=lambda s: s.std)
    if top.first.std <= 1e-12:
        return "Ingen uenighet: alle har gitt de samme vektene."
    if len(top.items) > shown:  # more factors tie for the top than we show: say so instead of choosing
        return f"{top.names(lambda s: s.label)} (like mye uenighet, {_pp(top.first.std)})"
    contested = [s for s in result.spreads if s.std > 1e-12][:shown]  # a factor all agree on is no agenda
    return ", ".join(f"{s.label} ({_pp(s.std)})" for s in contested)


def best_text(result) -> str:
    """«X (poengsum 0,42; vinner for 2 av 5 deltakere med egne vekter, delt førsteplass for 1)», with a
    shared first place said as such. Every participant is counted once (`GroupResult.winner_groups`): «vinner
    for» counts those whose own weights put that alternative alone first; those whose own weights tie it with
    others are counted once, as «delt førsteplass». Raw text (escape before Markdown)."""
    firsts = [r for r in result.ranking if r.rank == 1]
    top = Leaders(items=tuple(firsts), total=len(result.ranking))
    n = result.participants
    alone = {g.keys[0]: g.count for g in result.winner_groups if not g.tied}
    top_keys = {r.key for r in firsts}
    shared = sum(g.count for g in result.winner_groups if g.tied and top_keys & set(g.keys))
    people = fmt.plural(n, "deltaker", "deltakere")
    if not top.tied:
        wins = f"vinner for {alone.get(top.first.key, 0)} av {people} med egne vekter" + (
            f", delt førsteplass for {shared}" if shared else "")
    else:  # only the tied alternatives someone has alone first are named; the rest are the shared count
        named = [f"{r.label} vinner for {alone[r.key]}" for r in firsts if alone.get(r.key)]
        if named:
            wins = ", ".join(named) + f" av {people} med egne vekter" + (
                f", delt førsteplass for {shared}" if shared else "")
        else:
            wins = f"delt førsteplass for {shared} av {people} med egne vekter"
    return f"{top.phrase(lambda r: r.label)} (poengsum {fmt.number(top.first.score, 2)}; {wins})"


def _pp(std: float) -> str:
    return f"{fmt.number(std * 100, 1)} p.p."


def status_line(workshop: Workshop, answers: int) -> str:
    """Voting open or closed · answers · result shown or hidden · method, in Norwegian."""
    voting = "Avstemningen er åpen" if workshop.voting_open else "Avstemningen er stengt"
    shown = "gruppens resultat vises for deltakerne" if workshop.revealed else "resultatet er skjult for deltakerne"
    svar = "1 svar" if answers == 1 else f"{answers} svar"
    return f"{voting} · {svar} · {shown} · {METHOD_LABELS[workshop.method]}"


def participant_result_markdown(result: GroupResult) -> str:
    """The group result for a phone as ONE Markdown block (one element per poll for 200 phones): the
    agenda and the best alternative in the projector's words (ties said as ties, `agenda_text`,
    `best_text`), then every factor's group weight, largest first. Escaped; Norwegian numbers."""
    labels = {s.factor_id: s.label for s in result.spreads}
    weights = "\n".join(f"- {f}\\. {escape_md(labels.get(f, str(f)))}: **{fmt.percent(w, 1)}**"
                         for f, w in sorted(result.weights.items(), key=lambda kv: (-kv[1], kv[0])))
    return (f"**Mest uenighet om:** {escape_md(agenda_text(result))}\n\n"
            f"**Best med gruppens vekter:** {escape_md(best_text(result))}\n\n"
            f"**Gruppens vekter (størst først):**\n{weights}")
def escape_html(text: str) -> str:
    """Text from a user (a workshop title) as HTML text: nothing in it is markup."""
    import html

    return html.escape(text or "", quote=True)


# Projector mode (1280×720 and up): no app chrome, large type, everything above the fold.
PROJECTOR_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 0.6rem !important; padding-bottom: 0 !important;
  max-width: 100% !important; }
p.ws-title { font-size: 26px !important; font-weight: 600; margin: 0 0 0.3rem 0; line-height: 1.2; }
p.ws-big { font-size: 26px !important; margin: 0 0 0.2rem 0; }
p.ws-code { font-size: 50px !important; font-weight: 700; letter-spacing: 0.04em; margin: 0 0 0.4rem 0;
  white-space: nowrap;
  line-height: 1.1; }
p.ws-url { font-size: 18px !important; word-break: break-all; margin: 0.3rem 0 0 0; }
p.ws-best { font-size: 30px !important; line-height: 1.25; margin: 0.2rem 0 0.4rem 0; }
"""


def votes_table(votes):
    """The facilitator's table of single votes: one row per vote (`votes`: workshop Votes), participant,
    name («(anonym)» without one), revisions and the share per factor F1..F12 as a percentage (a pandas Styler
    through fmt.table: «26 %», a number underneath, so a click on a heading sorts 9 % before 10 %)."""
    import pandas as pd

    frame = pd.DataFrame([{"Deltaker": v.participant, "Navn": v.display_name or "(anonym)", "Endringer": v.revisions,
                           **{f"F{f}": w for f, w in v.fractions().items()}} for v in votes])
    return fmt.table(frame, decimals=0, percent_columns=tuple(c for c in frame.columns if c.startswith("F")))


def votes_column_names(result: GroupResult) -> dict[str, str]:
    """The factor behind each of `votes_table`'s share columns: {"F1": "1. Kvalitet og tilgjengelighet", ...}
    (from the group result's factors), for the columns' help: «F1» alone said nothing (a fresh tester)."""
    return {f"F{s.factor_id}": f"{s.factor_id}. {s.label}" for s in sorted(result.spreads, key=lambda s: s.factor_id)}
