"""JSON from outside (an uploaded scenario file, a CLI weights or profile file, a share link), parsed
safely: a document nested deeper than MAX_DEPTH (e.g. 100 000 brackets, which makes Python's parser
raise RecursionError) or malformed JSON is refused with one Norwegian sentence, never a traceback.

`loads(text)` -> the parsed value; raises JsonInputError (a ValueError whose message contains
«ikke gyldig JSON»). Depth counts arrays and objects; scalars do not add a level.
"""

from __future__ import annotations

import json

MAX_DEPTH = 64  # a scenario file is 4 levels deep; nobody writes 64 by hand


class JsonInputError(ValueError):
    """Input that is not JSON this tool accepts; the message is Norwegian and meant for the user."""


def depth(value: object, limit: int = MAX_DEPTH) -> int:
    """Nesting depth of a parsed JSON value (0 for a scalar), counted iteratively up to `limit` + 1."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _int_keeping_minus_zero(literal: str) -> int | float:
    """A JSON integer literal: an int, but «-0» (and «-00…») as the float -0.0, which keeps the minus sign."""
    value = int(literal)
    return -0.0 if value == 0 and literal.startswith("-") else value


def loads(text: str | bytes, what: str = "Filen", max_depth: int = MAX_DEPTH, *,
          keep_minus_zero: bool = False) -> object:
    """Parse JSON from outside; JsonInputError («<what> er ikke gyldig JSON …») on any problem.

    With `keep_minus_zero`, the integer literal «-0» is read as the float -0.0 rather than the int 0, so a
    caller that refuses a minus sign (numbers.has_minus_sign) sees it; «-0.0» is -0.0 either way."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JsonInputError(f"{what} er ikke gyldig JSON: teksten er ikke UTF-8") from None
    try:
        value = json.loads(text, parse_int=_int_keeping_minus_zero if keep_minus_zero else None)
    except RecursionError:
        raise JsonInputError(f"{what} er ikke gyldig JSON her: den er nestet dypere enn {max_depth} nivåer") from None
    except json.JSONDecodeError as exc:
        raise JsonInputError(f"{what} er ikke gyldig JSON (linje {exc.lineno}, kolonne {exc.colno})") from None
    if depth(value, max_depth) > max_depth:
        raise JsonInputError(f"{what} er ikke gyldig JSON her: den er nestet dypere enn {max_depth} nivåer")
    return value
