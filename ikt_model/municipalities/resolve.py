"""How a member given as a number or a name (by a user or in a file) resolves to today's municipality.

Resolution rules (`resolve_member`), in this order:
1. A number of today's structure is today's municipality (status "today"). Every number present in both the
   2015 and the 2024 lists names the same municipality (tests/municipalities/test_reference.py proves it), so an old
   file with such a number means the same place.
2. A 2015 number that no longer exists maps to its 2024 successor (status "successor"). A 2015 municipality
   that was split between several of today's (Snillfjord 1613, Tysfjord 1850) is not guessed: status
   "ambiguous" with the candidates.
3. A 2020–2023 number (Viken 30xx, Vestfold og Telemark 38xx, Troms og Finnmark 54xx, Ålesund 1507) maps the
   same way; Ålesund 1507 (2020–2023) was split into Ålesund 1508 and Haram 1580 on 1.1.2024: ambiguous.
   (Haram 1534 of 2015 is *not* ambiguous: Haram was re-established in 2024 with its 2015 area, and SSB's
   grouping maps 1534 to 1580 alone.)
4. A name is matched case-insensitively against today's name, display name («Herøy (Nordland)»), official
   name and Sami/Kven parallel names; then against the 2015 names and display names. A name shared by two
   of today's municipalities («Herøy», «Våler») is ambiguous with both as candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from .labels import member_label, numbered, search_today
from .reference import (
    Municipality,
    Successor,
    TodayMunicipality,
    municipalities_2015,
    municipalities_today,
    successors_2024,
    successors_from_2020,
)

Status = Literal["today", "successor", "ambiguous", "unknown"]


class Resolution(BaseModel, frozen=True):
    """How one member (number or name, as the user or a file gave it) resolves to today's municipality.

    status: "today" (a number or name of today's structure), "successor" (an older number or name, mapped to
    its 2024 successor), "ambiguous" (a split municipality or a name shared by several; `candidates` holds the
    choices, `municipality` is None), "unknown" (nothing matched). `former` is the 2015 municipality when the
    input named one; `message` is a Norwegian sentence for the user (empty for "today")."""
    query: str
    status: Status
    municipality: TodayMunicipality | None = None
    former: Municipality | None = None
    candidates: tuple[TodayMunicipality, ...] = ()
    message: str = ""

    @property
    def kommunenummer(self) -> str | None:
        """Today's number, or None when ambiguous/unknown."""
        return self.municipality.kommunenummer if self.municipality else None


_NUMBER = re.compile(r"^\d{3,4}$")
_NAME_WITH_NUMBER = (re.compile(r"^(?P<name>.*?)\s*\((?P<number>\d{4})\)$"),
                     re.compile(r"^(?P<number>\d{4})\s+(?P<name>.+)$"))


def resolve_member(value: str | int) -> Resolution:
    """Resolve one member, given as a municipality number (today's, 2015 or 2020–2023; int or text; 3 digits
    get their leading zero back) or a name (case-insensitive; also «Ålesund (1508)» or «1508 Ålesund»), to
    today's municipality. See the module docstring for the rules. Never raises on user input: unknown input
    gives status "unknown" with a Norwegian message."""
    query = str(value).strip()
    text = " ".join(query.split())
    if _NUMBER.match(text):
        return _resolve_number(query, text.zfill(4))
    for pattern in _NAME_WITH_NUMBER:
        match = pattern.match(text)
        if match:
            return _resolve_number(query, match["number"])
    return _resolve_name(query, text)


def _resolve_number(query: str, number: str) -> Resolution:
    today, old, succ = municipalities_today(), municipalities_2015(), successors_2024()
    if number in today:
        return Resolution(query=query, status="today", municipality=today[number])
    if number in old:
        return _from_2015(query, old[number], succ[number])
    from_2020 = successors_from_2020().get(number)
    if from_2020:
        if len(from_2020) > 1:
            names = _or_list(today[k] for k in from_2020)
            return Resolution(query=query, status="ambiguous", candidates=tuple(today[k] for k in from_2020),
                              message=f"Kommunenummer {number} (2020–2023) er i dag delt: velg {names}.")
        new = today[from_2020[0]]
        return Resolution(query=query, status="successor", municipality=new,
                          message=f"Kommunenummer {number} (2020–2023) er i dag {_label(new)}.")
    return Resolution(query=query, status="unknown",
                      message=f"Ukjent kommunenummer: {number} (verken dagens, 2020–2023 eller 2015).")


def _from_2015(query: str, former: Municipality, successor: Successor) -> Resolution:
    today = municipalities_today()
    old_label = _former_label(former)
    if len(successor.alle) > 1:
        candidates = tuple(today[k] for k in sorted(successor.alle))
        return Resolution(query=query, status="ambiguous", former=former, candidates=candidates,
                          message=f"{old_label} ble delt mellom {_or_list(candidates, 'og')}: velg hvilken "
                                  f"kommune som er medlem.")
    new = today[successor.kommunenummer]
    return Resolution(query=query, status="successor", municipality=new, former=former,
                      message=f"{old_label} er i dag {_label(new)}.")


def _former_label(m: Municipality) -> str:
    """A 2015 municipality as the messages name it: «Nøtterøy (0722, 2015)», «Os (Hordaland, 1243, 2015)» (one
    bracket, as `member_label` writes «Herøy (Nordland, 1818)»)."""
    return numbered(m.visningsnavn, f"{m.kommunenummer}, 2015")


def _former_namesakes(query: str, hits: Iterable[str]) -> list[Resolution]:
    """The 2015 municipalities named exactly `query` (case-insensitive) that are another municipality today than
    those in `hits`: «Os» finds Os in Hordaland, now Bjørnafjorden, beside today's Os in Innlandet."""
    old, succ, shown = municipalities_2015(), successors_2024(), set(hits)
    found = []
    for number in _names_2015().get(query.casefold(), ()):
        res = _from_2015(query, old[number], succ[number])
        if not _targets(res) <= shown:
            found.append(res)
    return found


def _targets(res: Resolution) -> set[str]:
    return {res.municipality.kommunenummer} if res.municipality else {c.kommunenummer for c in res.candidates}


def _resolve_name(query: str, text: str) -> Resolution:
    key = text.casefold()
    hits = _today_names().get(key, ())
    if len(hits) == 1:
        return Resolution(query=query, status="today", municipality=municipalities_today()[hits[0]])
    if len(hits) > 1:
        candidates = tuple(municipalities_today()[k] for k in hits)
        return Resolution(query=query, status="ambiguous", candidates=candidates,
                          message=f"«{text}» finnes flere steder: velg {_or_list(candidates)}.")
    old_hits = _names_2015().get(key, ())
    if len(old_hits) == 1:
        return _from_2015(query, municipalities_2015()[old_hits[0]], successors_2024()[old_hits[0]])
    if len(old_hits) > 1:
        today, succ = municipalities_today(), successors_2024()
        candidates = tuple(today[k] for k in sorted({succ[o].kommunenummer for o in old_hits}))
        return Resolution(query=query, status="ambiguous", candidates=candidates,
                          message=f"«{text}» fantes flere steder i 2015: velg {_or_list(candidates)}.")
    return Resolution(query=query, status="unknown", message=f"Ukjent kommune: «{text}».")


@lru_cache(maxsize=1)
def _today_names() -> dict[str, tuple[str, ...]]:
    """casefolded name -> today's numbers with that name (navn, visningsnavn, navn_ssb, parallel names)."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in municipalities_today().values():
        for name in (m.navn, m.visningsnavn, m.navn_ssb, *m.navn_parallelle):
            out[name.casefold()].add(m.kommunenummer)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _names_2015() -> dict[str, tuple[str, ...]]:
    """casefolded 2015 name -> 2015 numbers (navn, visningsnavn, navn_ssb)."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in municipalities_2015().values():
        for name in (m.navn, m.visningsnavn, m.navn_ssb):
            out[name.casefold()].add(m.kommunenummer)
    return {k: tuple(sorted(v)) for k, v in out.items()}


class MemberList(BaseModel, frozen=True):
    """A list of members resolved to today's structure.

    members: today's numbers, in input order, each once; notices: Norwegian sentences about what was mapped
    or merged (show them); ambiguous / unknown: the resolutions that need the user's choice or are refused."""
    members: tuple[str, ...]
    notices: tuple[str, ...] = ()
    ambiguous: tuple[Resolution, ...] = ()
    unknown: tuple[Resolution, ...] = ()
    duplicates: tuple[str, ...] = ()


def resolve_members(values: Iterable[str | int], choices: dict[str, str] | None = None) -> MemberList:
    """Resolve several members to today's structure. Old numbers are mapped to their successor (with a
    notice); members that are one municipality today are merged into one member with a notice that names them
    («Ørskog (1523, 2015) og Skodje (1529, 2015) er i dag én kommune, Ålesund (1508): regnet som ett medlem.»);
    ambiguous members are resolved by `choices` (query -> today's number among the candidates) when given,
    else returned in `ambiguous`; unknown ones in `unknown`. The same input given twice is reported in
    `duplicates` (and counted once)."""
    choices = choices or {}
    order: list[str] = []
    sources: dict[str, list[Resolution]] = defaultdict(list)
    notices: list[str] = []
    ambiguous, unknown, duplicates = [], [], []
    seen_queries: set[str] = set()
    for value in values:
        res = resolve_member(value)
        if res.query in seen_queries:
            duplicates.append(res.query)
            continue
        seen_queries.add(res.query)
        if res.status == "ambiguous":
            chosen = choices.get(res.query)
            if chosen in {c.kommunenummer for c in res.candidates}:
                pick = municipalities_today()[chosen]
                asked = (_former_label(res.former) if res.former
                         else f"«{res.query}»")
                res = res.model_copy(update={"status": "successor" if res.former else "today", "municipality": pick,
                                             "message": f"{asked}: valgt {_label(pick)}."})
            else:
                ambiguous.append(res)
                continue
        if res.status == "unknown":
            unknown.append(res)
            continue
        number = res.kommunenummer
        assert number is not None
        if number not in sources:
            order.append(number)
        sources[number].append(res)
    today = municipalities_today()
    for number in order:
        group = sources[number]
        if len(group) > 1:
            names = _or_list((_input_label(r) for r in group), "og")
            notices.append(f"{names} er i dag én kommune, {_label(today[number])}: regnet som ett medlem.")
        elif group[0].message:
            notices.append(group[0].message)
    return MemberList(members=tuple(order), notices=tuple(notices), ambiguous=tuple(ambiguous),
                      unknown=tuple(unknown), duplicates=tuple(duplicates))


class MemberSearch(BaseModel, frozen=True):
    """What the member search offers for a typed text: `hits`, today's numbers to pick from (at most the
    search's limit), and `note`, a Norwegian sentence to show above them ("" when today's names or numbers
    matched as typed)."""
    hits: tuple[str, ...]
    note: str = ""


def search_members(text: str, limit: int = 12) -> MemberSearch:
    """Today's municipalities for the member search: those whose name or number starts with `text`
    (`search_today`), and the successor of a 2015 municipality named exactly `text` that is another one today
    («Os»: today's Os, Osen, Oslo … and Bjørnafjorden, with «Os (Hordaland, 1243, 2015) er i dag Bjørnafjorden
    (4624).»); when none does, a whole number or name of 2015 or 2020–2023 (`resolve_member`) gives
    its successor today, or the municipalities it was split between, with the sentence that says so
    («Kommunenummer 1507 (2020–2023) er i dag delt: velg Ålesund (1508) eller Haram (1580).»). Nothing found:
    no hits and a note that says what was searched. Blank text: no hits, no note. Never raises."""
    query = " ".join(str(text).split())
    if not query:
        return MemberSearch(hits=())
    hits = search_today(query, limit)
    if hits:  # and a former municipality of the same name that is another one today (Os in Hordaland)
        namesakes = _former_namesakes(query, hits)
        extra = sorted({n for res in namesakes for n in _targets(res)} - set(hits))
        return MemberSearch(hits=tuple(hits + extra), note=" ".join(res.message for res in namesakes))
    res = resolve_member(query)
    if res.status == "successor" and res.municipality is not None:
        return MemberSearch(hits=(res.municipality.kommunenummer,), note=res.message)
    if res.status == "ambiguous":
        return MemberSearch(hits=tuple(c.kommunenummer for c in res.candidates)[:limit], note=res.message)
    return MemberSearch(hits=(), note=f"Ingen av dagens kommuner har navn eller nummer som begynner på «{query}», "
                                      "og det er heller ikke et kommunenummer eller navn fra 2015 eller 2020–2023.")


def _input_label(res: Resolution) -> str:
    if res.former is not None:
        return _former_label(res.former)
    assert res.municipality is not None
    if res.status == "successor":
        return f"{res.query} (2020–2023)"
    return _label(res.municipality)


def _label(m: TodayMunicipality) -> str:
    return member_label(m.kommunenummer)


def _or_list(items: Iterable[TodayMunicipality | str], word: str = "eller") -> str:
    labels = [i if isinstance(i, str) else _label(i) for i in items]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} {word} {labels[-1]}"

