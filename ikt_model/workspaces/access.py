"""The workspace link: who may open a workspace.

A workspace link carries `?sak=<id>.<secret>`: the id (16 hex digits, `secrets.token_hex(8)`) names the
workspace, the secret (`secrets.token_urlsafe(32)`, 256 bits, 43 characters) proves the holder may open
it. Only the secret's SHA-256 is stored (a slow password hash is not needed for a 256-bit random
secret, as for the workshop's facilitator key, ikt_model.workshop.access); checks use
`hmac.compare_digest`, and an unknown id is checked against a dummy hash, so a wrong id and a wrong
secret take the same work. The secret is handed out wrapped in pydantic `SecretStr`, so repr and
logging show '**********'.

Sizing: 2**256 secrets; a guessed or truncated link is refused with one Norwegian sentence that does
not say which part was wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import parse_qs, urlsplit

from pydantic import SecretStr

LINK_PARAM = "sak"
ID_LENGTH = 16
SECRET_BYTES = 32
SECRET_LENGTH = 43  # len(secrets.token_urlsafe(32))
_VALUE_RE = re.compile(rf"^([0-9a-f]{{{ID_LENGTH}}})\.([A-Za-z0-9_-]{{{SECRET_LENGTH}}})$")
DUMMY_HASH = hashlib.sha256(b"no workspace has this id").hexdigest()

REFUSED = ("Lenken åpner ingen sak. Den kan være ufullstendig, skrevet av for hånd eller erstattet av en ny "
           "lenke: kopier hele lenken på nytt fra den som delte saken.")


class WorkspaceError(ValueError):
    """A workspace action that cannot be done; the message is Norwegian and meant for the user."""


class WorkspaceDenied(WorkspaceError):
    """The link does not open a workspace (wrong, truncated, guessed or renewed)."""

    def __init__(self, message: str = REFUSED):
        super().__init__(message)


def new_workspace_id() -> str:
    """A new random workspace id (hex, ID_LENGTH characters); public, it only names the workspace."""
    return secrets.token_hex(ID_LENGTH // 2)


def new_secret() -> SecretStr:
    """A new workspace secret (SECRET_BYTES random bytes, URL-safe base64); stored only as `digest`."""
    return SecretStr(secrets.token_urlsafe(SECRET_BYTES))


def digest(secret: str) -> str:
    """SHA-256 of the secret, hex (64 characters): the only form in which a secret is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_hash: str | None) -> bool:
    """Constant-time check of a presented secret against the stored hash (None: no secret set: False,
    after the same work)."""
    expected = stored_hash if stored_hash else DUMMY_HASH
    same = hmac.compare_digest(digest(secret), expected)
    return same and bool(stored_hash)


def link_value(workspace_id: str, secret: SecretStr | str) -> str:
    """The `?sak=` value: '<id>.<secret>'."""
    raw = secret.get_secret_value() if isinstance(secret, SecretStr) else secret
    return f"{workspace_id}.{raw}"


def parse_link(raw: object) -> tuple[str, str]:
    """A pasted link, a `?sak=` query string or the bare value -> (workspace id, secret).

    Raises WorkspaceDenied (Norwegian) when it cannot be a workspace link, e.g. truncated.
    """
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 2000:
        raise WorkspaceDenied()
    text = raw.strip()
    if "://" in text or text.startswith("/") or "=" in text:
        query = urlsplit(text).query if ("://" in text or text.startswith("/")) else text.lstrip("?")
        text = (parse_qs(query).get(LINK_PARAM) or [""])[0]
    match = _VALUE_RE.match(text)
    if not match:
        raise WorkspaceDenied()
    return match.group(1), match.group(2)


def workspace_url(base_url: str | None, page: str, workspace_id: str, secret: SecretStr | str) -> str:
    """The link to share: `<app>/<page>?sak=<id>.<secret>`. `base_url` is the app's base (share.app_base_url)."""
    base = (base_url or "").rstrip("/")
    return f"{base}/{page}?{LINK_PARAM}={link_value(workspace_id, secret)}"


MIN_OPERATOR_KEY = 16


class OperatorRefused(WorkspaceError):
    """The operator's key is not configured, or the presented key is wrong."""


def check_operator_key(presented: object, configured: SecretStr | None) -> None:
    """Raise OperatorRefused (Norwegian) unless `presented` equals the configured operator key
    (IKT_OPERATOR_KEY, see ikt_model.config). Compared as SHA-256 digests with hmac.compare_digest, so
    neither the length nor a prefix of the key shows in the time taken. A configured key shorter than
    MIN_OPERATOR_KEY characters is treated as not configured (too easy to guess)."""
    key = configured.get_secret_value() if configured is not None else ""
    if len(key) < MIN_OPERATOR_KEY:
        raise OperatorRefused("Publisering er slått av på denne serveren: driftsansvarlig har ikke satt en "
                              f"operatørnøkkel (IKT_OPERATOR_KEY, minst {MIN_OPERATOR_KEY} tegn).")
    raw = presented.get_secret_value() if isinstance(presented, SecretStr) else presented
    if not isinstance(raw, str) or len(raw) > 500 or not hmac.compare_digest(digest(raw), digest(key)):
        raise OperatorRefused("Feil operatørnøkkel: oversikten er ikke publisert.")
