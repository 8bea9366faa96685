"""A full workshop room on one server: N phones over Streamlit's websocket protocol, measured.

Usage: .venv/bin/python scripts/load_workshop.py [--participants 50] [--json]
       [--join-spread S] [--window S] [--url http://127.0.0.1:PORT --store FILE]

Without --url it starts its own server (scripts/serve.py, the project's .streamlit/config.toml, a
temporary store) on a free loopback port, and stops it at the end. With --url it drives a running
loopback server (give --store to read the stored votes back after it has been stopped).

What one run does (one asyncio client per phone, see scripts/stclient.py, no browser):
  1. The facilitator opens «Workshop (fasilitator)» and creates a workshop (its live view polls).
  2. N phones open /delta?kode=... spread over --join-spread seconds (a room scanning the QR code):
     page HTML, health, host-config, websocket, first run until «Send inn stemmen» is there.
  3. Each phone weighs the twelve factors and submits after a few seconds' thought; then every
     phone revises once during the discussion (spread over --revise-spread seconds) and once more
     at the same moment as all the others (the burst: the hardest case for losses and
     confirmations; its latency is printed on its own line).
  4. Waiting: CPU of the server process over --window seconds with every phone polling.
  5. The facilitator reveals the group result; phones wait for it; CPU over another window.
  6. Server stopped, store read back: every acknowledged vote must be there (lost = acknowledged
     but not stored) and every stored vote must have been confirmed to its phone.

Figures (targets from the workshop's limit of 200 participants):
  load      time from the first HTTP request to a usable vote form, per phone (target: all < 2 s)
  votes     acknowledged vs stored, lost, stored-but-never-confirmed (target: 0 and 0)
  confirm   submit -> the phone shows «lagret ... (sendt inn N)» for that submission (p95 < 1 s,
            first votes and discussion revisions; the burst separately)
  facilitator  a phone's acknowledged first vote -> «Antall svar» counts it (p95 < 3 s)
  cpu       server CPU while all phones wait, before and after the reveal (< 25 % of one core)
Bounded: at most 250 phones, every wait has a timeout, the whole run has --max-seconds.
The phones and the facilitator: scripts/load_phones.py; the server and its store: scripts/load_server.py.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import re
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from load_phones import Phone, confirmed_revision, facilitator_create, phone_life  # noqa: E402
from load_server import Server, cpu_seconds, rss_mb, stored_revisions  # noqa: E402
from stclient import LOOPBACK, StSession  # noqa: E402

MAX_PHONES = 250
GROUP_SHOWN = re.compile(r"Gruppens resultat \((\d+) svar\)")


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100) of `values`, or None when empty."""
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, max(0, -(-q * len(values) // 100) - 1))]


async def scenario(args, base_url: str, server_pid: int | None) -> dict:
    rng = random.Random(args.seed)
    out: dict = {"participants": args.participants}
    fac, code = await facilitator_create(base_url, "Lasttest – full sal")
    out["code"] = "****-****"  # never printed in full
    phones = [Phone(i, StSession(base_url, "delta", query=f"kode={code}")) for i in range(args.participants)]
    gates = (asyncio.Event(), asyncio.Event())
    done: asyncio.Queue = asyncio.Queue()
    t0 = time.perf_counter()
    offsets = sorted(rng.uniform(0, args.join_spread) for _ in phones)
    tasks = [asyncio.create_task(phone_life(p, offsets[p.index], t0, random.Random(args.seed * 1000 + p.index),
                                            gates, done, args)) for p in phones]
    for label, gate in (("join", None), ("discussion", gates[0]), ("burst", gates[1])):
        if gate is not None:
            await asyncio.sleep(1.0)
            gate.set()               # the discussion round (spread), then everyone at once
        c0, w0, own0 = (cpu_seconds(server_pid) if server_pid else 0.0), time.perf_counter(), sum(os.times()[:2])
        for _ in phones:
            await done.get()
        wall = time.perf_counter() - w0
        out[f"cpu_{label}"] = ((cpu_seconds(server_pid) - c0) / wall) if server_pid else None
        out[f"client_cpu_{label}"] = (sum(os.times()[:2]) - own0) / wall
    await asyncio.gather(*tasks)
    out["all_submitted_s"] = time.perf_counter() - t0

    async def measure(label: str) -> None:
        if server_pid is None:
            return
        c0, w0 = cpu_seconds(server_pid), time.perf_counter()
        await asyncio.sleep(args.window)
        out[f"cpu_{label}"] = (cpu_seconds(server_pid) - c0) / (time.perf_counter() - w0)
        out[f"rss_mb_{label}"] = rss_mb(server_pid)

    await asyncio.sleep(args.settle)
    out["poll_intervals_before"] = sorted({i for p in phones for i in p.session.poll_intervals})
    await measure("waiting")

    reveal = fac.find("button", "^Vis resultatet for deltakerne$")
    revealed_at = time.perf_counter()
    if reveal is not None:
        await fac.run(triggers=(reveal.id,))

        async def see(phone: Phone) -> None:
            try:
                await phone.session.wait_for(lambda: phone.session.events_since(revealed_at, GROUP_SHOWN),
                                             args.timeout)
                phone.reveal_s = phone.session.events_since(revealed_at, GROUP_SHOWN)[0][0] - revealed_at
            except TimeoutError:
                pass

        await asyncio.gather(*(see(p) for p in phones if p.load_s is not None))
        await asyncio.sleep(args.settle)
        out["poll_intervals_after"] = sorted({i for p in phones for i in p.session.poll_intervals})
        await measure("revealed")
    else:
        out["reveal_error"] = "no reveal button"

    # the facilitator's view: a phone's acknowledged first vote -> counted in «Antall svar»
    counts = [(ev.at, int(re.sub(r"\D", "", ev.text.split("Antall svar", 1)[1]) or 0))
              for ev in fac.events if ev.kind == "metric" and "Antall svar" in ev.text]
    acks = sorted(p.first_ack_at for p in phones if p.first_ack_at is not None)
    fresh = []
    for k, at in enumerate(acks, start=1):
        seen = next((t for t, n in counts if t >= at and n >= k), None)
        fresh.append(None if seen is None else seen - at)
    out["facilitator_updates"] = len(counts)
    out["facilitator_fresh"] = fresh
    out["poll_runs"] = sum(p.session.fragment_runs for p in phones)
    out["phones"] = phones
    for p in phones:
        await p.session.close()
    await fac.close()
    return out


def summarise(out: dict, stored: dict[str, int] | None) -> dict:
    phones: list[Phone] = out.pop("phones")
    n = len(phones)
    for p in phones:  # confirmed = what the page ever showed as stored, also after a wait timed out
        p.acked = max(p.acked, confirmed_revision(p.session, 0.0))
    loads = [p.load_s for p in phones if p.load_s is not None]
    first = [lat for p in phones for kind, _, lat in p.submits if kind == "first"]
    revis = [lat for p in phones for kind, _, lat in p.submits if kind == "revision"]
    burst = [lat for p in phones for kind, _, lat in p.submits if kind == "burst"]
    confirm = [x for x in first + revis if x is not None]
    res = {
        "participants": n,
        "loaded": len(loads), "loaded_within_2s": sum(1 for x in loads if x <= 2.0),
        "load_p50_s": pct(loads, 50), "load_p95_s": pct(loads, 95), "load_max_s": max(loads, default=None),
        "submissions": len(first) + len(revis) + len(burst),
        "acknowledged": sum(p.acked for p in phones),
        "confirm_timeouts": sum(1 for x in first + revis if x is None),
        "burst_timeouts": sum(1 for x in burst if x is None),
        "burst_p50_s": pct([x for x in burst if x is not None], 50),
        "burst_p95_s": pct([x for x in burst if x is not None], 95),
        "confirm_p50_s": pct(confirm, 50), "confirm_p95_s": pct(confirm, 95),
        "confirm_first_p95_s": pct([x for x in first if x is not None], 95),
        "confirm_revision_p95_s": pct([x for x in revis if x is not None], 95),
        "confirm_max_s": max(confirm, default=None),
        "facilitator_p95_s": pct([x for x in out["facilitator_fresh"] if x is not None], 95),
        "facilitator_missed": sum(1 for x in out["facilitator_fresh"] if x is None),
        "facilitator_updates": out["facilitator_updates"],
        "reveal_seen": sum(1 for p in phones if p.reveal_s is not None),
        "reveal_p95_s": pct([p.reveal_s for p in phones if p.reveal_s is not None], 95),
        "cpu_waiting": out.get("cpu_waiting"), "cpu_revealed": out.get("cpu_revealed"),
        "rss_mb": out.get("rss_mb_revealed") or out.get("rss_mb_waiting"),
        "cpu_phases": {k: out.get(f"cpu_{k}") for k in ("join", "discussion", "burst")},
        "client_cpu_phases": {k: out.get(f"client_cpu_{k}") for k in ("join", "discussion", "burst")},
        "loadavg": os.getloadavg()[0],
        "poll_intervals_before": out.get("poll_intervals_before"),
        "poll_intervals_after": out.get("poll_intervals_after"),
        "poll_runs": out["poll_runs"],
        "all_submitted_s": out["all_submitted_s"],
        "errors": [f"phone {p.index}: {p.error}" for p in phones if p.error][:5],
        "error_count": sum(1 for p in phones if p.error),
    }
    if stored is not None:
        lost = unconfirmed = 0
        for p in phones:
            token = p.token()
            have = stored.get(hashlib.sha256(token.encode()).hexdigest(), 0) if token else 0
            lost += max(0, p.acked - have)
            unconfirmed += max(0, have - p.acked)
        res.update(stored=sum(stored.values()), stored_participants=len(stored), lost=lost,
                   stored_unconfirmed=unconfirmed)
    return res


def report(res: dict) -> list[str]:
    def s(x, nd=2):
        return "–" if x is None else f"{x:.{nd}f} s"

    def ok(cond) -> str:
        return "meets target" if cond else "MISSES target"

    n = res["participants"]
    cpu_w, cpu_r = res.get("cpu_waiting"), res.get("cpu_revealed")
    lines = [
        f"room {n} phones: load p50 {s(res['load_p50_s'])}, p95 {s(res['load_p95_s'])}, max "
        f"{s(res['load_max_s'])}; {res['loaded_within_2s']}/{n} within 2 s "
        f"[{ok(res['loaded_within_2s'] == n)}: every phone < 2 s]",
        f"room votes: {res['submissions']} submitted (first, revision, burst), {res['acknowledged']} "
        f"acknowledged, stored {res.get('stored', '?')} (from {res.get('stored_participants', '?')} phones), "
        f"lost {res.get('lost', '?')}, stored but never confirmed {res.get('stored_unconfirmed', '?')} "
        f"[{ok(res.get('lost') == 0 and res.get('stored_unconfirmed') == 0)}: 0 and 0]",
        f"room confirmation (votes and revisions as people make them): p50 {s(res['confirm_p50_s'])}, p95 "
        f"{s(res['confirm_p95_s'])} (first vote p95 {s(res['confirm_first_p95_s'])}, revisions p95 "
        f"{s(res['confirm_revision_p95_s'])}), max {s(res['confirm_max_s'])}, not confirmed within the timeout "
        f"{res['confirm_timeouts']} "
        f"[{ok(res['confirm_p95_s'] is not None and res['confirm_p95_s'] <= 1.0 and not res['confirm_timeouts'])}"
        ": p95 < 1 s]",
        f"room burst (every phone revises at the same moment): confirmation p50 {s(res['burst_p50_s'])}, p95 "
        f"{s(res['burst_p95_s'])}, not confirmed within the timeout {res['burst_timeouts']} (no target; "
        "the votes/lost line above counts it)",
        f"room facilitator view: acknowledged vote -> counted p95 {s(res['facilitator_p95_s'])}, never seen "
        f"{res['facilitator_missed']} ({res['facilitator_updates']} updates) "
        f"[{ok(res['facilitator_p95_s'] is not None and res['facilitator_p95_s'] <= 3.0)}: p95 < 3 s]",
        f"room cpu while waiting (server process, share of one core): before reveal "
        f"{'–' if cpu_w is None else f'{cpu_w * 100:.1f} %'}, after reveal "
        f"{'–' if cpu_r is None else f'{cpu_r * 100:.1f} %'}; RSS {res['rss_mb'] or 0:.0f} MB; polls every "
        f"{res['poll_intervals_before']} s before, {res['poll_intervals_after']} s after "
        f"[{ok(cpu_w is not None and cpu_r is not None and max(cpu_w, cpu_r) < 0.25)}: < 25 %]",
        "room cpu while submitting (server / this load client, share of one core): " + ", ".join(
            f"{k} {'–' if v is None else f'{v * 100:.0f} %'} / {res['client_cpu_phases'][k] * 100:.0f} %"
            for k, v in res["cpu_phases"].items()) + f"; machine load average {res['loadavg']:.1f} "
        f"on {os.cpu_count()} cores",
        f"room reveal: {res['reveal_seen']}/{res['loaded']} phones showed the group result, p95 "
        f"{s(res['reveal_p95_s'])}; all submissions done after {res['all_submitted_s']:.0f} s; phone errors "
        f"{res['error_count']} {res['errors'] if res['errors'] else ''}".rstrip(),
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--join-spread", type=float, default=None,
                        help="seconds over which phones arrive (default: 0,15 s per phone, at least 5)")
    parser.add_argument("--window", type=float, default=20.0, help="seconds of CPU measurement per phase")
    parser.add_argument("--settle", type=float, default=6.0)
    parser.add_argument("--revise-spread", type=float, default=15.0,
                        help="seconds over which phones revise during the discussion round")
    parser.add_argument("--timeout", type=float, default=30.0, help="per wait (load, confirmation, reveal)")
    parser.add_argument("--max-seconds", type=float, default=420.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--url", help="a running loopback server instead of starting one")
    parser.add_argument("--store", type=Path, help="with --url: the server's store file (read if not locked)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--server-arg", action="append", default=[],
                        help="extra option for scripts/serve.py, e.g. --server-arg=--runner.postScriptGC=true")
    args = parser.parse_args(argv)
    if not 1 <= args.participants <= MAX_PHONES:
        parser.error(f"--participants must be 1..{MAX_PHONES}")
    if args.join_spread is None:
        args.join_spread = max(5.0, 0.15 * args.participants)
    if args.url and urllib.request.urlparse(args.url).hostname not in LOOPBACK:
        parser.error("--url must be a loopback address")

    with tempfile.TemporaryDirectory() as tmp:
        server = None
        if args.url:
            base, store, pid = args.url.rstrip("/"), args.store, None
        else:
            server = Server(Path(tmp) / "store.duckdb", Path(tmp) / "server.log", args.server_arg)
            base, store, pid = server.url, server.store, server.pid
        try:
            out = asyncio.run(asyncio.wait_for(scenario(args, base, pid), args.max_seconds))
        finally:
            if server is not None:
                server.stop()
        stored = None
        if store is not None:
            try:
                stored = stored_revisions(store)
            except Exception as exc:  # a running server holds the lock: say so, no figure
                print(f"store not read back ({type(exc).__name__}); stop the server first", file=sys.stderr)
        res = summarise(out, stored)
    if args.json:
        print(json.dumps(res))
    else:
        print("\n".join(report(res)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
