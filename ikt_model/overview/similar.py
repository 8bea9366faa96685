"""«Lignende samarbeid»: the collaborations of Vedlegg 5 most like the user's (the profile), in DuckDB SQL.

Two rankings:
- "members": the profile lists its member municipalities -> collaborations that share members, by
  Jaccard similarity |A ∩ B| / |A ∪ B| of the municipality sets in today's structure (the report's 2015
  members mapped to their successors; then by profile similarity).
- "profile": size, population, KS region and organisation form -> a weighted similarity in [0, 1]:
  size 1 - |n_c - n| / max(n_c, n) (number of municipalities), population min/max ratio (only when the
  members, hence the population, are known), same KS region (when known: chosen, or derived from the
  members' counties), same organisation form (when the profile has a current form). Components that
  are unknown are left out and the weights of the others rescaled.
"""

from __future__ import annotations

from typing import Any, Literal

import duckdb
import pandas as pd
from pydantic import BaseModel, Field

from .. import format as fmt
from ..decision.profile import Profile
from ..municipalities import member_label, municipalities_today, norwegian_sort_key
from ..ui.text import markdown_escape as md
from .forms import FORM_LABELS_2026, FROM_2015
from .source import FORM_LABELS

Mode = Literal["members", "profile"]

WEIGHTS: dict[str, float] = {"size": 0.4, "population": 0.2, "region": 0.2, "form": 0.2}

# The profile's members are today's municipalities. A database's members are mapped to today's numbers
# through kommune_etterfolgere (the report's 2015 members; empty in uploaded versions, whose members are
# today's already): `kt` is every database municipality with its number today.
_TODAY = """
kt AS (SELECT k.kommunenummer, coalesce(e.kommunenummer_2024, k.kommunenummer) AS i_dag, k.folketall, k.fylkesnummer
       FROM kommuner k LEFT JOIN kommune_etterfolgere e ON e.kommunenummer_2015 = k.kommunenummer)"""

_SQL = """
WITH p AS (SELECT DISTINCT unnest(CAST($members AS VARCHAR[])) AS kommunenummer),""" + _TODAY + """,
pn AS (SELECT count(DISTINCT kt.i_dag)::INTEGER AS n, sum(kt.folketall)::BIGINT AS folketall
       FROM kt JOIN p ON p.kommunenummer = kt.i_dag),
mt AS (SELECT DISTINCT m.samarbeid_id, kt.i_dag
       FROM medlemskap m JOIN kt ON kt.kommunenummer = m.kommunenummer AND m.medlemstype = 'kommune'),
c AS (
    SELECT mt.samarbeid_id, count(p.kommunenummer)::INTEGER AS felles, count(*)::INTEGER AS antall_i_dag,
           coalesce(list(mt.i_dag ORDER BY mt.i_dag) FILTER (WHERE p.kommunenummer IS NOT NULL), [])
               AS felles_kommuner
    FROM mt LEFT JOIN p ON p.kommunenummer = mt.i_dag
    GROUP BY mt.samarbeid_id),
s AS (
    SELECT o.id, o.navn, o.ks_region, o.organisasjonsform, o.organisasjonsform_navn, o.organisasjonsform_trykt,
           o.organisasjonsformer, o.etablert_trykt, o.etablert_aar, o.antall_kommuner, o.folketall, o.medlemmer,
           coalesce(c.felles, 0) AS felles, coalesce(c.felles_kommuner, []) AS felles_kommuner,
           CASE WHEN pn.n > 0 THEN coalesce(c.felles, 0)
                / (coalesce(c.antall_i_dag, o.antall_kommuner) + pn.n - coalesce(c.felles, 0)) END AS jaccard,
           1 - abs(o.antall_kommuner - $n) / greatest(o.antall_kommuner, $n) AS storrelse,
           CASE WHEN pn.folketall > 0 AND o.folketall > 0
                THEN least(o.folketall, pn.folketall) / greatest(o.folketall, pn.folketall) END AS folketall_likhet,
           CASE WHEN $region IS NOT NULL THEN (o.ks_region = $region)::INTEGER END AS samme_region,
           CASE WHEN $form IS NOT NULL THEN list_contains(o.organisasjonsformer, $form)::INTEGER END AS samme_form
    FROM v_samarbeid_oversikt o LEFT JOIN c ON c.samarbeid_id = o.id, pn)
SELECT *,
       ($w_size * storrelse + coalesce($w_pop * folketall_likhet, 0) + coalesce($w_region * samme_region, 0)
        + coalesce($w_form * samme_form, 0))
       / ($w_size + CASE WHEN folketall_likhet IS NULL THEN 0 ELSE $w_pop END
          + CASE WHEN samme_region IS NULL THEN 0 ELSE $w_region END
          + CASE WHEN samme_form IS NULL THEN 0 ELSE $w_form END) AS profil_likhet
FROM s
WHERE $mode = 'profile' OR felles > 0
ORDER BY CASE WHEN $mode = 'members' THEN jaccard END DESC NULLS LAST, profil_likhet DESC, felles DESC, navn
LIMIT $limit
"""

_REGION_SQL = """
WITH""" + _TODAY + """
SELECT s.ks_region
FROM medlemskap m
JOIN kommuner k ON k.kommunenummer = m.kommunenummer AND m.medlemstype = 'kommune'
JOIN samarbeid s ON s.id = m.samarbeid_id
WHERE s.ks_region IS NOT NULL
  AND k.fylkesnummer IN (SELECT fylkesnummer FROM kt WHERE i_dag IN (SELECT unnest(CAST($members AS VARCHAR[]))))
GROUP BY s.ks_region ORDER BY count(*) DESC, s.ks_region LIMIT 1
"""

# The members' population in the database's own terms (the report's: their 2015 predecessors on 1.1.2015),
# so that it compares like with like against the collaborations' population.
_POPULATION_SQL = """
WITH""" + _TODAY + """
SELECT sum(folketall)::BIGINT FROM kt WHERE i_dag IN (SELECT unnest(CAST($members AS VARCHAR[])))
"""


class SimilarCollaboration(BaseModel, frozen=True):
    """One ranked collaboration similar to the user's: rank from 1, shared municipalities, Jaccard index
    (0–1, None in profile mode), the score used (`likhet`, 0–1) and a Norwegian reason.
    """

    rang: int
    id: str
    navn: str
    ks_region: str | None  # None in uploaded versions (the template has no KS region)
    organisasjonsform: str
    organisasjonsform_tekst: str
    etablert: str | None
    antall_kommuner: int
    folketall: int
    medlemmer: str
    felles_kommuner: list[str]
    jaccard: float | None
    likhet: float = Field(ge=0, le=1)  # the score the ranking used (Jaccard or profile similarity)
    begrunnelse: str


class SimilarityResult(BaseModel, frozen=True):
    """The similar collaborations found for a profile, with what the search used (mode, size, population,
    KS region and whether it was derived from the members, form) and an optional Norwegian note.
    """

    mode: Mode
    municipalities: int
    population: int | None
    region: str | None
    region_derived: bool
    form: str | None
    note: str | None = None
    rows: list[SimilarCollaboration]


def members_region(cur: duckdb.DuckDBPyConnection, members: list[str]) -> str | None:
    """The KS region most used by the collaborations in the members' counties (None if none)."""
    if not members:
        return None
    found = cur.execute(_REGION_SQL, {"members": members}).fetchone()
    return found[0] if found else None


def _reasons(row: dict[str, Any], mode: Mode, n: int, population: int | None, region: str | None,
             form: str | None) -> str:
    parts: list[str] = []
    if mode == "members":
        shared = row["felles_kommuner"]
        parts.append(f"{len(shared)} av deres {n} kommuner er med ({', '.join(shared)}); "
                     f"Jaccard-likhet {fmt.number(row['jaccard'], 2)}")
    size = row["antall_kommuner"]
    if size == n:
        parts.append(f"like mange kommuner ({size})")
    else:
        parts.append(f"{fmt.plural(size, 'kommune', 'kommuner')} mot deres {fmt.number(n)}")
    if population and row["folketall_likhet"] is not None:
        parts.append(f"{fmt.number(row['folketall'])} innbyggere mot deres {fmt.number(population)}")
    if region and row["samme_region"]:
        parts.append(f"samme KS-region ({region})")
    elif region and isinstance(row["ks_region"], str):
        parts.append(f"annen KS-region ({row['ks_region']})")
    if form and row["samme_form"]:
        parts.append(f"samme organisasjonsform som dere ({_form_label(form)})")
    elif form:
        parts.append(f"annen organisasjonsform ({row['organisasjonsform_navn']})")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _form_label(form: str | None) -> str:
    return FORM_LABELS.get(form or "") or FORM_LABELS_2026.get(form or "", form or "")


def similar_collaborations(cur: duckdb.DuckDBPyConnection, profile: Profile, region: str | None = None,
                           limit: int = 10, mode: Mode | None = None, uploaded: bool = False) -> SimilarityResult:
    """Rank the collaborations against `profile` (see the module doc). `region` overrides the KS region
    derived from the members; `mode` defaults to "members" when the profile lists members. `uploaded`: `cur`
    queries an uploaded version of the overview (2026 forms: the profile's form is compared as its 2026
    successor, forms.FROM_2015; no KS regions)."""
    members = list(profile.members or [])
    mode = mode or ("members" if members else "profile")
    if mode == "members" and not members:
        raise ValueError("Rangering etter felles medlemmer krever at profilen har medlemskommuner")
    derived = region is None and bool(members)
    region = region or members_region(cur, members)
    population = cur.execute(_POPULATION_SQL, {"members": members}).fetchone()[0] if members else None
    form = profile.current_form
    if uploaded and form is not None:
        form = FROM_2015.get(form, form)
    params = {"members": members, "n": profile.municipalities, "region": region, "form": form, "mode": mode,
              "limit": int(limit), "w_size": WEIGHTS["size"], "w_pop": WEIGHTS["population"],
              "w_region": WEIGHTS["region"], "w_form": WEIGHTS["form"]}
    records = cur.execute(_SQL, params).df().to_dict("records")
    for r in records:  # today's numbers -> display names, Norwegian order
        r["felles_kommuner"] = sorted((_today_name(n) for n in r["felles_kommuner"]), key=norwegian_sort_key)
    note = None
    if mode == "members" and not records:
        fallback = similar_collaborations(cur, profile, region, limit, mode="profile", uploaded=uploaded)
        where = "denne versjonen av oversikten" if uploaded else "Vedlegg 5"
        note = (f"Ingen av kommunene deres er med i et IKT-samarbeid i {where}. Listen viser i stedet "
                "samarbeid som ligner i størrelse, region og organisasjonsform.")
        return fallback.model_copy(update={"note": note})
    rows = [
        SimilarCollaboration(
            rang=i, id=r["id"], navn=r["navn"], ks_region=r["ks_region"] if isinstance(r["ks_region"], str) else None,
            organisasjonsform=r["organisasjonsform"],
            organisasjonsform_tekst=r["organisasjonsform_trykt"] or r["organisasjonsform_navn"],
            etablert=r["etablert_trykt"] if isinstance(r["etablert_trykt"], str) else None,
            antall_kommuner=int(r["antall_kommuner"]), folketall=int(r["folketall"]), medlemmer=r["medlemmer"] or "",
            felles_kommuner=list(r["felles_kommuner"]),
            jaccard=None if pd.isna(r["jaccard"]) else float(r["jaccard"]),
            likhet=float(r["jaccard"] if mode == "members" else r["profil_likhet"]),
            begrunnelse=_reasons(r, mode, profile.municipalities, population, region, form),
        )
        for i, r in enumerate(records, start=1)
    ]
    return SimilarityResult(mode=mode, municipalities=profile.municipalities, population=population, region=region,
                            region_derived=derived and region is not None, form=form, note=note, rows=rows)


def _today_name(number: str) -> str:
    today = municipalities_today()
    return today[number].visningsnavn if number in today else number


def result_table(result: SimilarityResult) -> pd.DataFrame:
    """The ranking as a table with Norwegian column names (Likhet in whole percent, 0..100); a year or region
    not given is None (shown as «–» by the page's table)."""
    return pd.DataFrame({
        "Rang": [r.rang for r in result.rows],
        "Samarbeid": [r.navn for r in result.rows],
        "Likhet": [round(r.likhet * 100) for r in result.rows],
        "Hvorfor likt": [r.begrunnelse for r in result.rows],
        "Organisasjonsform": [r.organisasjonsform_tekst for r in result.rows],
        "Etablert": [r.etablert or None for r in result.rows],  # missing: the grid's «–» (placeholder), not blank
        "KS-region": [r.ks_region or None for r in result.rows],
        "Kommuner": [r.antall_kommuner for r in result.rows],
        "Folketall": [r.folketall for r in result.rows],
        "Medlemmer": [r.medlemmer for r in result.rows],
    })


def basis_text(result: SimilarityResult) -> str:
    """One Norwegian sentence: what the ranking compared."""
    count = fmt.plural(result.municipalities, "kommune", "kommuner")
    if result.mode == "members":
        head = f"Sammenlignet på felles medlemskommuner (deres {count})"
    else:
        # population is known only from listed members; without them the count is the one given, not chosen members
        head = (f"Sammenlignet på størrelse ({count}, {fmt.number(result.population)} innbyggere)" if result.population
                else f"Sammenlignet på størrelse (regnet som {count}; ingen medlemmer valgt)")
    if result.region:
        head += f", KS-region {result.region}" + (" (utledet fra fylkene til medlemmene)"
                                                  if result.region_derived else "")
    if result.form:
        head += f" og organisasjonsform ({_form_label(result.form)})"
    return head + "."


def profile_text(profile: Profile) -> str:
    """What the page compares with, in Norwegian: name, size, members, current form."""
    name = f"«{profile.name}»" if profile.name else "Samarbeidet deres"
    text = f"{name}: {profile.municipalities_text}"
    if profile.members:
        text += " (" + ", ".join(member_label(m) for m in profile.members) + ")"
    if profile.current_form:
        text += f", organisert som {FORM_LABELS.get(profile.current_form, profile.current_form)}"
    return text + "."


def match_markdown(row: SimilarCollaboration) -> str:
    """A Markdown block for one match: how it is organised and why it is similar."""
    year = f", etablert {row.etablert}" if row.etablert else ", etableringsår ikke oppgitt"
    region = f", KS-region {md(row.ks_region)}" if row.ks_region else ""
    return (f"**{row.rang}. {md(row.navn)}** – {md(row.organisasjonsform_tekst)}{md(year)}{region}, "
            f"{row.antall_kommuner} kommuner, {fmt.number(row.folketall)} innbyggere  \n"
            f"Hvorfor likt: {md(row.begrunnelse)}  \nMedlemmer: {md(row.medlemmer or 'ikke oppgitt')}")


TOP_MATCHES = 3  # written out in full above the table


def matches_heading(result: SimilarityResult, asked: int) -> str:
    """The line over the matches written out: how many of how many, and that the table has them all. `asked`:
    «Antall treff» (the slider); fewer rows than asked (only so many share members) are said as such.
    A tester read the three written-out matches as the whole answer and «Antall treff» as doing nothing."""
    found = len(result.rows)
    top = min(TOP_MATCHES, found)
    head = f"De {fmt.number(top)} mest like" if top > 1 else "Den mest like"
    if found <= top:
        return f"{head}:"
    if found >= asked:
        of = f"{fmt.number(found)} treff"
    elif result.mode == "members":
        of = f"de {fmt.number(found)} samarbeidene som deler kommuner med dere"
    else:
        of = f"de {fmt.number(found)} samarbeidene som finnes"
    return f"{head} av {of}; alle {fmt.number(found)} står i tabellen under:"
