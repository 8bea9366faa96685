"""The report's recommendation rule for the profile's status (4.2), beside the scores."""

from __future__ import annotations

from pydantic import BaseModel

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


class Recommendation(BaseModel, frozen=True):
    alternative: Alternative
    text: str
    quote: str
    section: str = "4.2"
    agrees_with_ranking: bool


def recommend(profile: Profile, kb: KnowledgeBase, best: Alternative) -> Recommendation:
    """What 4.2 says for this status, and whether the scored ranking's winner agrees."""
    if profile.status == "existing_working":
        target = Alternative(model="alternativ", form=profile.current_form)
        form = kb.form(profile.current_form).label
        if profile.current_model == "alternativ":
            text = (f"Behold organisasjonsformen ({form}) og styringsmodellen; endre hvilke oppgaver "
                    "samarbeidet gjør, og vurder organisasjonsformen på nytt etterpå.")
        else:
            text = (f"Behold organisasjonsformen ({form}), men bytt til den anbefalte styringsmodellen "
                    "(alternativ modell) og endre hvilke oppgaver samarbeidet gjør.")
        quote = QUOTE_WORKING
    elif profile.status == "existing_struggling":
        target = Alternative(model="alternativ", form="par27")
        text = ("Endre styringsmodell og oppgaver først – det er det viktigste. Vurder samtidig å endre "
                "organisasjonsform til § 27-samarbeid (i dag kommunalt oppgavefellesskap); et formbytte "
                "alene hjelper sannsynligvis lite.")
        quote = QUOTE_STRUGGLING
    else:
        target = Alternative(model="alternativ", form="par27")
        text = ("Etabler samarbeidet med alternativ styringsmodell som § 27-samarbeid (i dag kommunalt "
                "oppgavefellesskap) med et styre av rådmennene, med mindre dere har særskilte grunner "
                "for en annen organisasjonsform.")
        quote = QUOTE_NEW
    return Recommendation(alternative=target, text=text, quote=quote, agrees_with_ranking=best == target)
