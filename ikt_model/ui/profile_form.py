"""Turn the profile form's raw widget values into a validated Profile, or Norwegian errors."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import format as fmt
from ..decision.profile import MUNICIPALITIES_RANGE, NAME_MAX_CHARS, PROFILE_VERSION, STATUS_LABELS, Profile
from ..municipalities import Resolution, member_label, picker_options, population_label, resolve_members
from ..names import clean_text
from ..numbers import NumberInputError, parse_whole_between
from ..spreadsheet import file_stem
from .messages import norwegian_errors
from .text import markdown_escape

FIELDS = tuple(Profile.model_fields)


class ProfileResult(BaseModel):
    """Either a valid profile, or the Norwegian error messages (one per problem); `count_error` is the one
    about the typed number of municipalities (also in `errors`), for the page to show at its field;
    `notices`: Norwegian notes on what was changed to make the input fit (a name cut to its longest length)."""

    profile: Profile | None = None
    errors: list[str] = []
    count_error: str | None = None
    notices: list[str] = []


MUNICIPALITIES_LABEL = "Antall kommuner"


def build_profile(raw: dict[str, Any]) -> ProfileResult:
    """Validate form values. Members chosen -> the municipality count follows them; a new
    collaboration has no current model/form; empty name -> None, a name longer than NAME_MAX_CHARS (after
    cleaning) is cut to it with a notice (a pasted long name is kept, not lost). The count may come as the
    text typed in its field («7»; read by `numbers.parse_whole_between`: «3,7», «» or «0» give its Norwegian
    error)."""
    values = {k: v for k, v in raw.items() if k in FIELDS}
    count = values.get("municipalities")
    if isinstance(count, str) and not values.get("members"):
        try:
            values["municipalities"] = parse_whole_between(count, *MUNICIPALITIES_RANGE, what=MUNICIPALITIES_LABEL)
        except NumberInputError as exc:
            return ProfileResult(errors=[str(exc)], count_error=str(exc))
    if values.get("status") == "new":
        values["current_model"] = values["current_form"] = None
    if values.get("current_form") != "par27":  # a form chosen in 2026 terms answers the «§ 27» question
        values["par27_unconverted"] = False
    values["version"] = PROFILE_VERSION
    notices: list[str] = []
    if isinstance(values.get("name"), str) and len(name := clean_text(values["name"])) > NAME_MAX_CHARS:
        values["name"] = name[:NAME_MAX_CHARS].rstrip()
        notices.append(f"Navnet er kortet til {NAME_MAX_CHARS} tegn.")
    if not values.get("name"):
        values["name"] = None
    members = values.get("members") or None
    values["members"] = members
    if members:
        values["municipalities"] = len(members)
    try:
        return ProfileResult(profile=Profile.model_validate(values), notices=notices)
    except ValidationError as exc:
        return ProfileResult(errors=norwegian_errors(exc), notices=notices)


def municipality_options() -> dict[str, str]:
    """Today's municipalities for the member picker: kommunenummer -> «Ålesund – 1508», in Norwegian
    alphabetical order (see municipalities.picker_options)."""
    return picker_options()


def members_population(profile: Profile) -> int | None:
    """Population of the listed members on 1 January `profile.population_year` (SSB), or None without members."""
    return profile.members_population


def profile_summary(profile: Profile) -> str:
    """The profile in one Markdown line for the top of «Samarbeidet»: status, number of municipalities and,
    with members, their population (SSB, the profile's population year), e.g. «**Nytt samarbeid** ·
    **3 kommuner** · **12 345 innbyggere** (folketall 1.1.2026, SSB)»; without, «(ingen medlemmer valgt)».
    Numbers in Norwegian format. A named collaboration's line starts with its name (as text, never Markdown):
    «Sunnmøre IKT: **Nytt samarbeid** · …», so the room sees which case is in use."""
    parts = [STATUS_LABELS[profile.status], fmt.plural(profile.municipalities, "kommune", "kommuner")]
    population = members_population(profile)
    line = " · ".join(f"**{part}**" for part in parts)
    if population is not None:
        line += f" · **{fmt.number(population)} innbyggere** ({population_label(profile.population_year)})"
    else:  # the count is then the user's own number (or the default 5): said, as «Sammenligning» says it
        line += " (ingen medlemmer valgt)"
    return f"{markdown_escape(profile.name)}: {line}" if profile.name else line


class LoadedProfile(BaseModel):
    """A profile file read for «Samarbeidet»: the profile (None until valid and every question answered),
    Norwegian errors, the members to ask about (a split 2015 municipality, a name shared by two) and notices
    about old numbers mapped to today's municipality or merged."""
    profile: Profile | None = None
    errors: list[str] = []
    questions: list[Resolution] = []
    notices: list[str] = []


MAX_PROFILE_BYTES = 100_000


def member_added_notice(members: list[str] | None, number: str, note: str = "") -> str:
    """What the member search says when `number` (today's) is added to `members` (the list before it): «Ålesund
    (1508) er allerede med.» when it was a member already, else `note` (how a former number or name became
    today's municipality, from `municipalities.search_members`; "" for one of today's: nothing to say)."""
    if number in (members or ()):
        return f"{member_label(number)} er allerede med."
    return note


def profile_file_name(profile: Profile) -> str:
    """The downloaded profile's file name: «profil-<the collaboration's name>.json» (letters and digits, æøå
    kept, the rest as «-»: `spreadsheet.file_stem`), or «profil.json» for a profile without a name. Two cases
    downloaded in one meeting then do not both arrive as profil.json."""
    stem = file_stem(profile.name or "", fallback="")
    return f"profil-{stem}.json" if stem else "profil.json"


def load_profile_file(content: bytes, choices: dict[str, str] | None = None) -> LoadedProfile:
    """A profile JSON file (downloaded from «Samarbeidet» or written for the CLI, any earlier version with
    2015 numbers) -> LoadedProfile. `choices` answers the questions: the member as written in the file ->
    today's number among its candidates. Never raises on bad input: errors are Norwegian sentences."""
    if len(content) > MAX_PROFILE_BYTES:
        return LoadedProfile(errors=[f"Filen er for stor til å være en profil (over {MAX_PROFILE_BYTES // 1000} kB)."])
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return LoadedProfile(errors=["Filen er ikke gyldig JSON (last ned profilen fra denne siden for et eksempel)."])
    if not isinstance(data, dict):
        return LoadedProfile(errors=["Filen er ikke en profil: forventet et JSON-objekt med feltene fra "
                                     "«Samarbeidet»."])
    choices = choices or {}
    notices: list[str] = []
    raw = data.get("members")
    if isinstance(raw, list) and raw:
        resolved = resolve_members(raw, choices)
        if resolved.ambiguous and not resolved.unknown:
            return LoadedProfile(questions=list(resolved.ambiguous), notices=list(resolved.notices))
        data = {**data, "members": [choices.get(str(v).strip(), v) for v in raw]}
        notices = list(resolved.notices)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        return LoadedProfile(errors=norwegian_errors(exc), notices=notices)
    return LoadedProfile(profile=profile, notices=notices)
