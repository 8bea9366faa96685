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
  organisasjonsformer (AS, IKS, vertskommune, § 27-samarbeid; 3.4, 4.2) = 12 alternativer.
- **Kriterier:** rapportens tolv suksessfaktorer i prioritert rekkefølge (3.1, 4.3). Stabil drift er en forutsetning,
  ikke en vektet faktor.
- **Vurderinger:** ordinale poeng fra −2 til +2 per faktor, summen av tre deler: organisasjonsform (tabellen i 4.2),
  styringsmodell (3.3, 4.1) og samspillet mellom dem (3.3.3, 3.4, 4.2), justert av profilen (kontekstregler).
  Hvert poeng har kapittel og sitat – se «Kunnskapsgrunnlag».
- **Vekter:** standard er rang-orden-sentroide vekter (ROC, Barron & Barrett 1996) fra rapportens prioritering.
  Alternativt like vekter, rangsum, egne poeng, parvise sammenligninger (AHP) eller gruppens vekter fra en workshop.
- **Sum:** vektet sum på fast skala; 0 betyr «ingen forskjell», +1 ett trinn bedre på alle faktorer.
- **Rapportens råd (4.2)** vises ved siden av poengene: nytt samarbeid → § 27 med styre av rådmennene og alternativ
  modell; eksisterende som fungerer → behold formen, endre styringsmodell; som ikke fungerer → vurder § 27, og endre
  styringsmodell og oppgaver først.

### Juridisk oppdatering (2026)
Rapporten bruker kommuneloven av 1992. § 27-samarbeid finnes ikke lenger; for tjenesteproduksjon er etterfølgeren
**kommunalt oppgavefellesskap** (kommuneloven 2018 kapittel 19; eksisterende § 27-samarbeid måtte omdannes innen
høsten 2023). Vertskommune reguleres nå av kommuneloven 2018 § 20-2 (var § 28-1 b). Loven sier kommunedirektør der
rapporten sier rådmann. Verktøyet gir ikke juridiske råd: rapporten sier selv at juridiske konsekvenser er utredet
separat (1.3, 3.4).

### Begrensninger
Poengene er en tolkning av rapportens tekst, ikke målinger. Rapporten sier selv at samarbeid kan fungere godt eller
dårlig uavhengig av modell og form (3.3.5, 3.4) – ledelse og kultur betyr mye. Bruk «Robusthet» for å se hvor sikker
rangeringen er.

### Data og kreditering
- Kart: © Kartverket (N2000, CC BY 4.0).
- Folketall: Kilde: Statistisk sentralbyrå (folkemengde 1. januar 2015), NLOD.
- Kommuneendringer 2020/2024: SSB (KLASS 131) via lauriejh/regtools og niphr/csdata.
- Oversikten over samarbeid: rapportens vedlegg 5, renset (se «Nasjonal oversikt»).
- Ingen data sendes til tredjeparter; kartet og alt annet lastes fra denne tjenesten.
""")
