"""How sure is the recommendation? One-way stability intervals, SMAA-2 and pairwise (AHP) weighting.

Modules (one concept each, no Streamlit):
  sensitivity  exact stability intervals per factor weight, and "walking weights"
  smaa         SMAA-2 (Lahdelma & Salminen 2001) by vectorised Monte Carlo
  ahp          Saaty's AHP: eigenvector priorities, CR with the Alonso & Lamata (2006) RI table, grouped path
  reading      plain Norwegian sentences and `robustness_summary` for other pages
  charts       plotly.graph_objects figures for the pages
"""
