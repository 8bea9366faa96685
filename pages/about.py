"""«Om»: method, sources, attribution, limits."""

import streamlit as st

import ikt_model

st.title("Om verktøyet")
st.markdown(f"""
Beslutningsstøtte for kommuner som etablerer, vurderer eller endrer et **interkommunalt IKT-samarbeid**.
Versjon {ikt_model.__version__}.

### Kilde
Alt faglig innhold bygger på rapporten **«IKT-samarbeid i kommunal sektor – modeller for organisering, styring og
finansiering»**, PwC for KS, FoU-prosjekt 144016, 30. oktober 2015. Kapittelnumrene i verktøyet er rapportens.

### Metode
- **Alternativer:** tre styringsmodeller (KS-modellen, alternativ modell, hybridmodell; 2.4, 3.3) × fire
  organisasjonsformer (AS, IKS, vertskommune og kommunalt oppgavefellesskap – rapportens § 27-samarbeid; 3.4, 4.2)
  = 12 alternativer.
- **Kriterier:** rapportens tolv suksessfaktorer i prioritert rekkefølge (3.1, 4.3). Stabil drift er en forutsetning,
  ikke en vektet faktor.
- **Vurderinger:** ordinale poeng fra −2 til +2 per kilde og faktor: styringsmodell (3.3, 4.1), organisasjonsform
  (tabellen i 4.2) og samspillet mellom dem (3.3.3, 3.4, 4.2), justert av profilen (kontekstregler). Hvert poeng har
  kapittel og sitat – se «Kunnskapsgrunnlag».
- **Rapportens rekkefølge:** stabil drift først (3.1, 4.3); så styringsmodell og oppgaver; så organisasjonsform.
  Organisasjonsformens deler teller derfor halvt mot styringsmodellens (4.2: «Endring av styringsmodell og hvilke
  oppgaver samarbeidet gjør er det viktigste»).
- **Omstillingskostnad:** for et eksisterende samarbeid koster det å endre form eller modell (4.1, 4.2). Kostnaden er
  en egen, synlig del av summen, og vekten på den kan flyttes på «Sammenligning».
- **Vekter:** standard («Rapportens prioritering») er rang-orden-sentroide vekter (ROC, Barron & Barrett 1996) fra
  rapportens prioriterte rekkefølge. Alternativt like vekter, rangsum («Rapportens rekkefølge, jevnt avtagende»),
  egne poeng, parvise sammenligninger (AHP) eller gruppens vekter fra en workshop.
- **Sum:** vektet sum på fast skala; 0 betyr «ingen forskjell», +1 ett trinn bedre på alle faktorer.
- **Rapportens råd (4.2)** vises først: nytt samarbeid → alternativ modell som kommunalt oppgavefellesskap med et
  styre av kommunedirektørene (rapporten: rådmennene); eksisterende som fungerer → behold formen, endre
  styringsmodell; som ikke fungerer → endre styringsmodell og oppgaver først, og vurder kommunalt oppgavefellesskap.
  Er rangeringen og rådet uenige, sier siden hvilke vekter som gjør forskjellen.

### Juridisk oppdatering (2026)
Rapporten bruker kommuneloven av 1992. § 27-samarbeid finnes ikke lenger; for tjenesteproduksjon er etterfølgeren
**kommunalt oppgavefellesskap** (kommuneloven 2018 kapittel 19; eksisterende § 27-samarbeid måtte omdannes innen
høsten 2023). I et kommunalt oppgavefellesskap er representantskapet øverste organ; et styre kan opprettes under det,
og hver deltaker har ubegrenset ansvar for sin andel. Vertskommunesamarbeid reguleres nå av kommuneloven 2018
kapittel 20 (administrativt eller med felles folkevalgt nemnd; var § 28-1 b). IKS-loven ble endret i 2023 og 2024
(blant annet avtalevalg og åpne representantskapsmøter). Samkommunene ble oppløst innen 2020. Interkommunalt
politisk råd og samvirkeforetak vises som informasjon, ikke som alternativer: rapporten har ingen vurdering av dem.
Loven sier kommunedirektør der rapporten sier rådmann. Kildene står i «Kunnskapsgrunnlag» og under
«Organisasjonsformene i 2026» på «Sammenligning». Verktøyet gir ikke juridiske råd: rapporten sier selv at juridiske
konsekvenser er utredet separat (1.3, 3.4).

### Begrensninger
Poengene er en tolkning av rapportens tekst, ikke målinger. Rapporten sier selv at samarbeid kan fungere godt eller
dårlig uavhengig av modell og form (3.3.5, 3.4) – ledelse og kultur betyr mye. Bruk «Robusthet» for å se hvor sikker
rangeringen er.

### Data og kreditering
- Kart: © Kartverket (CC BY 4.0): dagens kommunegrenser (2024) og N2000-grensene for 2015.
- Folketall: Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2026, 2025, 2024 og 2015, tabell 07459), NLOD.
- Kommuneinndeling og sammenslåinger: Statistisk sentralbyrå (KLASS 131).
- Kommuneendringer 2020/2024: SSB (KLASS 131) via lauriejh/regtools og niphr/csdata.
- Oversikten over samarbeid: rapportens vedlegg 5, renset (se «Nasjonal oversikt»).
- Ingen data sendes til tredjeparter; kartet og alt annet lastes fra denne tjenesten.
""")
