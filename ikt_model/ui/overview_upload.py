"""«Oppdater oversikten» on «Nasjonal oversikt», without Streamlit: the instructions, what the page says about a
checked file (ikt_model.overview.upload.ValidationReport), and the files this session has already stored.

Session key:
  SAVED  digest (sha256) of an uploaded file already stored -> its version id, so one file is stored once;
         storing it also marks the version to show next (ikt_model.ui.overview_version.PENDING)
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from .. import format as fmt
from ..overview.upload import ValidationReport
from .overview_version import PENDING
from .text import markdown_escape

SAVED = "oversikt_lagret"

# A refused file's errors: up to this many as a plain table (st.table), which wraps every message whole; a data
# grid cut the longest at desk width («Ukjent organisasjonsform «Samkommune»: … avviklet innen 1.1.20…»). More
# errors go in a grid (a plain table of thousands of rows is slow) whose rows are tall enough to wrap the text:
# Streamlit's grid wraps cell text only when the row height is over 4rem (64 px); 3 lines of text fit in 72.
PLAIN_TABLE_ERRORS = 200
WRAPPED_ROW_HEIGHT = 72

INSTRUCTIONS = (
    "For KS-rådgivere: last ned malen, fyll inn én rad per samarbeid og last den opp. Hver rad kontrolleres før "
    "noe lagres; en godkjent fil blir en ny versjon (den gamle beholdes). Organisasjonsform etter kommuneloven "
    "2018 § 17-1: **KO**, **IKS**, **vertskommune administrativt**, **vertskommune med felles folkevalgt nemnd**, "
    "**AS**, **SA** eller **avtale**. Medlemmer oppgis med **dagens kommunenummer** (gyldige fra 1.1.2024), "
    "skilt med komma. Overskrifter kan være på norsk eller engelsk. En ny versjon hører til saken din og er "
    "bare synlig der til driftsansvarlig publiserer den for alle.")


def starting_point_help(is_report: bool) -> str:
    """The help of «Versjon N som utgangspunkt»: the chosen version in the template's form (the report's with
    its members in today's numbers and § 27 as KO when `is_report`)."""
    return ("Den valgte versjonen i malens form, klar til å oppdateres"
            + (" (medlemmer ført over til dagens kommunenummer, § 27 til KO)." if is_report else "."))


def refused_text(report: ValidationReport) -> str:
    """The line over the error table of a refused file: its name (Markdown-escaped) and how many errors."""
    return (f"Filen «{markdown_escape(report.file_name)}» ble ikke lagret: {fmt.number(len(report.errors))} feil. "
            f"Rett {'den' if len(report.errors) == 1 else 'dem'} og last opp filen på nytt.")


def accepted_text(report: ValidationReport) -> str:
    """The line over the save form of a valid file (`report.ok`): its rows and memberships; nothing stored yet."""
    return (f"Alle {fmt.number(len(report.upload.rows))} rader i «{markdown_escape(report.file_name)}» er gyldige "
            f"({fmt.number(report.upload.memberships)} medlemskap). Ingenting er lagret ennå.")


def stored_as(state: MutableMapping[str, Any], digest: str) -> int | None:
    """The version id the file with this digest was stored as in this session, or None."""
    return state.setdefault(SAVED, {}).get(digest)


def remember_stored(state: MutableMapping[str, Any], digest: str, version_id: int) -> None:
    """The file with this digest is stored as `version_id`: not stored again, and shown on the next run."""
    state.setdefault(SAVED, {})[digest] = version_id
    state[PENDING] = version_id
