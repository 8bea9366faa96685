"""The store's faults: every DuckDB/OS error on the way in or out of the store file, as one Norwegian sentence.

Faults (a second server on the file, a read-only folder, a full disk, a damaged file): every
DuckDB/OS error on the way in or out becomes `StoreUnavailable`, whose `message` is one Norwegian
sentence for a browser user naming what is wrong and what the operator should do (no path, no
process id); the original error goes to the server log only (logger "ikt_model.store").
Errors that are not faults of the store (a bug in a query: parser, catalog or constraint errors)
pass through unchanged.
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

import duckdb

LOG = logging.getLogger("ikt_model.store")

FaultKind = Literal["locked", "read_only", "disk_full", "damaged", "unknown"]
FAULT_MESSAGES: dict[str, str] = {
    "locked": "Lageret er i bruk av en annen serverprosess på samme lagerfil, så ingenting kan lagres eller "
              "leses her – den som drifter løsningen, må stoppe den andre serveren eller gi denne sin egen "
              "IKT_STORE_PATH.",
    "read_only": "Lageret kan ikke skrives fordi mappen eller filen er skrivebeskyttet – den som drifter "
                 "løsningen, må gi serveren skrivetilgang til lagermappen eller velge en annen IKT_STORE_PATH.",
    "disk_full": "Disken der lageret ligger, er full, så dette ble ikke lagret (det som alt var lagret, er i "
                 "behold) – den som drifter løsningen, må frigjøre plass før du prøver igjen.",
    "damaged": "Lagerfilen er skadet og kan ikke brukes – den som drifter løsningen, må stoppe serveren, ta "
               "kopi av lagerfilen og lese dataene tilbake med «python -m ikt_model store recover» (se README).",
    "unknown": "Lageret kan ikke brukes akkurat nå – den som drifter løsningen, finner årsaken i serverloggen.",
}


class StoreUnavailable(RuntimeError):
    """The durable store cannot be used. `kind` names the fault, `message` is the one Norwegian
    sentence a user may see (no path, no process id); `detail` (the original error) is for the
    server log only and never shown in a browser."""

    def __init__(self, kind: FaultKind, detail: str = ""):
        super().__init__(FAULT_MESSAGES[kind])
        self.kind: FaultKind = kind
        self.message = FAULT_MESSAGES[kind]
        self.detail = detail


def classify(exc: BaseException) -> StoreUnavailable:
    """Map a DuckDB or OS error from opening, reading or writing the store to StoreUnavailable.

    Rules (DuckDB 2.0 messages, checked by tests/store/test_faults.py against real faults):
    «Could not set lock» -> locked; EROFS/EACCES/EPERM, «Read-only file system», «Permission
    denied» -> read_only; ENOSPC, «No space left» -> disk_full; «not a valid DuckDB database»,
    «Corrupt database», checksum, «Could not read enough bytes», FATAL/invalidated -> damaged.
    """
    if isinstance(exc, StoreUnavailable):
        return exc
    text = str(exc)
    low = text.lower()
    code = getattr(exc, "errno", None)
    if "could not set lock" in low or "conflicting lock" in low:
        kind: FaultKind = "locked"
    elif code == errno.ENOSPC or "no space left" in low or "disk full" in low:
        kind = "disk_full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM) or "read-only file system" in low \
            or "permission denied" in low or "operation not permitted" in low:
        kind = "read_only"
    elif any(s in low for s in ("not a valid duckdb database", "corrupt", "checksum", "could not read enough bytes",
                                "fatal", "invalidated", "serialization error", "failed to read", "replaying wal",
                                "wal does not match")):
        kind = "damaged"
    else:
        kind = "unknown"
    return StoreUnavailable(kind, f"{type(exc).__name__}: {text}")


_last_logged: dict[str, float] = {}


def is_fault(exc: BaseException) -> bool:
    """A fault of the store itself (file, lock, disk), as opposed to a bug in a query (parser,
    catalog or constraint errors pass through unchanged)."""
    return isinstance(exc, (duckdb.IOException, duckdb.FatalException, OSError)) or classify(exc).kind != "unknown"


def unavailable(exc: BaseException) -> StoreUnavailable:
    """Classify and log (server side, with the original text; the same fault at most once a minute)."""
    fault = classify(exc)
    now = time.monotonic()
    if now - _last_logged.get(fault.detail, -1e9) > 60:
        _last_logged[fault.detail] = now
        LOG.error("store unavailable (%s): %s", fault.kind, fault.detail or exc)
    return fault


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn DuckDB/OS errors raised inside the block into StoreUnavailable (logged server-side)."""
    try:
        yield
    except StoreUnavailable:
        raise
    except (duckdb.Error, OSError) as exc:
        if not is_fault(exc):
            raise
        raise unavailable(exc) from exc
