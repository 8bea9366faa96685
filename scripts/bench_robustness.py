"""Print timings for the robustness features (no assertions): `.venv/bin/python scripts/bench_robustness.py`.

  - SMAA-2, 12 alternatives x 12 criteria x 10 000 draws, per weight/score mode (median of repeated runs)
  - exact stability intervals for all 12 factors
  - robustness_summary (two SMAA runs + intervals + sentences)
  - the «Robusthet» page's AppTest rerun after a weight change (new weights each time: SMAA cache misses)
  - our SMAA against a straightforward pure-Python loop implementation on the same input: the ratio
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from ikt_model.decision.knowledge import default_knowledge_base  # noqa: E402
from ikt_model.decision.profile import Profile  # noqa: E402
from ikt_model.decision.scoring import score_matrix  # noqa: E402
from ikt_model.decision.weights import Weights, default_weights  # noqa: E402
from ikt_model.robustness.reading import robustness_summary  # noqa: E402
from ikt_model.robustness.sensitivity import stability_intervals  # noqa: E402
from ikt_model.robustness.smaa import smaa  # noqa: E402


def median_ms(fn, repeat: int) -> tuple[float, float]:
    """(median wall ms, min wall ms); the min is the best guide on a shared, loaded machine."""
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def cpu_ms(fn, repeat: int) -> float:
    """Median process CPU time (all threads) per call: less sensitive to other processes than wall time."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append((time.process_time() - t) * 1000)
    return statistics.median(times)


def smaa_pure_python(values: list[list[float]], samples: int, seed: int) -> list[list[float]]:
    """Rank acceptabilities and central weights with plain loops (uniform weights, fixed scores)."""
    rng = random.Random(seed)
    m, n = len(values), len(values[0])
    counts = [[0] * m for _ in range(m)]
    central = [[0.0] * n for _ in range(m)]
    for _ in range(samples):
        e = [rng.expovariate(1.0) for _ in range(n)]
        s = sum(e)
        w = [x / s for x in e]
        u = [sum(w[j] * values[i][j] for j in range(n)) for i in range(m)]
        for i in range(m):
            rank = 1 + sum(1 for k in range(m) if u[k] > u[i])
            counts[i][rank - 1] += 1
            if rank == 1:
                for j in range(n):
                    central[i][j] += w[j]
    return [[c / samples for c in row] for row in counts]


def main() -> None:
    kb = default_knowledge_base()
    values = score_matrix(Profile(), kb).values
    w = np.asarray(default_weights().vector())
    load = Path("/proc/loadavg").read_text().split()[0]
    print(f"machine: {Path('/proc/cpuinfo').read_text().count('processor')} logical cores (shared), "
          f"load average {load}; numpy {np.__version__}")
    print("\nSMAA-2, 12 x 12, 10 000 draws (wall median / wall min of 20 runs / CPU median, ms):")
    for weight_mode in ("uniform", "ordinal", "around"):
        for score_mode in ("fixed", "step", "uniform"):
            def run():
                return smaa(values, weight_mode, w, samples=10_000, score_mode=score_mode)
            med, best = median_ms(run, 20)
            target = "  (target <= 20 ms)" if score_mode == "fixed" and weight_mode == "uniform" else ""
            print(f"  weights={weight_mode:<8} scores={score_mode:<8} {med:7.2f}  {best:7.2f}  {cpu_ms(run, 10):7.2f}"
                  f"{target}")

    med, best = median_ms(lambda: stability_intervals(values, w), 50)
    print(f"\nstability intervals, 12 factors (median / min of 50, ms): {med:.3f} / {best:.3f}  (target <= 5 ms)")
    med, best = median_ms(lambda: robustness_summary(Profile(), default_weights(), kb), 10)
    print(f"robustness_summary (median / min of 10, ms): {med:.1f} / {best:.1f}")

    t = time.process_time()
    pure = smaa_pure_python(values.tolist(), 10_000, 1)
    pure_ms = (time.process_time() - t) * 1000
    ours_ms = cpu_ms(lambda: smaa(values, "uniform", samples=10_000, seed=1), 20)
    ours = np.array(smaa(values, "uniform", samples=10_000, seed=1).rank_acceptability)
    print(f"\npure-Python loop SMAA (same input, uniform, fixed; CPU time): {pure_ms:.0f} ms; ours {ours_ms:.2f} ms; "
          f"ratio {pure_ms / ours_ms:.0f}x; max |b difference| {np.abs(np.array(pure) - ours).max():.4f} "
          "(different random streams, both within Monte Carlo error)")

    from streamlit.testing.v1 import AppTest

    from ikt_model.ui import session
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/robustness.py").run()
    times = []
    base = dict(default_weights().points)
    for k in range(15):
        points = {**base, 6: 5.0 + 2.0 * k}
        at.session_state[session.WEIGHTS] = Weights(points=points)
        t = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t) * 1000)
        assert not at.exception, at.exception
    print(f"\n«Robusthet» AppTest rerun after a weight change (15 new weights; SMAA cache misses): "
          f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms")
    times = []
    for _ in range(10):
        t = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t) * 1000)
    print(f"«Robusthet» AppTest rerun with unchanged inputs (SMAA from st.cache_data): "
          f"median {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    main()
