"""Clean the report's Vedlegg 5 (data/overview/vedlegg5_trykt.txt) into data/overview/*.csv.

Reproducible: `python scripts/clean_vedlegg5.py` rewrites samarbeid.csv and medlemskap.csv.
Every manual decision is a row of the hand-written data/overview/data_quality.csv (which the app
shows); member decisions there (nivaa=medlem) give the resolved kommunenummer and, for a moved
member, the collaboration it moves to. The printed text is kept beside every resolved value.
Stops with an error on any printed name that has no unique 2015 municipality and no decision.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "overview"
FORMAL_NAME_FIXES = {  # PDF hyphenation; each fix is a decision in data_quality.csv (kategori "Formelt navn")
    "Interkommunal e IKT-tjenester Nordhordaland": "Interkommunale IKT-tjenester Nordhordaland",
    "SuksIT og Kongsbergregio nens IKT Drift": "SuksIT og Kongsbergregionens IKT Drift",
    "Kristiansandsre gionens kommunale IKT-tjeneste": "Kristiansandsregionens kommunale IKT-tjeneste",
}
NOT_IN_NOTES = {"Delt flerordsnavn", "Formelt navn"}

FORMS = {
    "§ 27": ["par27"],
    "§ 27 og § 27": ["par27"],
    "§ 27 og Vertskommune (§ 28-1b)": ["par27", "vertskommune"],
    "Vertskommune (§ 28-1b)": ["vertskommune"],
    "Vertskommune": ["vertskommune"],
    "IKS": ["iks"],
    "AS": ["as"],
    "Samkommune": ["samkommune"],
    "Samarbeidsavtaler": ["samarbeidsavtaler"],
}
COUNTY_MEMBERS = {"Aust-Agder": ("09", "Aust-Agder fylkeskommune")}
EXTRA_NAMES = {"Sande i Møre og Romsdal"}


def slug(text: str) -> str:
    text = text.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("é", "e")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_kommuner() -> list[dict[str, str]]:
    with (REPO / "data" / "reference" / "kommuner_2015.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def printed_rows(path: Path) -> list[dict]:
    """Table rows of the appendix; a line with only its first cell is a spilled continuation."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Navn\tFormelt navn"))
    rows: list[dict] = []
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        cells += [""] * (6 - len(cells))
        if all(not c.strip() for c in cells[1:]):
            rows[-1]["spilled"].append(cells[0].strip())
            continue
        rows.append({"cells": [c.strip() for c in cells[:6]], "spilled": []})
    return rows


def tokenise(text: str, names: set[str]) -> list[str]:
    """Split a space-separated owner list, joining multi-word names greedily (longest first)."""
    words, out, i = text.split(), [], 0
    while i < len(words):
        for n in range(5, 0, -1):
            cand = " ".join(words[i:i + n])
            if cand in names:
                out.append(cand)
                i += n
                break
        else:
            raise SystemExit(f"unknown municipality name: {words[i]!r} in {text!r}")
    return out


def main(out: Path = OUT) -> None:
    """Write samarbeid.csv and medlemskap.csv to `out` (default data/overview/)."""
    kommuner = read_kommuner()
    by_name: dict[str, list[dict]] = {}
    for k in kommuner:
        by_name.setdefault(k["navn"], []).append(k)
    by_number = {k["kommunenummer"]: k for k in kommuner}
    names = set(by_name) | EXTRA_NAMES | set(COUNTY_MEMBERS)
    decisions = read_csv(OUT / "data_quality.csv")
    resolutions = {(d["samarbeid_id"], d["trykt"]): (d["flyttet_til"] or d["samarbeid_id"], d["kommunenummer"], d["id"])
                   for d in decisions if d["nivaa"] == "medlem"}
    results = {d["id"]: d["resultat"] for d in decisions}
    used_resolutions: set[tuple[str, str]] = set()

    samarbeid, members = [], []
    for row in printed_rows(OUT / "vedlegg5_trykt.txt"):
        navn, formelt, region, eiere, form, year = row["cells"]
        sid = slug(navn)
        printed_members = [(t, False) for t in tokenise(eiere, names)]
        printed_members += [(t, True) for t in row["spilled"]]
        for printed, spilled in printed_members:
            key = (sid, printed)
            if key in resolutions:
                used_resolutions.add(key)
                target_sid, number, decision = resolutions[key]
            elif printed in COUNTY_MEMBERS:
                raise SystemExit(f"county member without decision: {key}")
            else:
                matches = by_name[printed]
                if len(matches) != 1:
                    raise SystemExit(f"ambiguous name without decision: {key}")
                target_sid, number, decision = sid, matches[0]["kommunenummer"], ""
            if spilled and not decision:
                raise SystemExit(f"spilled row without decision: {key}")
            county = next((c for c in COUNTY_MEMBERS.values() if c[0] == number), None)
            members.append({
                "samarbeid_id": target_sid,
                "trykt_under": sid,
                "navn_i_rapporten": printed,
                "kommunenummer": number,
                "navn": county[1] if county else by_number[number]["navn_ssb"],
                "medlemstype": "fylkeskommune" if county else "kommune",
                "avgjorelse": decision,
                "merknad": results[decision] if decision else "",
            })
        parsed_year = re.match(r"^(\d{4})", year)
        forms = FORMS[form]
        samarbeid.append({
            "id": sid,
            "navn": navn,
            "formelt_navn": FORMAL_NAME_FIXES.get(formelt, formelt),
            "formelt_navn_trykt": formelt,
            "ks_region": region,
            "eierkommuner_trykt": eiere + "".join(f" | {s}" for s in row["spilled"]),
            "organisasjonsform_trykt": form,
            "organisasjonsform": forms[0],
            "organisasjonsformer": ";".join(forms),
            "etablert_trykt": year,
            "etablert_aar": parsed_year.group(1) if parsed_year else "",
        })
    unused = set(resolutions) - used_resolutions
    if unused:
        raise SystemExit(f"resolutions that matched nothing: {sorted(unused)}")

    for s in samarbeid:
        own = [m for m in members if m["samarbeid_id"] == s["id"]]
        s["antall_medlemmer"] = str(len(own))
        notes = [d["resultat"] for d in decisions if s["id"] in (d["samarbeid_id"], d["flyttet_til"])
                 and d["kategori"] not in NOT_IN_NOTES]
        s["merknad"] = " ".join(notes)
    # members in the order of their collaboration, keeping printed order (moved members last)
    order = {s["id"]: i for i, s in enumerate(samarbeid)}
    members.sort(key=lambda m: order[m["samarbeid_id"]])
    write(out / "samarbeid.csv", samarbeid)
    write(out / "medlemskap.csv", members)
    print(f"{len(samarbeid)} samarbeid, {len(members)} medlemskap, {len(decisions)} avgjørelser")


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
