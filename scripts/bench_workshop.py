"""Benchmark the workshop: store under 100 simultaneous submissions, aggregation, browser latency.

Usage: .venv/bin/python scripts/bench_workshop.py [--rounds 3] [--no-browser] [--votes 5]

Prints:
  store   100 threads submit at once (cursor per call, write lock, one transaction each):
          wall time until all are committed, p50/p95/max latency per submission; then 100 revisions.
  aggregation  group_result for 40 and 200 participants (median of 20).
  browser  a vote submitted on a phone page -> visible in the facilitator's live view
           (Date.now() at the click vs. MutationObserver on the "Antall svar" metric, both in-page),
           against the refresh interval + 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ikt_model.decision.profile import Profile  # noqa: E402
from ikt_model.store.connection import connect_store  # noqa: E402
from ikt_model.workshop import access, aggregation  # noqa: E402
from ikt_model.workshop.models import Vote  # noqa: E402
from ikt_model.workshop.repository import WorkshopRepository  # noqa: E402


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q / 100 * len(values) + 0.5) - 1))]


def store_round(n: int = 100) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        repo = WorkshopRepository(connect_store(Path(tmp) / "store.duckdb"))
        workshop, key = repo.create("Benk", "poeng", Profile())
        tokens = [access.new_participant_token() for _ in range(n)]
        out = {}
        for phase in ("first", "revise"):
            barrier = threading.Barrier(n + 1)
            lat: list[float] = []
            errors: list[str] = []

            def submit(i: int, token: str) -> None:
                barrier.wait()
                t0 = time.perf_counter()
                try:
                    repo.submit_vote(workshop.code, token, f"P{i}", points={1 + i % 12: 1 + i % 10, 3: 2})
                    lat.append(time.perf_counter() - t0)
                except Exception as exc:  # counted, printed
                    errors.append(repr(exc))

            threads = [threading.Thread(target=submit, args=(i, t)) for i, t in enumerate(tokens)]
            for t in threads:
                t.start()
            start = time.perf_counter()
            barrier.wait()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
            stored = repo.votes(workshop.id, key)
            out[phase] = {"wall": wall, "p50": pct(lat, 50), "p95": pct(lat, 95), "max": max(lat),
                          "errors": len(errors), "stored": len(stored)}
        return out


def bench_store(rounds: int) -> None:
    results = [store_round() for _ in range(rounds)]
    for phase in ("first", "revise"):
        rows = [r[phase] for r in results]
        walls = ", ".join(f"{r['wall'] * 1000:.0f}" for r in rows)
        print(f"store {phase:6s} 100 concurrent: wall (all committed) median "
              f"{statistics.median(r['wall'] for r in rows) * 1000:.0f} ms "
              f"[{walls}]; "
              f"latency p50 {statistics.median(r['p50'] for r in rows) * 1000:.1f} ms, "
              f"p95 {statistics.median(r['p95'] for r in rows) * 1000:.1f} ms, "
              f"max {max(r['max'] for r in rows) * 1000:.1f} ms; "
              f"stored {rows[-1]['stored']}/100, errors {sum(r['errors'] for r in rows)}")


def bench_aggregation() -> None:
    import random
    random.seed(1)
    for n in (40, 200):
        votes = [Vote(participant=f"D{i}", display_name="", revisions=1, updated_at=datetime(2026, 1, 1),
                      points={f: float(random.randint(0, 10)) or 1.0 for f in range(1, 13)}) for i in range(n)]
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            aggregation.group_result(Profile(), votes)
            times.append(time.perf_counter() - t0)
        print(f"aggregation group_result {n} participants: median {statistics.median(times) * 1000:.2f} ms")


def bench_browser(votes: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer, wait_for_app
    from tests.e2e.test_workshop import REFRESH_SECONDS, WATCH_METRIC, WATCH_SUBMIT

    if not Path(CHROMIUM).exists():
        print(f"browser: skipped (no chromium at {CHROMIUM})")
        return
    with tempfile.TemporaryDirectory() as tmp:
        server = AppServer(Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                fac = browser.new_context(viewport={"width": 1400, "height": 1200}).new_page()
                fac.set_default_timeout(30_000)
                fac.goto(server.url + "/workshop")
                wait_for_app(fac)
                fac.get_by_label("Tittel på workshopen").fill("Benk")
                fac.get_by_role("button", name="Opprett workshop").click()
                fac.get_by_text("Venter på de første svarene").wait_for()
                url = fac.locator("code", has_text="/delta?kode=").first.inner_text()
                fac.evaluate(WATCH_METRIC)
                latencies = []
                for i in range(votes):
                    ph = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
                    ph.set_default_timeout(30_000)
                    ph.goto(url)
                    wait_for_app(ph)
                    ph.get_by_role("button", name="Send inn stemmen").wait_for()
                    ph.evaluate(WATCH_SUBMIT)
                    ph.get_by_role("button", name="Send inn stemmen").click()
                    fac.wait_for_function(
                        f"() => (window.__answers || []).some(a => a[0] === '{i + 1}')", timeout=20_000)
                    seen = fac.evaluate(f"window.__answers.find(a => a[0] === '{i + 1}')[1]")
                    latencies.append(seen - ph.evaluate("window.__submitted"))
                    ph.context.close()
                    time.sleep(0.37 * (i % 3))  # spread the clicks over the refresh cycle
                browser.close()
        finally:
            server.stop()
    print(f"browser vote -> facilitator view ({votes} votes, refresh {REFRESH_SECONDS} s, budget "
          f"{(REFRESH_SECONDS + 1) * 1000} ms): median {statistics.median(latencies):.0f} ms, "
          f"max {max(latencies):.0f} ms, all: {', '.join(f'{x:.0f}' for x in latencies)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--votes", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    bench_store(args.rounds)
    bench_aggregation()
    if not args.no_browser:
        bench_browser(args.votes)


if __name__ == "__main__":
    main()
