"""Norwegian municipalities: today's 357 (since 1.1.2024, the same set on 1.1.2026), the report's 428 of 2015,
and how a member given as a number or a name resolves to today's municipality.

One module per concept: reference (the reference data from data/reference/, SSB: the municipalities of 2015 and
today, successors, population by date), resolve (a member given as a number or a name -> today's municipality),
labels (how a user reads, sorts and finds them), size (the members' size spread, report 3.2). The names the rest
of the project uses are handed on here.
"""

from .labels import display_name, member_label, norwegian_sort_key, numbered, picker_options, search_today
from .reference import (
    DEFAULT_POPULATION_YEAR,
    POPULATION_YEARS,
    municipalities_2015,
    municipalities_today,
    population,
    population_label,
    predecessors_2015,
    successors_2024,
    successors_from_2020,
)
from .resolve import MemberSearch, Resolution, resolve_member, resolve_members, search_members
from .size import SIZE_RATIO_THRESHOLD, SizeDifference, size_difference

__all__ = [
    "DEFAULT_POPULATION_YEAR", "POPULATION_YEARS", "SIZE_RATIO_THRESHOLD", "MemberSearch", "Resolution",
    "SizeDifference",
    "display_name", "member_label", "municipalities_2015", "municipalities_today", "norwegian_sort_key",
    "numbered", "picker_options", "population", "population_label", "predecessors_2015", "resolve_member",
    "resolve_members",
    "search_members", "search_today", "size_difference", "successors_2024", "successors_from_2020",
]
