"""«Hvorfor?» on «Sammenligning»: one alternative's strongest reasons for and against, as one HTML block.

Each reason is a card: the factor, its weighted contribution, where the score comes from (governance model,
organisation form, their fit, or a context rule) with the report's section, the report's quote, and the
2026 review's note where there is one (scoring.Part).

Why one HTML block (`st.html`) and not a bordered container with a Markdown line and captions per card: those
were about 25 Streamlit elements that every weight change sent again and the browser laid out again, below
the window at that. As one element, a weight change on «Sammenligning» settles about 12 % sooner (issue 14,
measured side by side in one browser). The cards look as the containers did (border, captions in the
theme's text colour at 60 %), and they stack in a narrow column as Streamlit's columns do.

Every text is escaped with `html.escape` (the knowledge base's quotes and notes are data; none of it may become
markup), and st.html sanitises what it is given as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .. import format as fmt
from ..decision.evaluation import RankedAlternative, Reason
from ..decision.views import PART_SOURCE_LABELS

# The theme's text colour (.streamlit/config.toml, #0b0f14) as Streamlit's captions and borders use it:
# captions at 60 % (5,2:1 on white, axe AA), borders at 20 %.
CSS = """
.ikt-why { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 0 1rem; }
.ikt-why h4 { font-size: 1rem; font-weight: 600; margin: 0 0 1rem 0; padding: 0; }
.ikt-why-card { border: 1px solid rgba(11, 15, 20, 0.2); border-radius: 0.5rem; padding: calc(1rem - 1px);
  margin: 0 0 1rem 0; }
.ikt-why-card p { margin: 0 0 1rem 0; }
.ikt-why-card p:last-child { margin-bottom: 0; }
.ikt-why .ikt-why-quote, .ikt-why .ikt-why-note, .ikt-why .ikt-why-none {
  font-size: 0.875rem; color: rgba(11, 15, 20, 0.6); }
"""

NO_REASONS = "Ingen."


def reason_card(reason: Reason) -> str:
    """One reason as a card (HTML): «<factor> · <weighted, signed> (<part's source>, kap. <section>)», then the
    report's quote in «», then the part's note if it has one. Every text is escaped."""
    part = reason.part
    note = f'<p class="ikt-why-note">{escape(part.note)}</p>' if part.note else ""
    return (f'<div class="ikt-why-card"><p><strong>{escape(reason.factor_label)}</strong> · '
            f'{fmt.signed(reason.weighted)} ({escape(PART_SOURCE_LABELS[part.source])}, '
            f'kap. {escape(part.section)})</p><p class="ikt-why-quote">«{escape(part.quote)}»</p>{note}</div>')


def _column(title: str, reasons: Sequence[Reason]) -> str:
    cards = "".join(reason_card(r) for r in reasons) or f'<p class="ikt-why-none">{NO_REASONS}</p>'
    return f'<section class="ikt-why-column" aria-label="{title}"><h4>{title}</h4>{cards}</section>'


def reason_cards(row: RankedAlternative) -> str:
    """`row`'s reasons for (left) and against (right) as one HTML block for st.html, its style (`CSS`) inside:
    a style sheet on its own would go to Streamlit's event container and could be drawn after the cards. An
    empty side says «Ingen.». The reasons are the strongest ones the scoring kept (evaluation.REASONS_SHOWN
    per side), in its order."""
    return (f'<style>{CSS}</style><div class="ikt-why">{_column("For", row.reasons_for)}'
            f'{_column("Mot", row.reasons_against)}</div>')
