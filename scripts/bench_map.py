"""Benchmark the «Kart» page: prints figures, asserts nothing.

    .venv/bin/python scripts/bench_map.py [--runs 15] [--no-browser]

1. Figure build time (ikt_model.overview.map.map_figure) per set of borders (today's 357, the default, and
   2015's 428) and colouring, cold and warm (median), with the boundaries by URL (what the page does) and
   embedded in the figure (for comparison: what would be sent on every rerun without the URL).
2. Figure JSON size and the per-run cost st.plotly_chart adds (figure.to_dict + plotly.io.to_json).
3. AppTest: Kart page rerun time after an unrelated widget change (the table's county filter), and after
   a change of colouring (AppTest reruns the whole page; the browser reruns only the fragment).
4. Browser (headless chromium, every non-local request aborted): bytes of every websocket frame the
   browser receives on first load (today's borders), after the unrelated widget change, after the
   colouring change and after switching to 2015 borders; the boundary files fetched over HTTP.
   A frame larger than the figure means the map was re-sent; a small one means Streamlit sent a
   reference (its ForwardMsg cache: an element whose bytes the browser already holds is sent by hash).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import plotly.io  # noqa: E402

from ikt_model.overview import map as kart  # noqa: E402
from ikt_model.overview import map_borders, map_data  # noqa: E402
from ikt_model.overview.db import open_overview_database  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_figure(runs: int) -> None:
    con = open_overview_database(":memory:")
    report_rows = map_data.map_rows(con.cursor())
    for borders in ("today", "2015"):
        t = time.perf_counter()
        map_borders.load_geojson(borders)
        file = REPO / "static" / map_borders.BORDER_FILES[borders]
        print(f"[{borders:5}] GeoJSON parse (once, lru_cache): {_ms(time.perf_counter() - t)}; "
              f"static/{file.name} {file.stat().st_size / 1e6:.2f} MB (fetched once by the browser)")
        t = time.perf_counter()
        rows = map_borders.rows_for_borders(report_rows, borders)
        print(f"[{borders:5}] rows_for_borders (cached per borders by the page): {_ms(time.perf_counter() - t)}")
        url = map_borders.geojson_url("", borders)
        for color_by in ("form", "collaboration"):
            for label, boundaries in (("boundaries by URL (page)", url), ("boundaries embedded", None)):
                successors = borders == "2015"
                t = time.perf_counter()
                fig = kart.map_figure(rows, color_by, successors, boundaries_url=boundaries, borders=borders)
                cold = time.perf_counter() - t
                warm = _median(lambda: kart.map_figure(rows, color_by, successors, boundaries_url=boundaries,
                                                       borders=borders), runs)
                text = plotly.io.to_json(fig, validate=False)
                to_dict = _median(fig.to_dict, runs)
                to_json = _median(lambda: plotly.io.to_json(fig, validate=False), runs)
                print(f"[{borders:5}, {color_by:13}, {label:24}] build: first {_ms(cold)}, median {_ms(warm)}; "
                      f"{len(fig.data)} traces; JSON {len(text) / 1e6:.3f} MB; st.plotly_chart per run: "
                      f"to_dict {_ms(to_dict)} + to_json {_ms(to_json)}")


def bench_apptest(runs: int) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    t = time.perf_counter()
    at.switch_page("pages/map_view.py").run()
    print(f"AppTest Kart first run (builds DB + figure): {_ms(time.perf_counter() - t)}")
    values = ["Oslo", "Alle fylker"]

    def unrelated(i=[0]):
        i[0] += 1
        at.selectbox(key="kart_tabell_fylke").set_value(values[i[0] % 2]).run()

    print(f"AppTest rerun after unrelated widget (county filter), median of {runs}: {_ms(_median(unrelated, runs))}")
    colours = ["collaboration", "form"]

    def colour(i=[0]):
        i[0] += 1
        at.radio(key="kart_farge").set_value(colours[i[0] % 2]).run()

    print(f"AppTest rerun after colouring change (cached figures), median of {runs}: {_ms(_median(colour, runs))}")
    assert not at.exception, at.exception


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_browser() -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import choose_option  # re-opens a selectbox whose first click hit a re-render

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    tmp = Path(tempfile.mkdtemp(prefix="bench_map_"))
    env = {**os.environ, "IKT_STORE_PATH": str(tmp / "store.duckdb")}
    server = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "serve.py"), "--server.headless", "true", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("IKT_CHROMIUM", "/usr/bin/chromium"),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            context = browser.new_context(viewport={"width": 1400, "height": 1500})
            blocked: list[str] = []
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url)
                          else (blocked.append(r.request.url), r.abort()))
            page = context.new_page()
            frames: list[int] = []
            fetched: list[str] = []
            page.on("response", lambda r: fetched.append(f"{r.url.removeprefix(url)} {r.status} "
                                                         f"{r.headers.get('content-length', '?')} B")
                    if "/app/static/" in r.url else None)
            page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
            idle = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
            t = time.perf_counter()
            page.goto(url + "/kart")
            page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation').length >= 357",
                                   timeout=120_000)
            print(f"Browser: today's 357 municipalities drawn {time.perf_counter() - t:.2f} s after navigation "
                  "(cold server)")
            page.wait_for_function(idle)

            def report(label: str) -> None:
                print(f"  {label:46} frames {len(frames):3}, total {sum(frames) / 1e3:8.1f} kB, "
                      f"largest {max(frames, default=0) / 1e3:8.1f} kB")
                frames.clear()

            report("first load (boundaries come by HTTP)")
            page.get_by_text("Kartet som tabell (tekstalternativ)").click()
            page.wait_for_function(idle)
            report("open the table expander (no rerun)")
            choose_option(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Fylke"), "Oslo")
            page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stCaptionContainer\"]')]"
                                   ".some(c => c.innerText.startsWith('1 kommuner'))")
            page.wait_for_function(idle)
            time.sleep(0.5)
            report("unrelated widget (county filter): full rerun")
            page.get_by_test_id("stRadioGroup").get_by_text("Samarbeid", exact=True).click()
            page.wait_for_function("() => [...document.querySelectorAll('.legendtitletext')]"
                                   ".some(t => t.textContent === 'Samarbeid')", timeout=60_000)
            page.wait_for_function(idle)
            time.sleep(0.5)
            report("colouring -> Samarbeid: fragment rerun")
            page.get_by_text("Kommunene i 2015 (428, rapportens tid)").click()
            page.wait_for_function("() => document.querySelectorAll('path.choroplethlocation').length >= 428",
                                   timeout=60_000)
            page.wait_for_function(idle)
            time.sleep(0.5)
            report("borders -> 2015: full rerun, new figure")
            print(f"  static files fetched over HTTP: {fetched}")
            print(f"  requests to third-party hosts (aborted): {blocked}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    bench_figure(args.runs)
    bench_apptest(args.runs)
    if not args.no_browser:
        bench_browser()
    return 0


if __name__ == "__main__":
    sys.exit(main())
