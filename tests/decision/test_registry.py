"""The vocabulary: 12 factors, 3 models x 4 forms = 12 alternatives, keys that round-trip."""

import pytest

from ikt_model.decision.registry import ALTERNATIVES, FACTOR_IDS, Alternative, parse_alternative


def test_twelve_alternatives_with_round_tripping_keys():
    assert len(ALTERNATIVES) == 12 and len(set(ALTERNATIVES)) == 12 and FACTOR_IDS == tuple(range(1, 13))
    assert all(parse_alternative(a.key) == a for a in ALTERNATIVES)
    assert parse_alternative("alternativ/par27") == Alternative(model="alternativ", form="par27")


@pytest.mark.parametrize("key", ["alternativ", "ks/aksjeselskap", "/as", ""])
def test_unknown_alternative_is_refused_in_norwegian(key):
    with pytest.raises(ValueError, match="Ukjent alternativ"):
        parse_alternative(key)
