"""What-if speed: the servers under test (the app through its launcher, or a reference app) and the cold start
from process start to the first chart in a fresh browser. Used by scripts/bench_speed.py.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_rerun import load

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.e2e.conftest import AppServer, _free_port  # noqa: E402  (the browser tests' server: stop, health)

CHROMIUM = os.environ.get("IKT_CHROMIUM", "/usr/bin/chromium")
N_COLD = int(os.environ.get("IKT_BENCH_COLD_STARTS", "5"))


class Server(AppServer):
    """A Streamlit server for `script` (None = this project's app through scripts/serve.py); `started` is
    the perf_counter at process start. Health is asked every 50 ms (the cold start's resolution)."""

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
        self._wait_healthy(timeout=90, poll=0.05)


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
