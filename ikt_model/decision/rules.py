"""The vocabulary of conditions that context rules (data/knowledge/context_rules.csv) may name.

Each condition is a pure predicate over (profile, alternative). Profile-only conditions ignore the
alternative; the rule's model/form columns then decide which alternatives a score rule touches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .profile import Profile
    from .registry import Alternative

Condition = Callable[["Profile", "Alternative"], bool]


def _is_existing(p: Profile) -> bool:
    return p.status != "new"


CONDITIONS: dict[str, Condition] = {
    "always": lambda p, a: True,
    "is_new": lambda p, a: p.status == "new",
    "host_on_robek": lambda p, a: p.host_on_robek,
    "board_of_chief_executives": lambda p, a: p.board_of_chief_executives,
    "no_board_of_chief_executives": lambda p, a: not p.board_of_chief_executives,
    "iks_council_of_chief_executives": lambda p, a: p.iks_council_of_chief_executives,
    "sells_services_to_others": lambda p, a: p.sells_services_to_others,
    "scope_operations": lambda p, a: p.scope == "operations",
    "scope_development": lambda p, a: p.scope == "operations_and_development",
    "large_size_differences": lambda p, a: p.large_size_differences,
    # 3.1/4.3: stable operations is a prerequisite of a collaboration that exists; a new one has none yet.
    "no_stable_operations": lambda p, a: _is_existing(p) and not p.stable_operations,
    "fewer_than_three_municipalities": lambda p, a: p.municipalities < 3,
    "cannot_borrow": lambda p, a: not p.can_borrow,
    "roles_not_documented": lambda p, a: not p.roles_documented,
    "no_joint_strategy": lambda p, a: not p.joint_strategy,
    # 3.3.5: struggling although it already uses the recommended model: the levers are elsewhere.
    "struggling_on_recommended_model": lambda p, a: (p.status == "existing_struggling"
                                                      and p.current_model == "alternativ"),
    "working_hybrid": lambda p, a: p.status == "existing_working" and p.current_model == "hybrid",
    "par27_unconverted": lambda p, a: _is_existing(p) and p.par27_unconverted,
    # 5.1: members given in the old structure were mapped to today's (merged) municipalities on load
    "members_restructured": lambda p, a: bool(getattr(p, "member_notices", ())),
}
