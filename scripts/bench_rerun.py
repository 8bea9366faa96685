"""What-if speed, server side (issue 14): an AppTest rerun after a weight change against a bare one-slider page,
and a profile of what one rerun sends. Run by scripts/bench_speed.py, which also measures the browser side.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} on {os.cpu_count()} cores"


def median_ms(fn, n: int) -> float:
    """Median wall time of `n` calls of `fn()`, in ms (also used by bench_core.py)."""
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
    bare_ms = median_ms(lambda: at_bare.slider(key="s").set_value(next(values)).run(), 30)

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
