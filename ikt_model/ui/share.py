"""The view's state in a URL: profile + weights + overrides as one compact, URL-safe value.

Format (version 1): compact JSON {"v": 1, "p": <profile fields that differ from the default>,
"w": [12 weight points in factor order] (omitted when default), "o": {row id: score}}, compressed
with zlib and written in base64url without padding. Decoding never raises: an invalid or stale
part falls back to its default and `notice` says so in Norwegian.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import jsontext
from ..decision.knowledge import KnowledgeBase, default_knowledge_base
from ..decision.profile import Profile
from ..decision.registry import FACTOR_IDS
from ..decision.weights import Weights, WeightsError, default_weights

VERSION = 1
MAX_CHARS = 4000          # a URL value longer than this is not ours
MAX_JSON_BYTES = 20_000   # guard against compressed bombs
_ALPHABET = re.compile(r"^[A-Za-z0-9_-]+$")
QUERY_PARAM = "s"


class DecodedState(BaseModel):
    """What a share link carries: profile, weights, overrides, and a Norwegian notice if parts were bad."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    profile: Profile
    weights: Weights
    overrides: dict[str, int]
    notice: str | None = None


def encode_state(profile: Profile, weights: Weights, overrides: dict[str, int] | None = None) -> str:
    """A short URL-safe text that `decode_state` turns back into the same state."""
    payload: dict = {"v": VERSION}
    profile_diff = profile.model_dump(mode="json", exclude_defaults=True)
    if profile_diff:
        payload["p"] = profile_diff
    if weights != default_weights():
        payload["w"] = [round(weights.points[i], 4) for i in FACTOR_IDS]
    if overrides:
        payload["o"] = dict(sorted(overrides.items()))
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(text, 9)).decode("ascii").rstrip("=")


def _defaults(notice: str) -> DecodedState:
    return DecodedState(profile=Profile(), weights=default_weights(), overrides={}, notice=notice)


def _payload(text: str) -> dict:
    if len(text) > MAX_CHARS or not _ALPHABET.match(text):
        raise ValueError("ikke en lenke fra dette verktøyet")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_JSON_BYTES)
        if inflater.unconsumed_tail:
            raise ValueError("for stor")
        if not inflater.eof:
            raise ValueError("lenken er skadet eller avkortet")
        payload = jsontext.loads(raw, "Lenken")
    except (binascii.Error, zlib.error, jsontext.JsonInputError):
        raise ValueError("lenken er skadet eller avkortet") from None
    if not isinstance(payload, dict):
        raise ValueError("lenken er skadet")
    if payload.get("v") != VERSION:
        raise ValueError(f"lenken er laget med en annen versjon ({payload.get('v')!r})")
    return payload


def decode_state(text: str | None, kb: KnowledgeBase | None = None) -> DecodedState:
    """The state in a share value; never raises. Bad parts -> defaults + a Norwegian notice."""
    if not text:
        return DecodedState(profile=Profile(), weights=default_weights(), overrides={})
    try:
        payload = _payload(str(text).strip())
    except ValueError as exc:
        return _defaults(f"Lenken kunne ikke leses ({exc}); standardverdiene brukes.")
    problems: list[str] = []
    try:
        raw_profile = payload.get("p", {})
        profile = Profile.model_validate(raw_profile if isinstance(raw_profile, dict) else None)
    except (ValidationError, ValueError):
        profile, _ = Profile(), problems.append("profilen")
    weights = default_weights()
    raw_weights = payload.get("w")
    if raw_weights is not None:
        try:
            if not isinstance(raw_weights, list) or len(raw_weights) != len(FACTOR_IDS):
                raise WeightsError("feil antall vekter")
            weights = Weights(points=dict(zip(FACTOR_IDS, raw_weights, strict=False)))
        except (ValidationError, ValueError):
            problems.append("vektene")
    overrides: dict[str, int] = {}
    raw_overrides = payload.get("o", {})
    known = {a.id for a in (kb or default_knowledge_base()).assessments()}
    if isinstance(raw_overrides, dict):
        for key, value in raw_overrides.items():
            if key in known and isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2:
                overrides[key] = value
        if len(overrides) != len(raw_overrides):
            problems.append(f"{len(raw_overrides) - len(overrides)} av overstyringene")
    else:
        problems.append("overstyringene")
    notice = None
    if problems:
        notice = ("Lenken inneholdt ugyldige eller utdaterte verdier; standardverdier brukes for "
                  + " og ".join([", ".join(problems[:-1]), problems[-1]] if len(problems) > 1 else problems) + ".")
    return DecodedState(profile=profile, weights=weights, overrides=overrides, notice=notice)


def share_url(base_url: str, page_path: str, value: str) -> str:
    """`<base>/<page>?s=<value>`; the value is URL-safe already."""
    return f"{base_url.rstrip('/')}/{page_path.strip('/')}?{QUERY_PARAM}={value}"


def app_base_url(page_url: str | None, page_path: str) -> str:
    """The app's base URL from the current page's URL (`st.context.url`): drop the page's own path.
    Empty when unknown (then a relative link is shown)."""
    if not page_url:
        return ""
    url = page_url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    suffix = "/" + page_path.strip("/")
    return url[: -len(suffix)] if url.endswith(suffix) else url


def weights_source_for(weights: Weights) -> str:
    """The preset name these weights equal ('rapport', 'like', 'rangsum'), else 'egendefinert'."""
    from ..decision.weights import PRESET_LABELS, preset

    return next((name for name in PRESET_LABELS if preset(name) == weights), "egendefinert")


def apply_share_value(state, value: str | None) -> str | None:
    """Put a share value's profile, weights and overrides into a session-state mapping (only when a
    value is given); returns the Norwegian notice to show, if any. Never raises."""
    if not value:
        return None
    from . import session

    decoded = decode_state(value)
    state[session.PROFILE] = decoded.profile
    session.set_weights(state, decoded.weights, weights_source_for(decoded.weights))
    state[session.OVERRIDES] = dict(decoded.overrides)
    return decoded.notice
