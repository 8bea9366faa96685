"""Warm a fresh server process before its first visitor needs it (no Streamlit import here).

A new server spends the first session's script run importing the domain, pandas and plotly's validators,
reading the knowledge base and scoring. `warm()` does that work once, off the request path: the launcher
(scripts/serve.py) runs it in a background thread while the browser is still loading Streamlit's
JavaScript, so the first «Sammenligning» finds imports and caches ready. Nothing is computed here that
the first run would not compute anyway (pandas, for the tables shown on demand, is left out: it would
compete with the first run for the processor); the results are discarded, only process-wide caches stay.
"""

from __future__ import annotations

import time


def warm() -> dict[str, float]:
    """Import the comparison page's domain modules, read the knowledge base (cached per process), score the
    default profile with the default weights and build its figures and their JSON once.

    Returns the seconds each step took, by step name (for the server log). Raises whatever loading the
    data raises (DataFileError for a broken data folder): the first page run would raise it too.
    """
    steps: dict[str, float] = {}
    t0 = time.perf_counter()

    def step(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        steps[name] = now - t0
        t0 = now

    from ..decision import charts
    from ..decision.knowledge import default_knowledge_base
    from ..decision.lead import read_lead
    from . import live_chart, session, share
    step("imports")
    kb = default_knowledge_base()
    step("knowledge base")
    view = session.current({})
    result = view.evaluation
    read_lead(result, {f.id: f.label for f in kb.factors})
    share.encode_state(view.profile, view.weights, view.overrides)
    step("evaluation")
    best, second = result.ranking[0].alternative, result.ranking[1].alternative
    for figure in (charts.ranking_bar(result, kb), charts.model_form_heatmap(result, kb),
                   charts.factor_difference(result, kb, best, second)):
        live_chart.payload(figure)
    step("figures")
    return steps
