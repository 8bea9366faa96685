"""Partial reruns (st.fragment keys, issue 14): which parts of the drawn page a weight or profile change reruns.

No Streamlit import: the pages and app.py hand over `st.session_state` (any mutable mapping) and pass the keys
this module returns to `st.rerun`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, MutableMapping, Sequence
from typing import Any

# Partial reruns (st.fragment keys). The sidebar's weight panel is three keyed fragments: the weight set
# (preset box, source, error), the twelve sliders and the shares line (which also keeps the address bar's
# share link in step). A page registers the keys of its own fragments that depend on the weights or the
# profile (`set_weighted_fragments`, on every full run; app.py empties the list before the page runs);
# a weight change then reruns only `rerun_targets(...)`, not the whole app.
WEIGHT_SET_FRAGMENT = "weights_set"
WEIGHT_SLIDERS_FRAGMENT = "weights_sliders"
WEIGHT_SHARES_FRAGMENT = "weights_shares"
WEIGHTED_FRAGMENTS = "weighted_fragments"
# Of those, the ones rerun only when what they show changed: {key: signature(state)}, and the signature each
# drew last ({key: signature}, `record_drawn`). E.g. «Forklar alternativ»'s select box: its labels carry
# ranks, which most weight changes leave as they are; a select box redrawn costs the browser ~10 ms.
CONDITIONAL_FRAGMENTS = "conditional_fragments"
DRAWN_SIGNATURES = "drawn_signatures"
UNWEIGHTED_PAGE = "unweighted_page"  # bool: the page registered shows nothing that depends on the weights
DRAWN_PAGE = "drawn_page"  # str: the page the last full run drew (its fragments are the registered ones)


def set_weighted_fragments(state: MutableMapping[str, Any], *keys: str,
                           when_changed: Mapping[str, Callable[[MutableMapping[str, Any]], Hashable]] | None = None,
                           unweighted: bool = False) -> None:
    """Record the keys of the page's fragments that show something depending on weights or profile (the
    page calls this on its full run; an empty call means «rerun the whole page»), in the order they run.
    `unweighted=True` (no keys): the page shows nothing that depends on the weights, so a weight change reruns
    the sidebar's weight panel alone (the panel on «Samarbeidet»).

    `when_changed`: of those keys, the ones to rerun only when what they show changed, each with a function
    of the session state (after the change) that returns what it would show (any hashable value; computed in
    the change's callback). The fragment records what it drew with `record_drawn`. Raises ValueError for a
    key in `when_changed` that is not among `keys`."""
    conditional = dict(when_changed or {})
    if unknown := set(conditional) - set(keys):
        raise ValueError(f"Conditional fragments not registered: {sorted(unknown)}")
    if unweighted and keys:
        raise ValueError(f"A page without weighted parts registers no fragments: {keys}")
    state[WEIGHTED_FRAGMENTS] = tuple(keys)
    state[CONDITIONAL_FRAGMENTS] = conditional
    state[UNWEIGHTED_PAGE] = unweighted


def record_drawn(state: MutableMapping[str, Any], key: str, signature: Hashable) -> None:
    """What the conditional fragment `key` drew on this run (its `when_changed` function's value for the
    state it drew): a later change reruns it only when that function returns something else."""
    state[DRAWN_SIGNATURES] = {**(state.get(DRAWN_SIGNATURES) or {}), key: signature}


def set_drawn_page(state: MutableMapping[str, Any], page: str | None) -> None:
    """Record the page a full run draws (Streamlit's page id; app.py, after st.navigation): the page whose
    fragments are registered (`set_weighted_fragments`)."""
    state[DRAWN_PAGE] = page


def rerun_targets(state: Mapping[str, Any], *, page: str | None, sliders: bool,
                  weight_set: bool = True) -> list[str] | None:
    """The fragment keys to rerun after the weights or the profile changed: the sidebar's shares line, its
    weight set unless `weight_set` is False (the set box and its source line only change with the weights'
    source or a refused change: a slider moved again under «Egendefinert» leaves them as they are), the
    sliders when their values must be redrawn (a preset, a refused change), and the page's registered
    fragments. None when the page registered none (and did not say it shows nothing weighted): then the whole
    app must rerun.

    `page`: the page the run with the change is for (Streamlit's page id; None: unknown). None as well when it
    is not the page drawn last (`set_drawn_page`): Streamlit merges a change with a page switch sent before
    the change's run began (a slider moved and Back pressed while a run was going), and the registered
    fragments are the old page's; run on the new page, they put their elements into its tree, which
    Streamlit's page could not draw (it went blank). The whole new page runs instead.
    """
    fragments = tuple(state.get(WEIGHTED_FRAGMENTS) or ())
    if (not fragments and not state.get(UNWEIGHTED_PAGE)) or page is None or page != state.get(DRAWN_PAGE):
        return None
    sidebar = [*([WEIGHT_SET_FRAGMENT] if weight_set else []), *([WEIGHT_SLIDERS_FRAGMENT] if sliders else []),
               WEIGHT_SHARES_FRAGMENT]
    conditional = state.get(CONDITIONAL_FRAGMENTS) or {}
    drawn = state.get(DRAWN_SIGNATURES) or {}
    changed = [key for key in fragments
               if key not in conditional or key not in drawn or conditional[key](state) != drawn[key]]
    return [*sidebar, *changed]


def fragments_or_app(state: Mapping[str, Any], page: str | None, keys: Sequence[str]) -> list[str] | str:
    """The rerun scope for a change on the page drawn last: its fragments `keys`, or "app" when the run is for
    another page (see `rerun_targets`: a page switch sent before the change's run began)."""
    return list(keys) if page is not None and page == state.get(DRAWN_PAGE) else "app"
