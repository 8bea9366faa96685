"""Names people type (scenarios, profiles, workshop titles, participants, memo titles): one form.

«Ålesund med ROBEK» can arrive composed (Å = U+00C5, NFC) or decomposed (A + U+030A, NFD, as macOS
file names and some keyboards give it); both look the same, so both must be stored and compared as
the same text. Every name is therefore, before it is compared or stored:
  * normalised to Unicode NFC (Unicode Standard Annex #15, «Unicode Normalization Forms»; NFC is the
    form W3C's «Character Model for the World Wide Web: String Matching» recommends for matching);
  * stripped of control and format characters (Unicode general category C: tabs and line breaks become
    spaces, zero-width and bidirectional control characters are dropped);
  * trimmed, with runs of white space collapsed to one space.
`name_key` adds case folding for comparisons that ignore case («ålesund» = «Ålesund»).
`CleanText` applies this at the pydantic boundary.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import BeforeValidator


def clean_text(raw: str) -> str:
    """NFC, no control/format characters, trimmed, inner white space collapsed. str -> str."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if ch.isspace() else ch for ch in text
                   if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return " ".join(text.split())


def name_key(raw: str) -> str:
    """The form two names are compared in: `clean_text`, then case-folded and NFC again."""
    return unicodedata.normalize("NFC", clean_text(raw).casefold())


def _before(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


CleanText = Annotated[str, BeforeValidator(_before)]
"""A pydantic str that is cleaned by `clean_text` before any other check (length, required)."""
