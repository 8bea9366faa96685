"""Organisation forms of an inter-municipal collaboration in 2026 terms, for uploaded overviews.

The 2018 local government act (kommuneloven) § 17-1 lists the lawful forms; the ones an ICT
collaboration uses are: kommunalt oppgavefellesskap (kap. 19, which replaced the § 27 bodies of the
1992 act the report describes), vertskommunesamarbeid (kap. 20; two models: administrativt and med
felles folkevalgt nemnd), interkommunalt selskap (IKS-loven), aksjeselskap, samvirkeforetak, and a
plain agreement without an own body. Source: regjeringen.no, «Veileder om interkommunalt samarbeid»,
ch. 3 (§ 17-1 and the forms) and ch. 5 (kap. 20, the two vertskommune models).

The report's 2015 forms (ikt_model.overview.source.FORM_IDS) are mapped to these for comparing a
2015 version with an uploaded one: § 27 -> KO (the conversion the 2018 act required by 2023),
vertskommune (§ 28-1 b, administrative) -> vertskommune administrativt, samarbeidsavtaler -> avtale;
IKS and AS keep their form; samkommune has no successor (samkommuner were dissolved by 1.1.2020,
Prop. 46 L (2017–2018) ch. 19.1).
"""

from __future__ import annotations

import re
import unicodedata

FORMS_2026: tuple[str, ...] = ("ko", "iks", "vertskommune_adm", "vertskommune_nemnd", "as", "sa", "avtale")
FORM_LABELS_2026: dict[str, str] = {
    "ko": "Kommunalt oppgavefellesskap (KO)",
    "iks": "Interkommunalt selskap (IKS)",
    "vertskommune_adm": "Vertskommune, administrativt",
    "vertskommune_nemnd": "Vertskommune med felles folkevalgt nemnd",
    "as": "Aksjeselskap (AS)",
    "sa": "Samvirkeforetak (SA)",
    "avtale": "Avtale (uten egen organisasjon)",
}
# What a template cell may say (compared after `_key`): ids, labels, abbreviations, common spellings.
_ALIASES: dict[str, str] = {
    "ko": "ko", "kommunalt oppgavefellesskap": "ko", "oppgavefellesskap": "ko",
    "iks": "iks", "interkommunalt selskap": "iks",
    "vertskommune administrativt": "vertskommune_adm", "vertskommune adm": "vertskommune_adm",
    "administrativt vertskommunesamarbeid": "vertskommune_adm", "vertskommune_adm": "vertskommune_adm",
    "vertskommune, administrativt": "vertskommune_adm",
    "vertskommune med felles folkevalgt nemnd": "vertskommune_nemnd", "vertskommune nemnd": "vertskommune_nemnd",
    "vertskommune med nemnd": "vertskommune_nemnd", "vertskommunesamarbeid med felles folkevalgt nemnd":
        "vertskommune_nemnd", "vertskommune_nemnd": "vertskommune_nemnd",
    "as": "as", "aksjeselskap": "as",
    "sa": "sa", "samvirkeforetak": "sa", "samvirke": "sa",
    "avtale": "avtale", "samarbeidsavtale": "avtale", "samarbeidsavtaler": "avtale",
}

# Forms of the 1992 act a user may still type: the message says what to write instead.
_OUTDATED: dict[str, str] = {
    "§ 27": "§ 27-samarbeid finnes ikke etter kommuneloven 2018; bruk KO (kommunalt oppgavefellesskap)",
    "§ 27-samarbeid": "§ 27-samarbeid finnes ikke etter kommuneloven 2018; bruk KO (kommunalt oppgavefellesskap)",
    "27": "§ 27-samarbeid finnes ikke etter kommuneloven 2018; bruk KO (kommunalt oppgavefellesskap)",
    "samkommune": "samkommuner ble avviklet innen 1.1.2020; velg formen samarbeidet har i dag",
    "vertskommune": "skriv «vertskommune administrativt» eller «vertskommune med felles folkevalgt nemnd»",
    "vertskommunesamarbeid": "skriv «vertskommune administrativt» eller «vertskommune med felles folkevalgt nemnd»",
}

FROM_2015: dict[str, str | None] = {
    "par27": "ko", "vertskommune": "vertskommune_adm", "iks": "iks", "as": "as",
    "samkommune": None, "samarbeidsavtaler": "avtale",
}


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


for _id, _label in FORM_LABELS_2026.items():  # the labels the app shows are accepted too
    _ALIASES.setdefault(_key(_label), _id)


def parse_form(text: str) -> str:
    """The form id (one of FORMS_2026) for what a user wrote; ValueError with a Norwegian message if unknown."""
    key = _key(text)
    if key in _ALIASES:
        return _ALIASES[key]
    if key in _OUTDATED:
        raise ValueError(f"Ukjent organisasjonsform «{text.strip()}»: {_OUTDATED[key]}")
    allowed = ", ".join(("KO", "IKS", "vertskommune administrativt", "vertskommune med felles folkevalgt nemnd",
                         "AS", "SA", "avtale"))
    raise ValueError(f"Ukjent organisasjonsform «{text.strip()}». Gyldige: {allowed}")


def form_label(form_id: str | None) -> str:
    """Norwegian label of a 2026 form id (the id itself if unknown, «ingen» for None)."""
    if form_id is None:
        return "ingen (avviklet form)"
    return FORM_LABELS_2026.get(form_id, form_id)
