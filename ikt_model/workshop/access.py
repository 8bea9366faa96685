"""Who may do what: join codes, the facilitator key, participant tokens.

Join code: 8 symbols from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L), shown as
"ABCD-EFGH". 31**8 = 8.5e11 codes (39.6 bits). Sizing: even with 1 000 workshops live at once and
an attacker making 100 guesses a second (far above what one Streamlit server answers), the
expected time to hit ANY live workshop is 31**8 / 1 000 / 100 s = about 99 days, and a hit only
lets one add a vote: everything of the facilitator's needs the key. The participant page also
throttles wrong codes per session. Codes come from `secrets` (not sequential, not predictable).

Facilitator key: `secrets.token_urlsafe(32)` (256 bits). Only its SHA-256 is stored (a slow
password hash is not needed for a 256-bit random secret); checks use `hmac.compare_digest`. The
key is handed out wrapped in pydantic `SecretStr`, so repr/logging shows '**********'.

Participant token: `secrets.token_urlsafe(16)` (128 bits), kept by the participant's browser
(URL parameter), stored hashed; a vote is keyed by (workshop, token hash), so a participant can
only create or revise their own vote.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from collections import OrderedDict, deque

from pydantic import SecretStr

from .models import WorkshopError

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_SPACE = len(CODE_ALPHABET) ** CODE_LENGTH
_CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class AccessDenied(WorkshopError):
    """The caller lacks the facilitator key or the participant token for this action."""


def new_join_code() -> str:
    """A random join code of CODE_LENGTH characters from CODE_ALPHABET (no look-alikes such as 0/O, 1/I/L)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """'ABCDEFGH' -> 'ABCD-EFGH' (easier to read aloud and type)."""
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_code(raw: object) -> str | None:
    """What a person typed -> canonical code, or None if it cannot be a code.

    Case, spaces and dashes are ignored; the look-alikes 0/O, 1/I/L are not in the alphabet, so
    a code containing them is simply not a code.
    """
    if not isinstance(raw, str) or len(raw) > 40:
        return None
    code = re.sub(r"[\s\-]", "", raw).upper()
    return code if _CODE_RE.match(code) else None


def new_workshop_id() -> str:
    """A random workshop id: 16 hex digits."""
    return secrets.token_hex(8)


def new_facilitator_key() -> SecretStr:
    """A random facilitator key (32 bytes, URL-safe); only its digest is stored."""
    return SecretStr(secrets.token_urlsafe(32))


def new_participant_token() -> str:
    """A random participant token (16 bytes, URL-safe); only its digest is stored."""
    return secrets.token_urlsafe(16)


def digest(secret: str) -> str:
    """SHA-256 of a secret as hex: what the store keeps instead of keys and tokens."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def key_matches(key: str | SecretStr | None, stored_hash: str) -> bool:
    """Constant-time check of a presented facilitator key against the stored hash."""
    if isinstance(key, SecretStr):
        key = key.get_secret_value()
    if not isinstance(key, str) or not key or len(key) > 200:
        return False
    return hmac.compare_digest(digest(key), stored_hash)


def valid_token(token: object) -> bool:
    """True when `token` has the shape of a participant token (checked before any lookup)."""
    return isinstance(token, str) and bool(_TOKEN_RE.match(token))


def participant_label(token_hash: str) -> str:
    """A short, stable, non-secret label for the facilitator's table of votes."""
    return f"D-{token_hash[:6]}"


MAX_FAILED_CODES = 5
LOCKOUT_SECONDS = 30.0


def code_lockout_remaining(state: dict, now: float | None = None) -> float:
    """Seconds this session must wait before trying another code (0 = may try).

    `state` is the session's own small dict (kept in st.session_state by the page): after
    MAX_FAILED_CODES wrong codes in a row the session waits LOCKOUT_SECONDS.
    """
    now = time.monotonic() if now is None else now
    until = state.get("locked_until", 0.0)
    return max(0.0, until - now)


def record_code_attempt(state: dict, success: bool, now: float | None = None) -> None:
    """Count a wrong join code in the session's `state`; MAX_FAILED_CODES in a row lock it for
    LOCKOUT_SECONDS. A right code resets the count.
    """
    now = time.monotonic() if now is None else now
    if success:
        state["failures"] = 0
        return
    state["failures"] = state.get("failures", 0) + 1
    if state["failures"] >= MAX_FAILED_CODES:
        state["failures"] = 0
        state["locked_until"] = now + LOCKOUT_SECONDS


LOG = logging.getLogger("ikt_model.workshop")


class JoinThrottle:
    """Wrong join codes per CLIENT (the address the server sees), across sessions and page loads.

    The session lockout above resets with a new session, and a code in the URL (`?kode=`) skips
    the form; this one does not: after `max_failures` wrong codes within `window_s` seconds, the
    client waits until the oldest leaves the window (`wait_seconds` > 0) and no code is looked up
    for it meanwhile. 10 a minute instead of 12 a second: the expected time to hit one of 1 000
    live workshops goes from ~99 days to ~160 years per client. Each wrong code is logged with the
    client and the count, never the code. Clients behind one proxy share a budget (documented).
    At most `max_clients` clients are remembered (oldest forgotten first). Thread-safe.
    """

    def __init__(self, max_failures: int = 10, window_s: float = 60.0, max_clients: int = 10_000):
        self.max_failures = max_failures
        self.window_s = window_s
        self.max_clients = max_clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._failures.get(client)
        if times is None:
            return deque()
        while times and now - times[0] >= self.window_s:
            times.popleft()
        return times

    def wait_seconds(self, client: str, now: float | None = None) -> float:
        """Seconds before this client may try a code again (0: may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(client, now)
            if len(times) < self.max_failures:
                return 0.0
            return max(0.0, times[-self.max_failures] + self.window_s - now)

    def record_failure(self, client: str, now: float | None = None) -> None:
        """One wrong code from this client (logged without the code)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(client, now)
            times.append(now)
            self._failures[client] = times
            self._failures.move_to_end(client)
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)
            count = len(times)
        LOG.warning("workshop join: wrong code from client %s (%d in the last %d s)", client, count,
                    int(self.window_s))


JOIN_THROTTLE = JoinThrottle()  # process-wide: every session of the server shares it
