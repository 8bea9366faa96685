"""Benchmark the national overview: page rerun after a filter change (AppTest), DuckDB queries, user
SQL — on the real overview (41 collaborations) and a synthetic one 100x larger (4,100); and uploaded
versions: validating and storing a 4,100-row upload (CSV and .xlsx), and the overview page rerun on a
4,100-row uploaded version against the report's 41-row version 1 in the same session (target <= 2x).

    .venv/bin/python scripts/bench_overview.py [--runs 20] [--factors 1 100] [--upload-rows 4100]

Each factor runs in its own process (the page's st.cache_resource connection is per process) with
IKT_OVERVIEW_DB pointing at a pre-built, scaled database file. Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


CPU_TIMES: list[float] = []  # CPU time of the last median_ms/timed call (robust on a shared, loaded machine)


def median_ms(fn, runs: int) -> tuple[float, float, float]:
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    CPU_TIMES[:] = cpu
    return statistics.median(times), min(times), max(times)


def cpu_note() -> str:
    return f"  cpu median {statistics.median(CPU_TIMES):6.1f} ms"


def worker(factor: int, runs: int) -> None:
    from ikt_model.overview import charts, queries, table261
    from ikt_model.overview.db import open_overview_database, synthetic_scale
    from ikt_model.overview.sqlsafe import SqlLimits, locked_connection, run_user_sql

    folder = Path(tempfile.mkdtemp(prefix="bench-oversikt-"))
    path = folder / "oversikt.duckdb"
    start = time.perf_counter()
    con = open_overview_database(str(path))
    build_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    synthetic_scale(con, factor)
    scale_ms = (time.perf_counter() - start) * 1000
    n = con.execute("SELECT count(*) FROM samarbeid").fetchone()[0]
    m = con.execute("SELECT count(*) FROM medlemskap").fetchone()[0]
    print(f"\n== factor {factor}: {n} samarbeid, {m} medlemskap "
          f"(build {build_ms:.0f} ms, scale {scale_ms:.0f} ms)")
    cur = con.cursor()
    f_all = queries.OverviewFilter()
    f_iks = queries.OverviewFilter(forms=("iks",), regions=("Midt", "Agder"))
    frame = queries.collaborations(cur, f_all)
    cases = {
        "collaborations(all)": lambda: queries.collaborations(cur, f_all),
        "collaborations(iks, 2 regions)": lambda: queries.collaborations(cur, f_iks),
        "key_figures(all)": lambda: queries.key_figures(cur, f_all),
        "filter_options": lambda: queries.filter_options(cur),
        "v_kommune_samarbeid (all rows)": lambda: cur.execute("SELECT * FROM v_kommune_samarbeid").df(),
        "table261.comparison": lambda: table261.comparison(cur),
        "table261.explanations": lambda: table261.explanations(cur),
        "4 charts (graph_objects)": lambda: [charts.forms_bar(frame), charts.timeline(frame),
                                             charts.municipalities_histogram(frame), charts.population_bar(frame)],
    }
    for label, fn in cases.items():
        med, lo, hi = median_ms(fn, runs)
        print(f"  {label:34s} median {med:7.2f} ms  (min {lo:.2f}, max {hi:.2f}){cpu_note()}")
    con.close()

    locked = locked_connection(path, SqlLimits())
    sql = "SELECT organisasjonsform, count(*), avg(folketall) FROM v_samarbeid_oversikt GROUP BY ALL"
    med, lo, hi = median_ms(lambda: run_user_sql(sql, locked), runs)
    print(f"  {'user SQL (group by on view)':34s} median {med:7.2f} ms  (min {lo:.2f}, max {hi:.2f}){cpu_note()}")
    locked.close()

    os.environ["IKT_OVERVIEW_DB"] = str(path)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    start = time.perf_counter()
    at.switch_page("pages/overview.py").run()
    first_ms = (time.perf_counter() - start) * 1000
    assert not at.exception, at.exception
    print(f"  {'page first run (AppTest)':34s} {first_ms:7.0f} ms")
    # new filter values each time (cache miss: DuckDB queries run) ...
    pairs = [(a, b) for a in range(1997, 2016) for b in range(2015, a - 1, -1)]
    cold, cold_cpu = [], []
    for i in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        at.slider(key="ov_years").set_value(pairs[i * 7 % len(pairs)]).run()
        cold.append((time.perf_counter() - start) * 1000)
        cold_cpu.append((time.process_time() - start_cpu) * 1000)
        assert not at.exception, at.exception
    at.slider(key="ov_years").set_value((1997, 2015)).run()
    # ... and a few values revisited (st.cache_data hit)
    values = [["iks"], ["par27"], [], ["vertskommune", "iks"]]
    warm, warm_cpu = [], []
    for i in range(runs + len(values)):
        start, start_cpu = time.perf_counter(), time.process_time()
        at.multiselect(key="ov_forms").set_value(values[i % len(values)]).run()
        if i >= len(values):
            warm.append((time.perf_counter() - start) * 1000)
            warm_cpu.append((time.process_time() - start_cpu) * 1000)
        assert not at.exception, at.exception
    for label, times, cpu in (("page rerun, new filter (AppTest)", cold, cold_cpu),
                              ("page rerun, cached filter", warm, warm_cpu)):
        print(f"  {label:34s} median {statistics.median(times):7.1f} ms  "
              f"(min {min(times):.1f}, max {max(times):.1f}, n={len(times)})  "
              f"cpu median {statistics.median(cpu):6.1f} ms")


def synthetic_upload_rows(n: int, seed: int = 7) -> list[dict]:
    """`n` template rows: today's municipalities (2-12 members, neighbours in number order), every 2026 form."""
    import random

    from ikt_model.municipalities import municipalities_today
    from ikt_model.overview.forms import FORMS_2026

    rng = random.Random(seed)
    numbers = list(municipalities_today())
    rows = []
    for i in range(n):
        start = rng.randrange(len(numbers))
        size = rng.randint(2, 12)
        rows.append({"samarbeid": f"IKT-samarbeid {i + 1}", "formelt_navn": f"IKT-samarbeid {i + 1} IKS",
                     "organisasjonsform": FORMS_2026[i % len(FORMS_2026)],
                     "medlemmer": [numbers[(start + k) % len(numbers)] for k in range(size)],
                     "etablert_aar": 1990 + i % 36, "ansatte": rng.randint(0, 80), "merknad": None})
    return rows


def upload_worker(n_rows: int, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-versjoner-"))
    os.environ["IKT_STORE_PATH"] = str(folder / "store.duckdb")
    from ikt_model.overview import upload, upload_rows, upload_template, version_diff, version_repository, versions

    rows = synthetic_upload_rows(n_rows)
    csv_bytes, xlsx_bytes = upload_template.template_csv(rows), upload_template.template_xlsx(rows)
    lookup = upload_rows.default_lookup()
    print(f"\n== upload of {n_rows} collaborations ({sum(len(r['medlemmer']) for r in rows)} memberships; "
          f"CSV {len(csv_bytes) / 1024:.0f} KB, xlsx {len(xlsx_bytes) / 1024:.0f} KB)")
    reports = {}
    for label, name, data in (("read + validate CSV", "oversikt.csv", csv_bytes),
                              ("read + validate xlsx (openpyxl)", "oversikt.xlsx", xlsx_bytes)):
        med, lo, hi = median_ms(lambda n=name, d=data: reports.__setitem__(n, upload.read_upload(n, d, lookup)),
                                max(3, runs // 4))
        assert reports[name].ok, reports[name].errors[:3]
        print(f"  {label:34s} median {med:7.1f} ms  (min {lo:.1f}, max {hi:.1f}){cpu_note()}")
    bad = csv_bytes.replace(b";2020;", b";1800;")
    med, lo, hi = median_ms(lambda: upload.read_upload("feil.csv", bad, lookup), max(3, runs // 4))
    print(f"  {'read + validate CSV, refused':34s} median {med:7.1f} ms  (min {lo:.1f}, max {hi:.1f}){cpu_note()}  "
          f"({len(upload.read_upload('feil.csv', bad, lookup).errors)} errors)")
    repo = version_repository.shared_repository()
    start = time.perf_counter()
    info = repo.save(reports["oversikt.csv"].upload, source="oversikt.csv", comment="benchmark", operator=True)
    print(f"  {'save as new version (one transaction)':34s} {(time.perf_counter() - start) * 1000:7.1f} ms")
    start = time.perf_counter()
    diff = version_diff.diff_versions(repo.load(versions.REPORT_VERSION), repo.load(info.id))
    print(f"  {'diff version 1 -> ' + str(info.id):34s} {(time.perf_counter() - start) * 1000:7.1f} ms  "
          f"({len(diff.added)} added, {len(diff.removed)} removed)")

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    results = {}
    for version_id, suffix in ((versions.REPORT_VERSION, ""), (info.id, f"_{info.id}")):
        start = time.perf_counter()
        at.selectbox(key="ov_version").set_value(version_id).run()
        first_ms = (time.perf_counter() - start) * 1000
        assert not at.exception, at.exception
        lo_year, hi_year = at.slider(key=f"ov_years{suffix}").value
        pairs = [(a, b) for a in range(lo_year, hi_year) for b in range(hi_year, a, -1)]
        cold, cold_cpu = [], []
        for i in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            at.slider(key=f"ov_years{suffix}").set_value(pairs[i * 7 % len(pairs)]).run()
            cold.append((time.perf_counter() - start) * 1000)
            cold_cpu.append((time.process_time() - start_cpu) * 1000)
            assert not at.exception, at.exception
        results[version_id] = statistics.median(cold)
        shown = at.metric[0].value
        print(f"  version {version_id} ({shown} samarbeid shown last): switch {first_ms:6.0f} ms; rerun, new filter "
              f"median {statistics.median(cold):7.1f} ms (min {min(cold):.1f}, max {max(cold):.1f}, n={len(cold)})  "
              f"cpu median {statistics.median(cold_cpu):6.1f} ms")
    ratio = results[info.id] / results[versions.REPORT_VERSION]
    print(f"  overview page rerun, {n_rows}-row version / 41-row version: {ratio:.2f}x (target <= 2x)")


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall times include waiting for a CPU; "
          "cpu = this process's CPU time")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--upload-rows", type=int, default=4100, help="rows of the synthetic upload (0: skip)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--upload-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.runs)
        return
    if args.upload_worker:
        upload_worker(args.upload_worker, args.runs)
        return
    for factor in args.factors:
        subprocess.run([sys.executable, __file__, "--worker", str(factor), "--runs", str(args.runs)], check=True,
                       cwd=REPO)
    if args.upload_rows:
        subprocess.run([sys.executable, __file__, "--upload-worker", str(args.upload_rows), "--runs", str(args.runs)],
                       check=True, cwd=REPO)


if __name__ == "__main__":
    main()
