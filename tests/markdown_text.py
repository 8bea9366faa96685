"""Test helper: what a reader sees of Markdown source that uses backslash escapes (CommonMark drops the
backslash before ASCII punctuation)."""

import re

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """`markdown` with every backslash escape resolved (formatting characters like ** stay as they are)."""
    return _ESCAPE.sub(r"\1", markdown)
