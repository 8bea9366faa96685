"""Fixtures shared by the memo tests: one memo with every part (members, own assessment, workshop, costs,
robustness), built once per test module."""

from datetime import date

import pytest

from ikt_model.costs.inputs import parse_cost_input
from ikt_model.costs.split import split_costs
from ikt_model.decision.profile import Profile
from ikt_model.decision.weights import default_weights
from ikt_model.memo import build_memo
from tests.memo.memo_cases import EVIL, WORKSHOP, FakeRobustness


@pytest.fixture(scope="module")
def profile():
    return Profile(name=EVIL, members=["1515", "1511", "1514"], municipalities=3)


@pytest.fixture(scope="module")
def costs(profile):
    return split_costs(parse_cost_input(members=profile.members, budget_kr=12_000_000, equal_share=0.3))


@pytest.fixture(scope="module")
def memo(profile, costs):
    return build_memo(profile, default_weights(), "rapport", {"ff.as.1": 1}, workshop=WORKSHOP, costs=costs,
                      robustness=FakeRobustness(), today=date(2026, 11, 27))
