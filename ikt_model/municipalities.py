"""Norwegian municipalities: today's 357 (since 1.1.2024, the same set on 1.1.2026), the report's 428 of 2015,
and how a member given as a number or a name resolves to today's municipality.

Reference data in data/reference/ (see PROVENANCE.md and PROVENANCE_2024.md there):
- kommuner_2024.csv: number, SSB's official name (KLASS 131, 1.1.2026), county, population on 1.1.2024,
  1.1.2025 and 1.1.2026 (SSB table 07459), area. Kilde: Statistisk sentralbyrå.
- kommuner_2015.csv: the municipalities of the report's time, population on 1.1.2015.
- kommune_successors.csv: each 2015 municipality's successor in 2020 and 2024 (SSB's change tables).

Resolution rules (`resolve_member`), in this order:
1. A number of today's structure is today's municipality (status "today"). Every number present in both the
   2015 and the 2024 lists names the same municipality (tests/test_municipalities.py proves it), so an old
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

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from .config import get_settings

#: Population dates available, newest first. 2024–2026 are today's structure; 2015 is the report's.
POPULATION_YEARS: tuple[int, ...] = (2026, 2025, 2024, 2015)
DEFAULT_POPULATION_YEAR = 2026


class Municipality(BaseModel, frozen=True):
    """A municipality of 2015 (the report's structure). `visningsnavn` adds the county to names that occurred
    twice in 2015 («Sande (Vestfold)»)."""
    kommunenummer: str
    navn: str
    navn_ssb: str
    fylkesnummer: str
    fylke: str
    folketall: int
    visningsnavn: str = ""


class TodayMunicipality(BaseModel, frozen=True):
    """One of the 357 municipalities valid since 1.1.2024 (kommuner_2024.csv).

    navn: common Norwegian name (not unique: Herøy, Våler); visningsnavn: the name a user reads, with the
    county for the names that occur twice («Herøy (Nordland)»), otherwise `navn`; navn_ssb: SSB's official
    name with Sami/Kven forms («Kárášjohka - Karasjok»); folketall: population on 1 January by year
    (2024, 2025, 2026); areal_km2: indicative area in km² (see PROVENANCE_2024.md)."""
    kommunenummer: str
    navn: str
    visningsnavn: str
    navn_ssb: str
    navn_parallelle: tuple[str, ...] = ()
    fylkesnummer: str
    fylke: str
    folketall: dict[int, int]
    areal_km2: float

    def population(self, year: int = DEFAULT_POPULATION_YEAR) -> int:
        """Population on 1 January `year`; for 2015 the sum of the 2015 predecessors (see `population`)."""
        return population(self.kommunenummer, year)


@lru_cache(maxsize=1)
def municipalities_2015() -> dict[str, Municipality]:
    """kommunenummer (text, leading zeros kept) -> Municipality, for the 428 municipalities of 2015."""
    rows = _reference_rows("kommuner_2015.csv")
    twice = _duplicates(r["navn"] for r in rows)
    return {r["kommunenummer"]: Municipality.model_validate(
        {**r, "visningsnavn": f"{r['navn']} ({r['fylke']})" if r["navn"] in twice else r["navn"]}) for r in rows}


@lru_cache(maxsize=1)
def municipalities_today() -> dict[str, TodayMunicipality]:
    """kommunenummer -> TodayMunicipality for the 357 municipalities of today (since 1.1.2024; the same set
    on 1.1.2026), in number order. Source: kommuner_2024.csv (SSB KLASS 131, SSB table 07459)."""
    rows = _reference_rows("kommuner_2024.csv")
    twice = _duplicates(r["navn"] for r in rows)
    out = {}
    for r in sorted(rows, key=lambda r: r["kommunenummer"]):
        out[r["kommunenummer"]] = TodayMunicipality(
            kommunenummer=r["kommunenummer"], navn=r["navn"],
            visningsnavn=f"{r['navn']} ({r['fylke']})" if r["navn"] in twice else r["navn"],
            navn_ssb=r["navn_ssb"],
            navn_parallelle=tuple(p.strip() for p in r["navn_parallelle"].split(";") if p.strip()),
            fylkesnummer=r["fylkesnummer"], fylke=r["fylke"],
            folketall={2026: int(r["folketall"]), 2025: int(r["folketall_2025"]), 2024: int(r["folketall_2024"])},
            areal_km2=float(r["areal_km2"]))
    return out


class Successor(BaseModel, frozen=True):
    """Main 2024 successor of a 2015 municipality; `alle` lists every successor (more than one: split)."""
    kommunenummer: str
    navn: str
    alle: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def successors_2024() -> dict[str, Successor]:
    """2015 kommunenummer -> main 2024 successor (data/reference/kommune_successors.csv, SSB)."""
    return {row["kommunenummer_2015"]: Successor(kommunenummer=row["kommunenummer_2024"], navn=row["navn_2024"],
                                                 alle=tuple(row["alle_etterfolgere_2024"].split(";")))
            for row in _reference_rows("kommune_successors.csv")}


@lru_cache(maxsize=1)
def successors_from_2020() -> dict[str, tuple[str, ...]]:
    """2020–2023 kommunenummer (only those not also a 2015 or a 2024 number) -> today's successors, sorted.
    More than one successor: the 2020 municipality was split in 2024 (Ålesund 1507 -> 1508, 1580)."""
    today, old = municipalities_today(), municipalities_2015()
    out: dict[str, set[str]] = defaultdict(set)
    for row in _reference_rows("kommune_successors.csv"):
        number = row["kommunenummer_2020"]
        if number not in today and number not in old:
            out[number].add(row["kommunenummer_2024"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def predecessors_2015() -> dict[str, tuple[str, ...]]:
    """Today's kommunenummer -> the 2015 municipalities whose main successor it is (sorted). Split
    municipalities count wholly for their main successor (Snillfjord -> Orkland, Tysfjord -> Narvik)."""
    out: dict[str, list[str]] = defaultdict(list)
    for old, succ in successors_2024().items():
        out[succ.kommunenummer].append(old)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def population(kommunenummer: str, year: int = DEFAULT_POPULATION_YEAR) -> int:
    """Population of today's municipality `kommunenummer` on 1 January `year` (2024, 2025 or 2026: SSB figures
    for the municipality; 2015: the sum of its 2015 predecessors' population on 1.1.2015, split
    municipalities counted wholly for their main successor, see PROVENANCE.md section 3).

    Raises KeyError for a number that is not today's, ValueError for a year not in POPULATION_YEARS."""
    if year not in POPULATION_YEARS:
        raise ValueError(f"Folketall finnes for 1.1. i årene {', '.join(map(str, POPULATION_YEARS))}, ikke {year}")
    municipality = municipalities_today()[kommunenummer]
    if year == 2015:
        old = municipalities_2015()
        return sum(old[k].folketall for k in predecessors_2015().get(kommunenummer, ()))
    return municipality.folketall[year]


def population_label(year: int = DEFAULT_POPULATION_YEAR) -> str:
    """The source line to show next to a population figure: «folketall 1.1.2026, SSB»."""
    return f"folketall 1.1.{year}, SSB"


def display_name(kommunenummer: str) -> str:
    """The name a user reads for a municipality number: today's display name («Herøy (Nordland)») for today's
    numbers, else the 2015 display name («Sande (Vestfold)»); the number itself if unknown."""
    today = municipalities_today().get(kommunenummer)
    if today is not None:
        return today.visningsnavn
    old = municipalities_2015().get(kommunenummer)
    return old.visningsnavn if old is not None else kommunenummer


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
    old_label = f"{former.visningsnavn} ({former.kommunenummer}, 2015)"
    if len(successor.alle) > 1:
        candidates = tuple(today[k] for k in sorted(successor.alle))
        return Resolution(query=query, status="ambiguous", former=former, candidates=candidates,
                          message=f"{old_label} ble delt mellom {_or_list(candidates, 'og')}: velg hvilken "
                                  f"kommune som er medlem.")
    new = today[successor.kommunenummer]
    return Resolution(query=query, status="successor", municipality=new, former=former,
                      message=f"{old_label} er i dag {_label(new)}.")


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
                asked = (f"{res.former.visningsnavn} ({res.former.kommunenummer}, 2015)" if res.former
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


def _input_label(res: Resolution) -> str:
    if res.former is not None:
        return f"{res.former.visningsnavn} ({res.former.kommunenummer}, 2015)"
    assert res.municipality is not None
    if res.status == "successor":
        return f"{res.query} (2020–2023)"
    return _label(res.municipality)


def _label(m: TodayMunicipality) -> str:
    return member_label(m.kommunenummer)


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


#: 3.2: «Enkelte kommuner mener det kan være utfordringer med kommuner av ulik størrelse». The report gives
#: no number; this project calls sizes «store størrelsesforskjeller» when the largest member has at least ten
#: times the population of the smallest (one order of magnitude).
SIZE_RATIO_THRESHOLD = 10


class SizeDifference(BaseModel, frozen=True):
    """The size spread of a member list: largest/smallest member by population on 1 January `year`.

    `large` is True when `ratio` >= SIZE_RATIO_THRESHOLD; `text` explains it in Norwegian with the threshold
    and the source (3.2)."""
    year: int
    largest: str
    smallest: str
    ratio: float
    large: bool
    text: str


def size_difference(members: Iterable[str], year: int = DEFAULT_POPULATION_YEAR) -> SizeDifference | None:
    """The size spread of today's municipalities `members` (numbers) on 1 January `year` (see `population`);
    None for fewer than two members. Raises KeyError for a number that is not today's."""
    from . import format as fmt

    numbers = list(dict.fromkeys(members))
    if len(numbers) < 2:
        return None
    pops = {n: population(n, year) for n in numbers}
    largest = max(numbers, key=lambda n: (pops[n], n))
    smallest = min(numbers, key=lambda n: (pops[n], n))
    ratio = pops[largest] / pops[smallest]
    large = ratio >= SIZE_RATIO_THRESHOLD
    text = (f"{'Store' if large else 'Ikke store'} størrelsesforskjeller: den største kommunen, "
            f"{member_label(largest)}, har {fmt.number(ratio, 1)} ganger så mange innbyggere som den minste, "
            f"{member_label(smallest)} ({fmt.number(pops[largest])} mot {fmt.number(pops[smallest])}, "
            f"{population_label(year)}). Terskelen er {SIZE_RATIO_THRESHOLD} ganger – rapporten (3.2) sier at "
            "«enkelte kommuner mener det kan være utfordringer med kommuner av ulik størrelse», men gir ingen "
            "grense; ti ganger (én størrelsesorden) er prosjektets valg.")
    return SizeDifference(year=year, largest=largest, smallest=smallest, ratio=ratio, large=large, text=text)


def _or_list(items: Iterable[TodayMunicipality | str], word: str = "eller") -> str:
    labels = [i if isinstance(i, str) else _label(i) for i in items]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} {word} {labels[-1]}"


def _duplicates(names: Iterable[str]) -> set[str]:
    return {name for name, count in Counter(names).items() if count > 1}


def _reference_rows(name: str) -> list[dict[str, str]]:
    """Rows of a reference CSV as text (numbers keep their leading zeros)."""
    path = get_settings().data_dir / "reference" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
