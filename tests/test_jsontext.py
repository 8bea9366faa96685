"""JSON from outside: deep nesting and malformed text refused in Norwegian, never a RecursionError."""

import pytest

from ikt_model.jsontext import MAX_DEPTH, JsonInputError, depth, loads


def test_deep_nesting_is_refused_before_and_after_parsing():
    with pytest.raises(JsonInputError, match="ikke gyldig JSON"):
        loads("[" * 100_000 + "]" * 100_000)
    with pytest.raises(JsonInputError, match=f"dypere enn {MAX_DEPTH}"):
        loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert loads("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


def test_malformed_and_not_utf8():
    with pytest.raises(JsonInputError, match="linje 1, kolonne 2"):
        loads("{x}")
    with pytest.raises(JsonInputError, match="ikke UTF-8"):
        loads(b"\xff\xfe{")
    assert loads(b'\xef\xbb\xbf{"a": [1, {"b": 2}]}') == {"a": [1, {"b": 2}]}


def test_depth_counts_containers_only():
    assert depth(3) == 0 and depth([]) == 1 and depth({"a": [1, {"b": []}]}) == 4


def test_a_minus_zero_keeps_its_sign_when_asked():
    """json reads the literal -0 as the int 0: a caller refusing a minus sign could not see it."""
    import math

    assert loads('{"a": -0}') == {"a": 0} and isinstance(loads('{"a": -0}')["a"], int)
    kept = loads('{"a": -0, "b": -0.0, "c": 0, "d": -3, "e": 7}', keep_minus_zero=True)
    assert [math.copysign(1, kept[k]) for k in "abc"] == [-1, -1, 1]
    assert kept["c"] == 0 and isinstance(kept["c"], int) and kept["d"] == -3 and kept["e"] == 7
