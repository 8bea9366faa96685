"""The vocabulary of conditions that context rules (data/knowledge/context_rules.csv) may name.

Each condition is a pure predicate over (profile, alternative). Profile-only conditions ignore the
alternative; the rule's model/form columns then decide which alternatives a score rule touches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .profile import Profile
    from .registry import Alternative

Condition = Callable[["Profile", "Alternative"], bool]


def _changes_form(p: "Profile", a: "Alternative") -> bool:
    return p.current_form is not None and a.form != p.current_form


CONDITIONS: dict[str, Condition] = {
    "always": lambda p, a: True,
    "host_on_robek": lambda p, a: p.host_on_robek,
    "no_board_of_chief_executives": lambda p, a: not p.board_of_chief_executives,
    "iks_council_of_chief_executives": lambda p, a: p.iks_council_of_chief_executives,
    "sells_services_to_others": lambda p, a: p.sells_services_to_others,
    "scope_operations": lambda p, a: p.scope == "operations",
    "scope_development": lambda p, a: p.scope == "operations_and_development",
    "large_size_differences": lambda p, a: p.large_size_differences,
    "no_stable_operations": lambda p, a: not p.stable_operations,
    "fewer_than_three_municipalities": lambda p, a: p.municipalities < 3,
    "cannot_borrow": lambda p, a: not p.can_borrow,
    "changes_form_while_working": lambda p, a: p.status == "existing_working" and _changes_form(p, a),
    "changes_form_while_struggling": lambda p, a: p.status == "existing_struggling" and _changes_form(p, a),
    "keeps_model_while_struggling": lambda p, a: (p.status == "existing_struggling"
                                                   and a.model == p.current_model),
}
