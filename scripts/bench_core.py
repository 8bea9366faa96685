"""Core speed figures (issue 2). Prints; asserts nothing.

1. scoring all 12 alternatives (evaluate: score matrix + totals + reasons), warm and cold cache
2. browser: weight slider key press -> ranking chart text updated, timed inside the page (target < 200 ms)

The AppTest rerun ratio and the side-by-side browser ratios of issue 14 are in bench_speed.py.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ikt_model.decision.evaluation import evaluate  # noqa: E402
from ikt_model.decision.profile import Profile  # noqa: E402
from ikt_model.decision.scoring import _score_matrix_cached  # noqa: E402
from ikt_model.decision.weights import Weights, default_weights  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from bench_rerun import median_ms  # noqa: E402


def bench_scoring() -> None:
    profile = Profile()
    weights = [Weights(points={**default_weights().points, 2: p / 2}) for p in range(1, 201)]
    it = iter(weights * 10)
    warm = median_ms(lambda: evaluate(profile, next(it)), 500)

    def cold():
        _score_matrix_cached.cache_clear()
        evaluate(profile, default_weights())
    print(f"scoring 12 alternatives (evaluate, warm score-matrix cache): median {warm:.2f} ms")
    print(f"scoring 12 alternatives (evaluate, cold: matrix rebuilt):    median {median_ms(cold, 100):.2f} ms")


def bench_browser() -> None:
    chromium = os.environ.get("IKT_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        print("browser: no chromium, skipped")
        return
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS, AppServer
    server = AppServer(Path(tempfile.mkdtemp()))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server.url + "/sammenligning")
            page.locator(".js-plotly-plot .textpoint").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.evaluate("""() => { window.__lat = [];
              document.addEventListener('keydown', () => { const t0 = performance.now();
                const bars = () => Array.from(document.querySelectorAll('.js-plotly-plot .textpoint'))
                  .map(e => e.textContent).join('|');
                const before = bars();
                const obs = new MutationObserver(() => { if (bars() !== before) { obs.disconnect();
                  requestAnimationFrame(() => window.__lat.push(performance.now() - t0)); } });
                obs.observe(document.body, {subtree: true, childList: true, characterData: true}); }, true); }""")
            thumb = (page.locator('[data-testid="stSlider"]').filter(has_text="Omstillingsevne")
                     .locator("input[type=range]"))
            thumb.focus()
            for i in range(25):
                n = page.evaluate("window.__lat.length")
                thumb.press("PageUp" if i % 2 == 0 else "PageDown")
                page.wait_for_function(f"window.__lat.length > {n}", timeout=30_000)
                page.wait_for_timeout(150)
            lat = page.evaluate("window.__lat")
            browser.close()
        print(f"browser: weight slider -> ranking chart updated (in-page): median {statistics.median(lat):.0f} ms, "
              f"min {min(lat):.0f}, max {max(lat):.0f}, n={len(lat)} (target < 200 ms)")
    finally:
        server.stop()


if __name__ == "__main__":
    bench_scoring()
    bench_browser()
