"""How stored workshop rows read back: a profile saved before members were today's municipalities still opens."""

import json

import pytest
from pydantic import ValidationError

from ikt_model.workshop.storage import stored_profile


def test_stored_profile_with_2015_members_opens():
    merged = stored_profile(json.dumps({"municipalities": 3, "members": ["1504", "1523", "1577"]}))
    assert merged.members == ["1508", "1577"] and merged.municipalities == 2  # Ålesund + Ørskog are one today
    split = stored_profile(json.dumps({"municipalities": 2, "members": ["1850", "1805"]}))  # Tysfjord was split
    assert split.members is None and split.municipalities == 2
    with pytest.raises(ValidationError):
        stored_profile(json.dumps({"status": "unknown"}))
