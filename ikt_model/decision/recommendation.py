"""The report's advice for the profile, in the report's order of things (3.1, 4.2, 4.3), in 2026 terms.

Order: (1) stable operations is a gate for a collaboration that exists (3.1, 4.3): without it, that is
the first advice and the ranking is what comes after; (2) governance model and tasks; (3) organisation
form («alle organisasjonsformene ... vil kunne fungere», 4.2). The report's § 27-samarbeid is named by its
2026 successor, kommunalt oppgavefellesskap (kommuneloven 2018 kap. 19), and its «rådmenn» are today's
kommunedirektører. The advice never tells a collaboration to change to what it already has.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..format import in_sentence
from .knowledge import KnowledgeBase
from .profile import Profile
from .registry import Alternative

QUOTE_NEW = ("Ved etablering av et nytt samarbeid bør organisasjonsformen være et samarbeid etter "
             "kommunelovens § 27 med et styre bestående av rådmennene, men mindre man har særskilte "
             "grunner for å velge en annen organisasjonsform.")
QUOTE_WORKING = ("For et eksisterende samarbeid der samarbeidet og eierkommunene opplever at samarbeidet "
                 "fungerer greit er det ingen grunn til å endre organisasjonsform. Man bør endre "
                 "styringsmodell og hvilke oppgaver samarbeidet gjør, og deretter vurdere organisasjonsform på nytt.")
QUOTE_STRUGGLING = ("Det må da gjøres som en del av en endring der styringsmodell og hvilke oppgaver samarbeidet "
                    "gjør er det viktigste. Endring av organisasjonsform alene vil sannsynligvis ha liten effekt. "
                    "Organisasjonsform bør vurderes endret til samarbeid etter kommunelovens § 27.")
QUOTE_CULTURE = ("Det viser seg at samarbeid tilsynelatende kan fungere godt på tross av en mindre egnet "
                 "styringsmodell, eller fungere dårlig på tross av en egnet modell.")
QUOTE_HYBRID = ("Dersom eksisterende oppdeling fungerer, er det ikke nødvendig å endre organiseringen på kort sikt. "
                "Det første steget er å se på samarbeidet i et bredere perspektiv")
QUOTE_STABLE = "Utvikling av samarbeidet kan ikke gjøres før man har stabil drift."

BOARD = "et styre av kommunedirektørene"
BOARD_PREREQUISITE = (" Rapporten kaller et styre av rådmennene (i dag kommunedirektørene) en forutsetning for at "
                      "formen skal fungere (3.4.4): sørg for det.")


class Recommendation(BaseModel, frozen=True):
    """What the report advises for this profile, and whether the scored ranking's winner agrees.

    `alternative` is the report's target (model, form); `gate` is True when stable operations must come
    first (then `text` starts with that). `agrees_with_ranking` compares the target with the ranking's
    winner (or with any alternative tied with it).
    """

    alternative: Alternative
    text: str
    quote: str
    section: str = "4.2"
    gate: bool = False
    agrees_with_ranking: bool


def _form(kb: KnowledgeBase, form_id: str) -> str:
    return in_sentence(kb.form(form_id).label)


def _status_advice(profile: Profile, kb: KnowledgeBase) -> tuple[Alternative, str, str, str]:
    """(target, text, quote, section) from 4.2's advice by status, never «change to what you have»."""
    ko = _form(kb, "par27") + " (rapportens § 27-samarbeid)"
    board_note = "" if profile.board_of_chief_executives else BOARD_PREREQUISITE
    if profile.status == "new":
        target = Alternative(model="alternativ", form="par27")
        text = (f"Etabler samarbeidet med alternativ styringsmodell som {ko}, med representantskapet øverst og "
                f"{BOARD} under det, med mindre dere har særskilte grunner for en annen organisasjonsform."
                + board_note)
        return target, text, QUOTE_NEW, "4.2"
    current_form = _form(kb, profile.current_form)
    unconverted = (" Avklar først hva § 27-samarbeidet ble omdannet til i 2019–2023, og velg den formen på "
                   "«Samarbeidet».") if profile.par27_unconverted else ""
    if profile.status == "existing_working":
        target = Alternative(model="alternativ", form=profile.current_form)
        if profile.current_model == "alternativ":
            text = (f"Behold organisasjonsformen – {current_form} – og styringsmodellen; endre hvilke oppgaver "
                    "samarbeidet gjør, og vurder organisasjonsformen på nytt etterpå.")
        elif profile.current_model == "hybrid":
            text = (f"Behold organisasjonsformen – {current_form}. Oppdelingen i to organisasjoner trenger ikke endres "
                    "på kort sikt: se samarbeidet i et bredere perspektiv, gå over til den anbefalte styringsmodellen "
                    "(alternativ modell) og endre hvilke oppgaver samarbeidet gjør.")
            return target, text + unconverted, QUOTE_HYBRID, "4.1"
        else:
            text = (f"Behold organisasjonsformen – {current_form} – men bytt til den anbefalte styringsmodellen "
                    "(alternativ modell) og endre hvilke oppgaver samarbeidet gjør.")
        return target, text + unconverted, QUOTE_WORKING, "4.2"
    # existing_struggling
    target = Alternative(model="alternativ", form="par27")
    has_model, has_form = profile.current_model == "alternativ", profile.current_form == "par27"
    if has_model and has_form:
        text = (f"Samarbeidet har allerede rapportens anbefalte styringsmodell og organisasjonsform: {current_form}. "
                f"Bruk rapportens spaker: {BOARD} (3.4.4), ledelse og organisasjonskultur (3.3.5), og tydelige "
                "roller, oppgaver og tjenester (3.3.6).")
        return target, text + unconverted, QUOTE_CULTURE, "3.3.5"
    if has_model:
        text = (f"Samarbeidet har allerede den anbefalte styringsmodellen. Vurder å endre organisasjonsform til {ko}"
                f" med {BOARD}, og se på ledelse og organisasjonskultur (3.3.5) og roller og oppgaver (3.3.6).")
        return target, text + board_note, QUOTE_STRUGGLING, "4.2"
    if has_form:
        text = (f"Endre styringsmodell (til alternativ modell) og oppgaver – det er det viktigste. "
                f"Organisasjonsformen, {current_form}, er allerede den rapporten anbefaler; behold den.")
        return target, text + board_note + unconverted, QUOTE_STRUGGLING, "4.2"
    text = ("Endre styringsmodell (til alternativ modell) og oppgaver først – det er det viktigste. Vurder samtidig å "
            f"endre organisasjonsform til {ko}; et formbytte alene hjelper sannsynligvis lite.")
    return target, text + board_note, QUOTE_STRUGGLING, "4.2"


def recommend(profile: Profile, kb: KnowledgeBase, winners: tuple[Alternative, ...]) -> Recommendation:
    """What 4.2 (and 3.1 before it) says for this profile; `winners` are the ranking's first place(s)."""
    target, text, quote, section = _status_advice(profile, kb)
    agrees = target in winners
    if profile.status != "new" and not profile.stable_operations:
        then = in_sentence(text)  # «KS-modellen» keeps its capitals
        return Recommendation(alternative=target, gate=True, section="3.1, 4.3", quote=QUOTE_STABLE,
                              agrees_with_ranking=agrees,
                              text=f"Få stabil drift på plass først – det er en grunnleggende forutsetning. "
                                   f"Deretter: {then}")
    return Recommendation(alternative=target, text=text, quote=quote, section=section, agrees_with_ranking=agrees)
