"""How a user reads, sorts and finds today's municipalities: display names and labels with the number,
Norwegian alphabetical order, the member picker's options and prefix search."""

from __future__ import annotations

import re

from .reference import municipalities_2015, municipalities_today


def display_name(kommunenummer: str) -> str:
    """The name a user reads for a municipality number: today's display name («Herøy (Nordland)») for today's
    numbers, else the 2015 display name («Sande (Vestfold)»); the number itself if unknown."""
    today = municipalities_today().get(kommunenummer)
    if today is not None:
        return today.visningsnavn
    old = municipalities_2015().get(kommunenummer)
    return old.visningsnavn if old is not None else kommunenummer


def numbered(name: str, number: str) -> str:
    """A display name with a number (and what else goes with it, e.g. «0713, 2015») in one bracket: «Nøtterøy
    (0722)», and for a name that has a bracket of its own «Sande (Vestfold, 0713)», never «Sande (Vestfold)
    (0713)»."""
    if name.endswith(")") and "(" in name:
        return f"{name[:-1]}, {number})"
    return f"{name} ({number})"


def member_label(kommunenummer: str) -> str:
    """How a user reads one of today's municipalities with its number: «Ålesund (1508)», and for the names
    that occur twice «Herøy (Nordland, 1818)». Raises KeyError for a number that is not today's."""
    m = municipalities_today()[kommunenummer]
    if m.visningsnavn != m.navn:
        return f"{m.navn} ({m.fylke}, {m.kommunenummer})"
    return f"{m.navn} ({m.kommunenummer})"


_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def norwegian_sort_key(text: str) -> str:
    """Sort key for Norwegian alphabetical order (… z, æ, ø, å), case-insensitive."""
    return text.casefold().translate(_NORWEGIAN_ORDER)


def picker_options() -> dict[str, str]:
    """Today's 357 municipalities for a member picker: kommunenummer -> «Ålesund – 1508» («Herøy (Nordland) –
    1818»), in Norwegian alphabetical order, so that typing a name prefix or a number finds it."""
    today = municipalities_today()
    ordered = sorted(today.values(), key=lambda m: (norwegian_sort_key(m.visningsnavn), m.kommunenummer))
    return {m.kommunenummer: f"{m.visningsnavn} – {m.kommunenummer}" for m in ordered}


def search_today(text: str, limit: int = 12) -> list[str]:
    """Today's municipalities whose number starts with `text` (digits; «301» finds 0301) or whose name or a word
    of it starts with `text` (case-insensitive; name, display name, official name and Sami/Kven parallel names:
    «sør» finds Sør-Varanger and Sørfold, «åle» only Ålesund — never letters scattered through a name).
    Returns numbers in Norwegian alphabetical order of the display name, at most `limit`; [] for blank text."""
    query = " ".join(str(text).split()).casefold()
    if not query:
        return []
    today = municipalities_today()
    if query.isdigit():
        hits = [n for n in today if n.startswith(query) or n.lstrip("0").startswith(query)]
    else:
        hits = []
        for m in today.values():
            names = (m.navn, m.visningsnavn, m.navn_ssb, *m.navn_parallelle)
            words = {w for name in names for w in re.split(r"[\s\-()]+", name.casefold()) if w}
            if any(name.casefold().startswith(query) for name in names) or any(w.startswith(query) for w in words):
                hits.append(m.kommunenummer)
    hits.sort(key=lambda n: (norwegian_sort_key(today[n].visningsnavn), n))
    return hits[:limit]

