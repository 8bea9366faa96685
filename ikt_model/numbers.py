"""Numbers as people in Norway type, paste or upload them: one parser for every number input.

Accepted (examples all read as 1 234 567,5 or as shown):
  * digit grouping by space, non-breaking space (U+00A0), narrow non-breaking space (U+202F) or thin
    space (U+2009): «1 234 567,5»; or by dot: «1.234.567,5», «250.000» (= 250 000). Groups after the
    first have exactly three digits, and one number uses one kind of grouping.
  * decimal comma: «12,5», «0,125».
  * «mill»/«mill.»/«million(er)»/«mln»/«MNOK» (× 1 000 000), «mrd»/«mrd.»/«milliard(er)» (× 10⁹),
    «tusen» (× 1 000): «12,5 mill» = 12 500 000.
  * «kr», «kr.», «NOK» before or after, and «,-» after whole kroner: «kr 12 000 000», «12 000 000,-».
  * a sign: «-», «−» (U+2212) or «+»; a percent sign only where the caller allows it («60,5 %»).

Refused, with a Norwegian message that shows what is accepted (`NumberInputError`), never read as
something else:
  * a dot that is not a thousands separator («1.5», «60.50», «1.2345»): in Norwegian the decimal mark
    is the comma, and reading «1.5» as 1,5 but «1.500» as 1 500 would make a trailing zero change the
    value a thousandfold;
  * «1,200» and «12,500 mill»: one comma followed by exactly three digits, with no other grouping, is
    1,2 in Norwegian but 1 200 in English;
  * several commas («1,200,000»), mixed grouping («1 200.000»), wrong group sizes («12 00»), exponents
    («1e6»), letters, and more than one number.

Source of the conventions: Språkrådet's rules for writing numbers (space as thousands separator,
comma as decimal mark; «mill.» and «mrd.» as abbreviations) and everyday Norwegian usage of «,-» and
the dot as a thousands separator in prices.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from .format import number

GROUP_SPACES = " \u00a0\u202f\u2009"
MINUS_SIGNS = "-\u2212\u2013"

_MULTIPLIERS: dict[str, int] = {
    "tusen": 1_000,
    "mill": 1_000_000, "mill.": 1_000_000, "million": 1_000_000, "millioner": 1_000_000, "mln": 1_000_000,
    "mnok": 1_000_000,
    "mrd": 1_000_000_000, "mrd.": 1_000_000_000, "milliard": 1_000_000_000, "milliarder": 1_000_000_000,
}
_CURRENCY = ("kr.", "kr", "nok")
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+(?:,\d+)?$")
_DOT_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_AMBIGUOUS_COMMA = re.compile(r"^[1-9]\d{0,2},\d{3}$")
_DOT_DECIMAL = re.compile(r"^[+\-\u2212]?\d+\.(?:\d{1,2}|\d{4,})$")  # «2.5», «60.50»: a decimal, never thousands

# What a field for a whole number accepts as it is typed (JavaScript and Python read it alike): digits, grouped
# by a space in threes or not, with spaces around. For `st.text_input(validate=(WHOLE_NUMBER_PATTERN, hint))`:
# the browser keeps «3,7» in the field with the hint and sends nothing (Streamlit's own number field read
# «3,7» as 37 and «2.5» as 2); the server reads what it gets with `parse_whole_between`.
WHOLE_NUMBER_PATTERN = r"^\s*\d{1,3}(?:[ \u00a0]?\d{3})*\s*$"


class NumberInputError(ValueError):
    """A number a person typed that cannot be read without guessing; the message is Norwegian and
    ends with an example of what is accepted."""


def _refuse(what: str, text: str, problem: str, example: str) -> NumberInputError:
    return NumberInputError(f"{what}: «{text}» {problem}. Skriv for eksempel {example}.")


def _accepted(allow_percent: bool, allow_multiplier: bool) -> str:
    """What a field accepts, for the message: a percentage names «%», not «kr» (a share is not kroner), and
    «mill»/«mrd» only where they are allowed."""
    words = ["sifre", "mellomrom", "punktum for tusener", "komma for desimaler"]
    if allow_multiplier and not allow_percent:
        words += ["«mill»", "«mrd»"]
    words.append("«%»" if allow_percent else "«kr»")
    return "bare " + ", ".join(words[:-1]) + " og " + words[-1]


def parse_number(raw: object, *, what: str = "Tallet", example: str = "12 500 000 eller 12,5 mill",
                 allow_percent: bool = False, allow_multiplier: bool = True) -> Decimal:
    """A typed, pasted or uploaded number -> exact Decimal (see the module docstring for the rules).

    `what` names the field in the message («Budsjettet»), `example` is what the message suggests.
    With `allow_percent`, a trailing «%» is allowed and ignored (the value is in percent, as typed), and «kr» is
    refused (a percentage is not an amount).
    ints and Decimals are taken as they are; floats are taken by their shortest repr (they come from
    code or widgets, not from typing); bools and non-finite values are refused.
    Raises NumberInputError.
    """
    if isinstance(raw, bool):
        raise NumberInputError(f"{what} må være et tall. Skriv for eksempel {example}.")
    if isinstance(raw, (int, Decimal, float)):
        value = Decimal(str(raw)) if not isinstance(raw, Decimal) else raw
        if not value.is_finite():
            raise NumberInputError(f"{what} må være et endelig tall. Skriv for eksempel {example}.")
        return value
    if not isinstance(raw, str):
        raise NumberInputError(f"{what} må være et tall. Skriv for eksempel {example}.")
    shown = " ".join(raw.split())
    text = shown.lower()
    for ch in GROUP_SPACES[1:]:
        text = text.replace(ch, " ")
    text = " ".join(text.split())
    if not text:
        raise NumberInputError(f"{what} mangler. Skriv for eksempel {example}.")

    sign = 1
    if text[0] in MINUS_SIGNS or text[0] == "+":
        sign = -1 if text[0] in MINUS_SIGNS else 1
        text = text[1:].lstrip()
    currencies = () if allow_percent else _CURRENCY  # a percentage is a share, not kroner: «50 kr» is refused
    for currency in currencies:  # «kr 12 000»
        if text.startswith(currency + " ") or (currency == "kr." and text.startswith(currency)):
            text = text[len(currency):].lstrip()
            break
    if text.endswith(",-"):
        text = text[:-2].rstrip()
    percent = False
    if text.endswith("%"):
        if not allow_percent:
            raise _refuse(what, shown, "skal ikke ha prosenttegn", example)
        percent, text = True, text[:-1].rstrip()
    for currency in currencies:  # «12 000 kr»
        if text.endswith(" " + currency) or text.endswith(currency) and text[:-len(currency)][-1:].isdigit():
            text = text[: -len(currency)].rstrip()
            break
    multiplier = 1
    match = re.match(r"^(.*?)\s*([a-zæøå.]+)$", text)
    if match and match.group(2) in _MULTIPLIERS:
        if not allow_multiplier or percent:
            raise _refuse(what, shown, "kan ikke ha «mill» eller «mrd» her", example)
        text, multiplier = match.group(1).rstrip(), _MULTIPLIERS[match.group(2)]
    if text.endswith(",-"):  # «12,-» after «mill» is not a thing; after stripping kr it is
        text = text[:-2].rstrip()

    if not text:
        raise _refuse(what, shown, "inneholder ikke noe tall", example)
    if re.search(r"[^\d .,]", text):
        raise _refuse(what, shown, f"er ikke et tall ({_accepted(allow_percent, allow_multiplier)})", example)
    if text.count(",") > 1:
        raise _refuse(what, shown, "har flere komma (skrives tusener med komma, som på engelsk? På norsk "
                      "skilles tusener med mellomrom og desimaler med komma)", example)
    if " " in text and "." in text:
        raise _refuse(what, shown, "blander mellomrom og punktum som tusenskille", example)
    if " " in text:
        if not _SPACE_GROUPED.match(text):
            raise _refuse(what, shown, "har feil gruppering (tusener skrives i grupper på tre sifre)", example)
        digits = text.replace(" ", "")
    elif "." in text:
        if not _DOT_GROUPED.match(text):
            suggestion = f"{text.replace('.', ',')} (eller {example})" if text.count(".") == 1 and "," not in text \
                else example
            raise _refuse(what, shown, "har punktum som ikke er tusenskille; på norsk brukes komma som "
                          "desimaltegn", suggestion)
        digits = text.replace(".", "")
    else:
        if not _PLAIN.match(text):
            raise _refuse(what, shown, "er ikke et tall", example)
        if _AMBIGUOUS_COMMA.match(text):
            whole, decimals = text.split(",")
            raise _refuse(what, shown, f"kan bety både {whole},{decimals.rstrip('0') or '0'} og "
                          f"{whole} {decimals} (komma brukes som tusenskille på engelsk)",
                          f"{whole},{decimals.rstrip('0') or '0'} eller {whole} {decimals}")
        digits = text
    try:
        value = Decimal(digits.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns above admit only digits and one comma
        raise _refuse(what, shown, "er ikke et tall", example) from None
    return sign * value * multiplier


def parse_whole(raw: object, *, what: str = "Tallet", example: str = "12 500 000 eller 12,5 mill") -> int:
    """Like `parse_number`, but the result must be a whole number (kroner, counts); NumberInputError
    otherwise («12,5 kr» is refused, «12,5 mill» is 12 500 000). A decimal written with a dot («2.5») is
    refused as not whole, not with `parse_number`'s hint to write «2,5» (which would be refused too)."""
    if isinstance(raw, str) and _DOT_DECIMAL.match(raw.strip()):
        raise NumberInputError(f"{what} må være et helt tall (du skrev «{raw.strip()}»). Skriv for eksempel {example}.")
    value = parse_number(raw, what=what, example=example)
    if value != value.to_integral_value():
        raise NumberInputError(f"{what} må være et helt tall (du skrev «{raw}»). Skriv for eksempel {example}.")
    return int(value)


def has_minus_sign(raw: object) -> bool:
    """True when `raw` carries a minus sign, «−0», «-0» and the float -0.0 too: a typed text whose first
    character (after spaces) is one of MINUS_SIGNS, or a number below zero or with its sign bit set. A field
    that takes 0 or more refuses these rather than read «-0» as 0 without a word."""
    if isinstance(raw, str):
        return raw.strip()[:1] in tuple(MINUS_SIGNS)
    if isinstance(raw, bool):
        return False
    if isinstance(raw, Decimal):
        return raw.is_signed()
    if isinstance(raw, float):
        return math.copysign(1.0, raw) < 0
    return isinstance(raw, int) and raw < 0


def whole_number_hint(low: int, high: int) -> str:
    """The Norwegian hint for a whole-number field from `low` to `high` (numbers in Norwegian format)."""
    return f"Skriv et helt tall fra {number(low)} til {number(high)}, uten komma eller punktum."


def parse_whole_between(raw: object, low: int, high: int, *, what: str) -> int:
    """A typed whole number from `low` to `high` (inclusive) -> int, read by `parse_whole` («1 000», « 7 »).

    Raises NumberInputError with one Norwegian message for every refusal, naming `what` and what the field
    takes: «Antall kommuner må være et helt tall fra 1 til 500.» — for «3,7», «2.5», «», «tre» and «0» alike.
    One message, not one per kind of mistake: a field whose browser check (WHOLE_NUMBER_PATTERN) keeps «3,7»
    from the server would otherwise go on showing the server's message about what was typed before. A minus
    sign is refused where `low` is 0 or more, «−0» too (it would be read as 0 without a word)."""
    refusal = NumberInputError(f"{what} må være et helt tall fra {number(low)} til {number(high)}.")
    try:
        value = parse_whole(raw, what=what, example=str(low))
    except NumberInputError:
        raise refusal from None
    if has_minus_sign(raw) and low >= 0 or not low <= value <= high:  # «−0»: a minus sign is not dropped
        raise refusal
    return value
