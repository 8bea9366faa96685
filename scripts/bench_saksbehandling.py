"""Benchmark: decision memo, cost key, share codec and scenario store. Prints medians (ms).

    .venv/bin/python scripts/bench_saksbehandling.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ikt_model.costs.inputs import parse_cost_input  # noqa: E402
from ikt_model.costs.split import split_costs  # noqa: E402
from ikt_model.decision.profile import Profile  # noqa: E402
from ikt_model.decision.weights import default_weights, preset  # noqa: E402
from ikt_model.memo import build_memo, render_docx, render_html  # noqa: E402
from ikt_model.municipalities import municipalities_2015, municipalities_today, successors_2024  # noqa: E402
from ikt_model.scenarios.model import export_json, import_json, scenario_from_state  # noqa: E402
from ikt_model.scenarios.store import ScenarioStore  # noqa: E402
from ikt_model.store.connection import connect_store  # noqa: E402
from ikt_model.ui.share import decode_state, encode_state  # noqa: E402
from ikt_model.workspaces import WorkspaceDenied, WorkspaceRepository  # noqa: E402


def bench(label: str, fn, repeat: int = 20) -> float:
    fn()  # warm-up (caches, imports)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    print(f"{label:<58} median {median:9.2f} ms   (min {min(times):.2f}, max {max(times):.2f}, n={repeat})")
    return median


def _refused(spaces, link: str) -> None:
    try:
        spaces.open(link)
    except WorkspaceDenied:
        return
    raise AssertionError("a wrong link opened a workspace")


def main() -> None:
    profile = Profile(name="Søre Sunnmøre IKT", members=["1515", "1511", "1514"], municipalities=3)
    weights = default_weights()
    split = split_costs(parse_cost_input(members=profile.members, budget_kr=12_000_000, equal_share=0.3))
    workshop = {"title": "W", "participants": 8, "method": "Gjennomsnitt", "dissent": [(1, 0.08), (3, 0.05)]}
    print("Beslutningsnotat")
    bench("build_memo, no robustness", lambda: build_memo(profile, weights, robustness=None))
    bench("build_memo + robustness_summary (10 000 SMAA samples)",
          lambda: build_memo(profile, weights, workshop=workshop, costs=split), repeat=10)
    memo = build_memo(profile, weights, workshop=workshop, costs=split)
    bench("render_html", lambda: render_html(memo))
    bench("render_docx (python-docx)", lambda: render_docx(memo))
    bench("one click total (build + html + docx)",
          lambda: (lambda m: (render_html(m), render_docx(m)))(build_memo(profile, weights, workshop=workshop,
                                                                         costs=split)), repeat=10)
    print(f"  sizes: html {len(render_html(memo)) / 1024:.1f} KiB, docx {len(render_docx(memo)) / 1024:.1f} KiB")

    print("Kostnadsfordeling")
    everyone = sorted(municipalities_today())
    for n in (3, 20, 357):
        members = everyone[:n]
        bench(f"parse + split_costs, {n} members", lambda m=members: split_costs(
            parse_cost_input(members=m, budget_kr=1_234_567_891, equal_share=0.37)))
    successors = successors_2024()
    old = [k for k in sorted(municipalities_2015()) if len(successors[k].alle) == 1]  # not the split ones
    bench(f"parse + split_costs, {len(old)} 2015 numbers (mapped and merged to 357)", lambda: split_costs(
        parse_cost_input(members=old, budget_kr=1_234_567_891, equal_share=0.37)))

    print("Delt lenke og scenarier")
    text = encode_state(Profile(host_on_robek=True, members=everyone[:5], municipalities=5), preset("like"),
                        {"ff.as.1": 2})
    print(f"  share value length: {len(text)} characters (default state: {len(encode_state(Profile(), weights))})")
    bench("encode_state", lambda: encode_state(Profile(host_on_robek=True), preset("like"), {"ff.as.1": 2}))
    bench("decode_state", lambda: decode_state(text))
    scenario = scenario_from_state("Bench", profile, weights)
    bench("export_json + import_json", lambda: import_json(export_json(scenario)))
    with tempfile.TemporaryDirectory() as tmp:
        con = connect_store(Path(tmp) / "bench.duckdb")
        spaces = WorkspaceRepository(con)
        for _ in range(50):  # a store with other workspaces in it
            spaces.create()
        workspace, secret = spaces.create()
        store = ScenarioStore(con, workspace)
        raw = secret.get_secret_value()
        good = f"{workspace.id}.{raw}"
        refusals = {"wrong secret": f"{workspace.id}.{raw[::-1]}", "unknown id": f"{'f' * 16}.{raw}",
                    "truncated": good[:-5]}
        bench("workspace open (the right link)", lambda: spaces.open(good), repeat=200)
        for label, link in refusals.items():
            bench(f"workspace open refused: {label}", lambda link=link: _refused(spaces, link), repeat=200)
        counter = iter(range(10_000))
        bench("store.save (new scenario, committed)",
              lambda: store.save(scenario_from_state(f"S{next(counter)}", profile, weights)))
        bench("store.list (~20 scenarios)", store.list)
        bench("store.get", lambda: store.get("S1"))
        con.close()


if __name__ == "__main__":
    main()
