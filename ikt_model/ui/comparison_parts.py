"""What the weighted parts of «Sammenligning» show, read from the session state without Streamlit.

The page draws its weight-dependent parts as keyed fragments; a weight change reruns one only when what it
shows has changed (fragments.set_weighted_fragments, `when_changed`). These functions give that value for
the caption, the report's advice, the notes, «Forklar alternativ» and the details, and the caption's text.
`state` is the session state (a mutable mapping; see ikt_model.ui.session).
"""

from __future__ import annotations

from .. import format as fmt
from ..decision.charts import rank_labels
from ..decision.profile import STATUS_LABELS
from . import session, widgets
from .text import markdown_escape

EXPLAIN, EXPLAIN_CHOICE = "explain_alternative", "explain_choice"  # the select box, the user's own pick


def explain_options(state) -> tuple[dict[str, str], str]:
    """«Forklar alternativ»: {alternative key: label with today's rank} in rank order, and the key it shows
    (the user's pick, else today's best)."""
    result = session.current(state).evaluation
    labels = {r.alternative.key: label for r, label in zip(result.ranking, rank_labels(result.ranking), strict=True)}
    return labels, widgets.followed_choice(state, EXPLAIN_CHOICE, list(labels), result.best.alternative.key)


def explain_shown(state) -> tuple:
    """What the select box shows: its labels in order and its value. A weight change that leaves the ranks as
    they are does not redraw it (fragments.set_weighted_fragments)."""
    labels, value = explain_options(state)
    return tuple(labels.items()), value


def caption_text(state) -> str:
    """The line under the title: the collaboration, its members, where the weights came from, own scores."""
    view = session.current(state)
    profile, overrides = view.profile, view.overrides
    title = profile.name or STATUS_LABELS[profile.status]
    return (f"{markdown_escape(title)} · {profile.municipalities_text} · Vekter: {markdown_escape(view.source_label)}"
            + (f" · {fmt.plural(len(overrides), 'egen vurdering', 'egne vurderinger')} (✎)" if overrides else ""))


def advice_shown(state) -> tuple[str, str, str]:
    """The report's advice for the profile (section, text, quote): what the profile says, which a weight change
    leaves as it is."""
    rec = session.current(state).evaluation.recommendation
    return rec.section, rec.text, rec.quote


def details_shown(state) -> tuple:
    """What «Vis alle poeng …» opens depends on: nothing while it is off (a weight change then does not rerun
    the empty part), else the weights, profile and overrides in use."""
    return (True, session.current(state).key) if state.get("show_details") else (False,)


def notes_shown(state) -> tuple:
    """The profile's warnings and the report's advice list under the lead (severity, message, section)."""
    return tuple((w.severity, w.message, w.section) for w in session.current(state).evaluation.warnings)
