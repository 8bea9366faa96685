"""What-if speed against minimal reference apps (issue 14). Prints figures and ratios; asserts nothing.

Five ratios, each measured side by side with a minimal Streamlit app in the same run:
1. weight slider on «Sammenligning» -> page settled, vs a one-slider + one-plotly-chart app (target <= 1.2x)
2. page switch «Samarbeidet» <-> «Sammenligning» -> settled, vs a minimal two-page st.navigation app (<= 1.5x)
3. cold start of the server -> first chart drawn on «Sammenligning», vs the one-chart app (<= 1.1x)
4. AppTest rerun of «Sammenligning» after a weight change, vs a bare one-slider page (<= 5x); the rerun
   is what a weight change reruns in the browser too (the weighted fragments, see app.py)
5. the same weight slider on «Robusthet» -> settled, vs the one-chart app (<= 1.5x)

The AppTest side (4, and the rerun profile) is in bench_rerun.py; the servers under test and the cold start
(3) in bench_server.py. What the page switch (2) costs per kind of element, and what the two pages hold:
bench_elements.py.

«Settled» is measured inside the page: a MutationObserver on the main area is started at the keydown
or click (capture phase); the input is settled once the server has replied (at least one websocket
message) and then neither a DOM change in the main area nor a message came for 600 ms; the figure is
the time of the last DOM change after the input. (Without the reply condition a slider's own thumb
change let a slow rerun on a loaded machine count as settled before the chart changed.) Both apps run in the
same browser, inputs alternate between them, medians over N inputs (IKT_BENCH_INPUTS, default 15).
Every input also records the websocket messages the page received (count, bytes, arrival of the last
one), which splits the time into «server + transport» (input -> last message) and «browser render»
(last message -> last DOM change).

Before the browser figures: a profile of one AppTest rerun after a weight change on «Sammenligning» and
on «Robusthet» (every message the script sends, by element type: script time before it and bytes).

The machine may be shared: the 1-minute load average is printed beside every figure. The reference
condition is an idle machine (load well below the number of cores); under load the ratios drift
(both apps slow down, but not by the same factor).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
from bench_rerun import bench_apptest, load, profile_rerun  # noqa: E402  (the AppTest side of the benchmark)
from bench_server import Server, bench_cold_start  # noqa: E402  (servers under test, cold start)

CHROMIUM = os.environ.get("IKT_CHROMIUM", "/usr/bin/chromium")
N_INPUTS = int(os.environ.get("IKT_BENCH_INPUTS", "15"))
QUIET_MS = 600
# Which measurements to run (comma-separated; default all): apptest, profile, slider, robusthet, switch, cold
PARTS = set(os.environ.get("IKT_BENCH_PARTS", "apptest,profile,slider,robusthet,switch,cold").split(","))
SLIDER_LABEL = "Omstillingsevne"  # factor 2's sidebar weight slider
# The browser window: 1400 x 1000 by default (a desk or a projector). Charts far below the window are drawn
# when scrolled to (ui.live_chart); a tall window (e.g. IKT_BENCH_HEIGHT=4000) has every chart in view, so a
# weight change then redraws them all.
VIEWPORT = {"width": 1400, "height": int(os.environ.get("IKT_BENCH_HEIGHT", "1000"))}

REFERENCE_SLIDER_APP = '''import plotly.graph_objects as go
import streamlit as st
v = st.slider("Verdi", 0.0, 100.0, 50.0, step=0.1, key="v")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[v, 100 - v, v / 2]),
                          layout={"title": {"text": f"Verdi {v:.1f}"}, "height": 400}),
                config={"displayModeBar": False})
'''
REFERENCE_NAV_APP = '''import streamlit as st
a = st.Page(lambda: (st.title("Side A"), st.write("Første side.")), title="Side A", url_path="a", default=True)
b = st.Page(lambda: (st.title("Side B"), st.write("Andre side.")), title="Side B", url_path="b")
st.navigation([a, b]).run()
'''

# In-page probes: websocket message log + settle measurement armed on keydown/click (capture phase).
INIT_SCRIPT = """(() => {
  window.__ws = [];
  const Orig = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Orig(...args);
    ws.addEventListener('message', (e) => {
      const n = e.data instanceof ArrayBuffer ? e.data.byteLength : (e.data.size || e.data.length || 0);
      window.__ws.push([performance.now(), n]);
      if (window.__poke) window.__poke();
    });
    return ws;
  };
  window.WebSocket.prototype = Orig.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.__settle = [];
  window.__armed = false;
  const arm = () => {
    if (window.__armed) return;
    window.__armed = true;
    const t0 = performance.now();
    const wsStart = window.__ws.length;
    let last = null, timer = null;
    const root = document.querySelector('[data-testid="stMain"]') || document.body;
    const done = () => {
      if (window.__ws.length === wsStart && performance.now() - t0 < 30000) {  // no reply from the server yet
        timer = setTimeout(done, QUIET_MS);
        return;
      }
      window.__poke = null;
      obs.disconnect();
      const msgs = window.__ws.slice(wsStart).filter(m => m[0] <= last + 1);
      window.__settle.push({settled: last === null ? null : last - t0,
        lastMessage: msgs.length ? msgs[msgs.length - 1][0] - t0 : null,
        messages: msgs.length, bytes: msgs.reduce((s, m) => s + m[1], 0)});
      window.__armed = false;
    };
    const obs = new MutationObserver(() => {
      last = performance.now();
      clearTimeout(timer);
      timer = setTimeout(done, QUIET_MS);
    });
    window.__poke = () => { clearTimeout(timer); timer = setTimeout(done, QUIET_MS); };  // a message resets the wait
    obs.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
    timer = setTimeout(() => { if (last === null) done(); }, 30000);
  };
  document.addEventListener('keydown', arm, true);
  document.addEventListener('click', arm, true);
})();""".replace("QUIET_MS", str(QUIET_MS))


def _settled(page, before: int) -> dict:
    page.wait_for_function(f"window.__settle.length > {before}", timeout=60_000)
    return page.evaluate(f"window.__settle[{before}]")


def _wait_idle(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(QUIET_MS + 200)


def _summary(name: str, runs: list[dict]) -> float:
    ok = [r for r in runs if r["settled"] is not None]
    settled = statistics.median(r["settled"] for r in ok)
    msg = [r["lastMessage"] for r in ok if r["lastMessage"] is not None]
    server = statistics.median(msg) if msg else float("nan")
    print(f"  {name:<44} settled median {settled:6.0f} ms (min {min(r['settled'] for r in ok):.0f}, "
          f"max {max(r['settled'] for r in ok):.0f}, n={len(ok)}/{len(runs)}) · input->last message "
          f"{server:5.0f} ms · render {settled - server:5.0f} ms · "
          f"{statistics.median(r['bytes'] for r in ok) / 1024:6.1f} KiB in "
          f"{statistics.median(r['messages'] for r in ok):.0f} msgs per input")
    return settled


def _press_loop(pairs, n: int) -> list[list[dict]]:
    """pairs: [(page, act)] where act(page, i) makes one input; alternate between them n times each."""
    out: list[list[dict]] = [[] for _ in pairs]
    for i in range(n):
        for j, (page, act) in enumerate(pairs):
            page.bring_to_front()
            before = page.evaluate("window.__settle.length")
            act(page, i)
            out[j].append(_settled(page, before))
            _wait_idle(page)
    return out


def _slider_act(label: str | None):
    def act(page, i):
        sliders = page.locator('[data-testid="stSlider"]')
        thumb = (sliders.filter(has_text=label) if label else sliders).first.locator("input[type=range]")
        thumb.focus()
        thumb.press("PageUp" if i % 2 == 0 else "PageDown")
    return act


def _nav_act(first: str, second: str):
    def act(page, i):
        target = second if i % 2 == 0 else first
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=target).first.click()
    return act


def _open(browser, url: str, ready: str):
    page = browser.new_page(viewport=VIEWPORT)
    page.add_init_script(INIT_SCRIPT)
    page.goto(url)
    page.locator(ready).first.wait_for(timeout=120_000)
    _wait_idle(page)
    return page


def bench_browser(tmp: Path) -> dict[str, tuple[float, float]]:
    from playwright.sync_api import sync_playwright

    ref_dir = tmp / "ref"
    ref_dir.mkdir()
    (ref_dir / "slider_app.py").write_text(REFERENCE_SLIDER_APP)
    (ref_dir / "nav_app.py").write_text(REFERENCE_NAV_APP)
    ratios: dict[str, tuple[float, float]] = {}
    app, ref, nav = Server(None, tmp), Server(ref_dir / "slider_app.py", tmp), Server(ref_dir / "nav_app.py", tmp)
    try:
        with sync_playwright() as p:
            from tests.e2e.conftest import CHROMIUM_ARGS
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            chart = ".js-plotly-plot .main-svg"
            ref_page = _open(browser, ref.url, chart)
            for part, path, name, target in (("slider", "/sammenligning", "«Sammenligning»", 1.2),
                                             ("robusthet", "/robusthet", "«Robusthet»", 1.5)):
                if part not in PARTS:
                    continue
                app_page = _open(browser, app.url + path, chart)
                print(f"weight slider on {name}, {N_INPUTS} inputs each, alternating, window {VIEWPORT} ({load()})")
                r_ref, r_app = _press_loop([(ref_page, _slider_act(None)), (app_page, _slider_act(SLIDER_LABEL))],
                                           N_INPUTS)
                ratios[f"slider {name}"] = (_summary(f"{name}, weight slider", r_app)
                                            / _summary("reference: one slider + one chart", r_ref), target)
                app_page.close()
            ref_page.close()
            if "switch" not in PARTS:
                browser.close()
                return ratios

            nav_page = _open(browser, nav.url, "h1")
            sw_page = _open(browser, app.url + "/samarbeidet", "h1")
            print(f"page switch, {N_INPUTS} switches each, alternating ({load()})")
            r_nav, r_sw = _press_loop([(nav_page, _nav_act("Side A", "Side B")),
                                       (sw_page, _nav_act("Samarbeidet", "Sammenligning"))], N_INPUTS)
            ratios["page switch"] = (_summary("«Samarbeidet» <-> «Sammenligning»", r_sw)
                                     / _summary("reference: two-page st.navigation app", r_nav), 1.5)
            for name, runs in (("«Sammenligning»", r_sw[0::2]), ("«Samarbeidet»", r_sw[1::2]),
                               ("«Side B» (reference)", r_nav[0::2]), ("«Side A» (reference)", r_nav[1::2])):
                ok = [r["settled"] for r in runs if r["settled"] is not None]  # even inputs go to the second page
                print(f"    switch to {name:<24} median {statistics.median(ok):6.0f} ms (n={len(ok)})")
            browser.close()
    finally:
        for s in (app, ref, nav):
            s.stop()
    return ratios


if __name__ == "__main__":
    tmp = Path(tempfile.mkdtemp(prefix="bench-speed-"))
    print(f"machine: {load()} (reference condition: an idle machine)")
    ratios: dict[str, tuple[float, float]] = {}
    if "apptest" in PARTS:
        ratios["AppTest rerun «Sammenligning»"] = (bench_apptest(tmp), 5.0)
    if "profile" in PARTS:
        profile_rerun(tmp)
        profile_rerun(tmp, "pages/robustness.py")
    if Path(CHROMIUM).exists():
        if PARTS & {"slider", "robusthet", "switch"}:
            ratios.update(bench_browser(tmp))
        if "cold" in PARTS:
            app_ms, ref_ms = bench_cold_start(tmp)
            ratios["cold start -> first chart"] = (app_ms / ref_ms, 1.1)
    else:
        print(f"browser: no chromium at {CHROMIUM}, browser figures skipped")
    print(f"\nratios against the minimal reference apps ({load()}; idle machine is the reference condition):")
    for name in ("slider «Sammenligning»", "page switch", "cold start -> first chart", "AppTest rerun «Sammenligning»",
                 "slider «Robusthet»"):
        if name in ratios:
            ratio, target = ratios[name]
            print(f"  {name:<32} {ratio:5.2f}x  (target <= {target}x){'' if ratio <= target else '  ABOVE TARGET'}")
