"""The end labels of a slider in the main area, always shown (CSS, put on every page by app.py).

Streamlit 1.67 shows a slider's end labels (its tick bar) only while the pointer is over the slider or the slider
has focus. On «Parvise vekter» they say which side each end stands for («Tjenester og utvikling 9» at the left,
«Økonomi, kompetanse og innkjøpsmakt 9» at the right), and a touch screen has no hover: a fresh tester read the
nineteen judgments without them. In the main area they are shown always, with room below the slider so they do
not touch the next label. Each end is one line of at most half the width, cut with «…» on a narrow phone: wrapped,
a second line ran into the next slider (the bar is laid over the slider, not in the page's flow, and in the flow
it moved the slider's track). The slider's own label («A mot B») names both sides whole. The sidebar's twelve
weight sliders keep Streamlit's way: their ends (0 and 100) say little.
"""

SLIDER_ENDS_CSS = """
[data-testid="stMain"] [data-testid="stSliderTickBar"] { opacity: 1; gap: 1rem; }
[data-testid="stMain"] [data-testid="stSliderTickBar"] > * { max-width: 50%; min-width: 0; }
[data-testid="stMain"] [data-testid="stSliderTickBar"] > * p {
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; margin: 0;
}
[data-testid="stMain"] [data-testid="stSlider"] { padding-bottom: 1.25rem; }
"""
