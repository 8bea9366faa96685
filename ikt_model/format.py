"""Norwegian number formatting for the UI: 1 234 567, 12,5 %, 1 234 567 kr."""

from __future__ import annotations

NBSP = "\u00a0"  # keeps "1 234" on one line


def number(value: float, decimals: int = 0) -> str:
    """1234567.891 -> '1 234 568' (decimals=0) or '1 234 567,89' (decimals=2); minus as '−'."""
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return ("−" if value < 0 and float(text.replace(NBSP, "").replace(",", ".")) != 0 else "") + text


def signed(value: float, decimals: int = 2) -> str:
    """+0,89 / −0,23: scores with an explicit sign."""
    text = number(value, decimals)
    return text if text.startswith("−") or float(text.replace(NBSP, "").replace(",", ".")) == 0 else "+" + text


def percent(fraction: float, decimals: int = 0) -> str:
    """0.2586 -> '26 %'."""
    return f"{number(fraction * 100, decimals)}{NBSP}%"


def kroner(value: float, decimals: int = 0) -> str:
    """1234567 -> '1 234 567 kr'."""
    return f"{number(value, decimals)}{NBSP}kr"


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: «Kommunalt oppgavefellesskap (KO)» -> «kommunalt oppgavefellesskap (KO)».

    Acronym-led labels keep their case («KS-modellen», «IKS»): only a capital followed by a lower-case
    letter is lowered.
    """
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label
