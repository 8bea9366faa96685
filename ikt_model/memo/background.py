"""«Bakgrunn» of the decision memo: what the case is about (the collaboration, its members and population,
today's model and form), what the assessment rests on (the report), and the collaboration's profile."""

from __future__ import annotations

from .. import format as fmt
from ..decision.knowledge import KnowledgeBase
from ..decision.profile import STATUS_LABELS, Profile
from ..municipalities import municipalities_today, population_label
from ..scenarios.model import profile_rows
from .document import SECTION_TITLES, Paragraph, Section, Table


def _members_text(profile: Profile) -> str:
    if not profile.members:
        return f"{fmt.plural(profile.municipalities, 'kommune', 'kommuner')} (medlemmene er ikke oppgitt)"
    names = ", ".join(municipalities_today()[m].visningsnavn for m in profile.members)
    return (f"{fmt.plural(len(profile.members), 'kommune', 'kommuner')} ({names}) med til sammen "
            f"{fmt.number(profile.members_population)} innbyggere ({population_label(profile.population_year)})")


def background_section(profile: Profile, kb: KnowledgeBase) -> Section:
    """«Bakgrunn»: the collaboration (status, members with their population), today's model and form for an
    existing one, the report the assessment rests on (3.1, 3.3, 3.4, 4.3), and the profile as a table."""
    who = f"IKT-samarbeidet {profile.name}" if profile.name else "IKT-samarbeidet"
    text = (f"Saken gjelder organisering og styring av {who}: "
            f"{STATUS_LABELS[profile.status].lower()}, {_members_text(profile)}.")
    if profile.is_existing:
        text += (f" I dag brukes {fmt.in_sentence(kb.model(profile.current_model).label)} som styringsmodell og "
                 f"{fmt.in_sentence(kb.form(profile.current_form).label)} som organisasjonsform.")
    return Section(id="bakgrunn", title=SECTION_TITLES["bakgrunn"], blocks=(
        Paragraph(text=text),
        Paragraph(text="Vurderingen bygger på rapporten «IKT-samarbeid i kommunal sektor» (PwC for KS, 2015), som "
                       "sammenligner tre styringsmodeller (kap. 3.3) og fire organisasjonsformer (kap. 3.4) mot "
                       "tolv suksessfaktorer (kap. 3.1 og 4.3). Alternativene er par av styringsmodell og "
                       "organisasjonsform, i alt tolv."),
        Table(caption="Samarbeidets profil", columns=("Forhold", "Verdi"),
              rows=tuple((k, v) for k, v in profile_rows(profile, kb))),
    ))
