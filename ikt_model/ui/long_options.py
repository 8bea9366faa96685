"""Select boxes whose options are longer than the box (CSS, put on every page by app.py).

«Forklar alternativ» on «Sammenligning» offers «3. (delt) Alternativ modell + Interkommunalt selskap (IKS)»: on a
390 px phone Streamlit 1.67 cut the open list's options at the box's edge, so «… selskap (IKS)» and «… (KO)» could
not be told apart, and the chosen one was cut off in the closed box without a sign (a fresh tester). An open
list's options wrap now (each its full text, the list's rows grow with them), and the closed box's text ends in
«…» where it is cut.
"""

LONG_OPTIONS_CSS = """
/* Streamlit gives the option and its text a fixed height and one line */
[role="listbox"] [role="option"], [role="listbox"] [role="option"] > div {
  height: auto !important; white-space: normal !important; overflow-wrap: anywhere;
}
[role="listbox"] [role="option"] { padding-top: 0.25rem; padding-bottom: 0.25rem; }
[data-testid="stSelectbox"] input { text-overflow: ellipsis; }
"""
