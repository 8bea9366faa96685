"""Comparing two versions of the national overview: collaborations added or removed, a new organisation form,
members that joined or left; said in Norwegian as lines, a table and one sentence.

Both versions are in comparable terms (ikt_model.overview.versions.VersionData: 2026 forms, today's
municipality numbers; the report's 2015 list is mapped to them first).
"""

from __future__ import annotations

import pandas as pd
from pydantic import BaseModel, Field

from .. import format as fmt
from .forms import form_label
from .versions import VersionData

# said under a comparison with the report's version 1 (how its 2015 list was put in today's terms)
REPORT_TERMS_NOTE = ("Rapportens liste sammenlignes i dagens begreper: medlemmene er ført over til dagens kommune "
                     "(SSB), § 27-samarbeid til kommunalt oppgavefellesskap (KO), vertskommune (§ 28-1 b) til "
                     "administrativt vertskommunesamarbeid; samkommuner har ingen etterfølger (avviklet innen "
                     "1.1.2020). Samarbeid kobles på navnet.")

class FormChange(BaseModel, frozen=True):
    """A collaboration whose organisation form differs between two versions (labels before and after)."""

    key: str
    navn: str
    before: str | None
    after: str | None


class MemberChange(BaseModel, frozen=True):
    """A collaboration whose members differ between two versions (municipality names joined and left)."""

    key: str
    navn: str
    joined: tuple[str, ...] = ()
    left: tuple[str, ...] = ()


class VersionDiff(BaseModel, frozen=True):
    """What changed from version `old` to version `new` (collaborations matched by name key)."""

    old: int
    new: int
    added: tuple[str, ...] = Field(default=(), description="names of collaborations only in `new`")
    removed: tuple[str, ...] = Field(default=(), description="names of collaborations only in `old`")
    common: int = Field(default=0, description="how many collaborations are in both versions (the form and "
                                                "member changes are counted among them)")
    form_changed: tuple[FormChange, ...] = ()
    members_changed: tuple[MemberChange, ...] = ()

    @property
    def unchanged(self) -> bool:
        """True when nothing was added, removed or changed between the two versions."""
        return not (self.added or self.removed or self.form_changed or self.members_changed)


def diff_versions(old: VersionData, new: VersionData) -> VersionDiff:
    """Collaborations added, removed, with another organisation form, and members that joined or left.

    Pure. Both versions must be in comparable terms (VersionData: 2026 forms, today's numbers).
    """
    before = {c.key: c for c in old.collaborations}
    after = {c.key: c for c in new.collaborations}
    added = tuple(after[k].navn for k in after if k not in before)
    removed = tuple(before[k].navn for k in before if k not in after)
    forms, members = [], []
    common = before.keys() & after.keys()
    for key in sorted(common, key=lambda k: after[k].navn.casefold()):
        a, b = before[key], after[key]
        if a.organisasjonsform != b.organisasjonsform:
            forms.append(FormChange(key=key, navn=b.navn, before=a.organisasjonsform, after=b.organisasjonsform))
        joined = tuple(m for m in b.medlemmer if m not in a.medlemmer)
        left = tuple(m for m in a.medlemmer if m not in b.medlemmer)
        if joined or left:
            members.append(MemberChange(key=key, navn=b.navn, joined=joined, left=left))
    return VersionDiff(old=old.info.id, new=new.info.id, added=tuple(sorted(added, key=str.casefold)),
                       removed=tuple(sorted(removed, key=str.casefold)), common=len(common), form_changed=tuple(forms),
                       members_changed=tuple(members))


def _member_text(numbers: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(f"{names.get(n, n)} ({n})" for n in numbers)


def diff_lines(diff: VersionDiff, names: dict[str, str]) -> list[str]:
    """The diff as Norwegian lines (one per change), for the CLI and the pages; `names`: number -> name."""
    lines = [f"Nytt samarbeid: {n}" for n in diff.added]
    lines += [f"Fjernet: {n}" for n in diff.removed]
    lines += [f"Ny organisasjonsform: {c.navn}: {form_label(c.before)} → {form_label(c.after)}"
              for c in diff.form_changed]
    for c in diff.members_changed:
        if c.joined:
            lines.append(f"Nye medlemmer i {c.navn}: {_member_text(c.joined, names)}")
        if c.left:
            lines.append(f"Gått ut av {c.navn}: {_member_text(c.left, names)}")
    return lines


def diff_table(diff: VersionDiff, names: dict[str, str]) -> pd.DataFrame:
    """The diff as a table (Endring, Samarbeid, Detaljer) for the pages."""
    rows = [("Nytt samarbeid", n, "") for n in diff.added]
    rows += [("Fjernet", n, "") for n in diff.removed]
    rows += [("Ny organisasjonsform", c.navn, f"{form_label(c.before)} → {form_label(c.after)}")
             for c in diff.form_changed]
    for c in diff.members_changed:
        if c.joined:
            rows.append(("Nye medlemmer", c.navn, _member_text(c.joined, names)))
        if c.left:
            rows.append(("Medlemmer gått ut", c.navn, _member_text(c.left, names)))
    return pd.DataFrame(rows, columns=["Endring", "Samarbeid", "Detaljer"])


def diff_summary(diff: VersionDiff) -> str:
    """The counts in Norwegian: added and removed, then the form and member changes among the collaborations
    in both versions (said as such, so «41 fjernet, 0 utgåtte medlemskap» does not read as a contradiction)."""
    if diff.unchanged:
        return f"Ingen endringer fra versjon {diff.old} til versjon {diff.new}."
    joined = sum(len(c.joined) for c in diff.members_changed)
    left = sum(len(c.left) for c in diff.members_changed)
    head = (f"Fra versjon {diff.old} til versjon {diff.new}: "
            f"{fmt.plural(len(diff.added), 'nytt samarbeid', 'nye samarbeid')}, {fmt.number(len(diff.removed))} "
            "fjernet.")
    if not diff.common:
        return f"{head} Ingen samarbeid finnes i begge versjonene."
    among = ("I det ene samarbeidet som finnes i begge" if diff.common == 1
             else f"Blant de {fmt.number(diff.common)} samarbeidene som finnes i begge")
    return (f"{head} {among}: {fmt.number(len(diff.form_changed))} med ny organisasjonsform, "
            f"{fmt.number(joined)} nye og {fmt.number(left)} utgåtte medlemskap.")

