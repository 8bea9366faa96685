"""The workshop's tables in the durable store (COMPONENT, MIGRATIONS) and how their rows read back as the
domain's Workshop and Vote. Reads and writes themselves: ikt_model.workshop.repository.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from ..decision.profile import Profile
from . import access
from .models import Vote, Workshop

COMPONENT = "workshop"
MIGRATIONS = [
    """CREATE TABLE workshops (
        id VARCHAR PRIMARY KEY,
        code VARCHAR NOT NULL UNIQUE,
        title VARCHAR NOT NULL,
        method VARCHAR NOT NULL,
        profile_json VARCHAR NOT NULL,
        key_hash VARCHAR NOT NULL,
        voting_open BOOLEAN NOT NULL,
        revealed BOOLEAN NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE workshop_votes (
        workshop_id VARCHAR NOT NULL,
        participant_hash VARCHAR NOT NULL,
        display_name VARCHAR NOT NULL,
        points_json VARCHAR NOT NULL,
        ranking_json VARCHAR,
        revisions INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (workshop_id, participant_hash))""",
]
WORKSHOP_COLUMNS = "id, code, title, method, profile_json, voting_open, revealed, created_at"  # workshop_from_row


def stored_profile(text: str) -> Profile:
    """A workshop's stored profile (JSON). One stored before members were today's municipalities may name a
    2015 municipality split since (Snillfjord 1613, Tysfjord 1850), which the profile refuses to guess: then
    the member list is left out (the number of municipalities kept) so that the workshop still opens.
    Raises pydantic.ValidationError for anything else that does not validate."""
    try:
        return Profile.model_validate_json(text)
    except ValidationError:
        data = json.loads(text)
        if not (isinstance(data, dict) and data.get("members")):
            raise
        data.pop("members")
        return Profile.model_validate(data)


def workshop_from_row(row) -> Workshop:
    """A `workshops` row selected as WORKSHOP_COLUMNS -> Workshop (its profile read by stored_profile)."""
    return Workshop(id=row[0], code=row[1], title=row[2], method=row[3],
                    profile=stored_profile(row[4]), voting_open=row[5], revealed=row[6],
                    created_at=row[7])


def vote_from_row(row) -> Vote:
    """A `workshop_votes` row selected as (participant_hash, display_name, points_json, ranking_json, revisions,
    updated_at) -> Vote: the participant shown by its label only, points keyed by option index."""
    ranking = json.loads(row[3]) if row[3] else None
    return Vote(participant=access.participant_label(row[0]), display_name=row[1],
                points={int(k): float(v) for k, v in json.loads(row[2]).items()},
                ranking=tuple(ranking) if ranking else None, revisions=row[4], updated_at=row[5])
