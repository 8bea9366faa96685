"""What-if speed against minimal reference apps (issue 14). Prints figures and ratios; asserts nothing.

Five ratios, each measured side by side with a minimal Streamlit app in the same run:
1. weight slider on «Sammenligning» -> page settled, vs a one-slider + one-plotly-chart app (target <= 1.2x)
2. page switch «Samarbeidet» <-> «Sammenligning» -> settled, vs a minimal two-page st.navigation app (<= 1.5x)
3. cold start of the server -> first chart drawn on «Sammenligning», vs the one-chart app (<= 1.1x)
4. AppTest rerun of «Sammenligning» after a weight change, vs a bare one-slider page (<= 5x); the rerun
   is what a weight change reruns in the browser too (the weighted fragments, see app.py)
5. the same weight slider on «Robusthet» -> settled, vs the one-chart app (<= 1.5x)

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
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHROMIUM = os.environ.get("IKT_CHROMIUM", "/usr/bin/chromium")
N_INPUTS = int(os.environ.get("IKT_BENCH_INPUTS", "15"))
N_COLD = int(os.environ.get("IKT_BENCH_COLD_STARTS", "5"))
QUIET_MS = 600
# Which measurements to run (comma-separated; default all): apptest, profile, slider, robusthet, switch, cold
PARTS = set(os.environ.get("IKT_BENCH_PARTS", "apptest,profile,slider,robusthet,switch,cold").split(","))
SLIDER_LABEL = "Omstillingsevne"  # factor 2's sidebar weight slider

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


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} on {os.cpu_count()} cores"


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Streamlit server for `script` (None = this project's app through scripts/serve.py)."""

    def __init__(self, script: Path | None, tmp: Path):
        self.started = time.perf_counter()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = ([sys.executable, str(REPO / "scripts" / "serve.py")] if script is None
               else [sys.executable, "-m", "streamlit", "run", str(script)])
        self.log = open(tmp / f"server-{self.port}.log", "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [*cmd, "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=REPO if script is None else script.parent, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "IKT_STORE_PATH": str(tmp / f"store-{self.port}.duckdb")})
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"server for {script or 'app'} did not become healthy")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


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
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
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
                print(f"weight slider on {name}, {N_INPUTS} inputs each, alternating ({load()})")
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
            browser.close()
    finally:
        for s in (app, ref, nav):
            s.stop()
    return ratios


def bench_cold_start(tmp: Path) -> tuple[float, float]:
    """Process start -> first plotly chart drawn in a fresh browser context, alternating app and reference."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS
    ref_script = tmp / "ref" / "slider_app.py"
    times: dict[str, list[float]] = {"app": [], "ref": []}
    print(f"cold start -> first chart, {N_COLD} starts each, alternating ({load()})")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(N_COLD):
            for name, script, path in (("ref", ref_script, ""), ("app", None, "/sammenligning")):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                server = Server(script, tmp)
                try:
                    page.goto(server.url + path)
                    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=120_000)
                    times[name].append((time.perf_counter() - server.started) * 1000)
                finally:
                    context.close()
                    server.stop()
        browser.close()
    app, ref = statistics.median(times["app"]), statistics.median(times["ref"])
    print(f"  «Sammenligning» first chart   median {app:6.0f} ms "
          f"(min {min(times['app']):.0f}, max {max(times['app']):.0f})")
    print(f"  reference first chart         median {ref:6.0f} ms "
          f"(min {min(times['ref']):.0f}, max {max(times['ref']):.0f})")
    return app, ref


def _median_ms(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_apptest(tmp: Path) -> float:
    from streamlit.testing.v1 import AppTest

    os.environ.setdefault("IKT_STORE_PATH", str(tmp / "apptest-store.duckdb"))
    bare = tmp / "bare.py"
    bare.write_text("import streamlit as st\nv = st.slider('x', 0, 100, 5, key='s')\nst.write(v)\n")
    print(f"AppTest rerun after a slider change, 30 reruns each ({load()})")
    at_bare = AppTest.from_file(str(bare), default_timeout=60)
    at_bare.run()
    values = iter(list(range(6, 100)) * 3)
    bare_ms = _median_ms(lambda: at_bare.slider(key="s").set_value(next(values)).run(), 30)

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/comparison.py").run()
    points = iter([round(5 + 0.5 * i, 1) for i in range(90)])
    times = []
    for _ in range(30):
        slider = at.slider(key="weight_slider_2")
        t0 = time.perf_counter()
        slider.set_value(next(points)).run()  # what a weight change reruns (the weighted fragments)
        times.append((time.perf_counter() - t0) * 1000)
        at.run()  # untimed full run: the sliders are back in the element tree for the next change
    page_ms = statistics.median(times)
    print(f"  bare one-slider page           median {bare_ms:6.1f} ms")
    print(f"  «Sammenligning», weight change median {page_ms:6.1f} ms")
    return page_ms / bare_ms


def profile_rerun(tmp: Path, page: str = "pages/comparison.py", key: str = "weight_slider_2", runs: int = 9) -> None:
    """Where a weight change's server time goes: every message the script run sends, grouped by element
    type, with the script time spent before it (since the previous message) and its size (median run)."""
    import collections

    from streamlit.runtime.scriptrunner_utils import script_run_context as src
    from streamlit.testing.v1 import AppTest

    os.environ.setdefault("IKT_STORE_PATH", str(tmp / "apptest-store.duckdb"))
    log: list[tuple[float, str, int]] = []
    original = src.ScriptRunContext.enqueue

    def enqueue(self, msg):
        kind = msg.WhichOneof("type")
        if kind == "delta":
            delta = msg.delta.WhichOneof("type")
            kind = msg.delta.new_element.WhichOneof("type") if delta == "new_element" else delta
        log.append((time.perf_counter(), kind, msg.ByteSize()))
        return original(self, msg)

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    points = iter([round(5 + 0.5 * i, 1) for i in range(200)])
    at.slider(key=key).set_value(next(points)).run()
    src.ScriptRunContext.enqueue = enqueue
    at.run()
    measured = []
    try:
        for _ in range(runs):
            slider = at.slider(key=key)
            log.clear()
            t0 = time.perf_counter()
            slider.set_value(next(points)).run()
            measured.append((time.perf_counter() - t0, t0, list(log)))
            at.run()  # a full run (not profiled): the sliders are back in the element tree
    finally:
        src.ScriptRunContext.enqueue = original
    measured.sort(key=lambda m: m[0])
    total, t0, messages = measured[len(measured) // 2]
    print(f"profile: one AppTest rerun of {page} after a weight change ({load()}): {total * 1000:.1f} ms, "
          f"{len(messages)} messages, {sum(m[2] for m in messages) / 1024:.1f} KiB")
    groups: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0, 0])
    previous = t0
    for at_time, kind, size in messages:
        group = groups[kind]
        group[0] += 1
        group[1] += at_time - previous
        group[2] += size
        previous = at_time
    for kind, (count, seconds, size) in sorted(groups.items(), key=lambda g: -g[1][1]):
        print(f"  {kind:<22} x{count:<3} script time before it {seconds * 1000:6.1f} ms  {size / 1024:6.1f} KiB")


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
