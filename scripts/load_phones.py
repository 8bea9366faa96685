"""The people in the room for scripts/load_workshop.py, one asyncio client each over Streamlit's websocket
protocol (scripts/stclient.py): the facilitator who creates the workshop, and a phone that joins, votes after
thinking, revises, and records how long each confirmation took.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field

from stclient import StSession

CONFIRM = re.compile(r"(?:sendt inn|innsending nr\.)\s+(\d+)")
CODE = re.compile(r"^#\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$")


@dataclass
class Phone:
    index: int
    session: StSession
    load_s: float | None = None
    submits: list[tuple[str, float, float | None]] = field(default_factory=list)  # (kind, sent, latency)
    acked: int = 0              # highest revision the phone was shown as stored
    first_ack_at: float | None = None
    reveal_s: float | None = None
    error: str | None = None

    def token(self) -> str | None:
        m = re.search(r"(?:^|&)t=([A-Za-z0-9_-]+)", self.session.query)
        return m.group(1) if m else None


def confirmed_revision(session: StSession, since: float) -> int:
    """Highest revision number the page has confirmed since `since` (0 if none)."""
    return max((int(m.group(1)) for _, m in session.events_since(since, CONFIRM)), default=0)


async def facilitator_create(base_url: str, title: str) -> tuple[StSession, str]:
    fac = StSession(base_url, "workshop")
    await fac.fetch_shell()
    await fac.open()
    await fac.run()
    await fac.wait_for(lambda: fac.find("button", "^Opprett workshop$"), 60)
    title_input = fac.find("text_input", "Tittel på workshopen")
    fac.set_value(title_input.id, string_value=title)
    await fac.run(triggers=(fac.find("button", "^Opprett workshop$").id,))

    def code() -> str | None:
        for ev in fac.events:
            if ev.kind == "markdown" and (m := CODE.match(ev.text)):
                return m.group(1)
        return None

    return fac, await fac.wait_for(code, 60)


async def submit(phone: Phone, rng: random.Random, timeout: float, kind: str) -> None:
    s = phone.session
    button = s.find("button", "^(Send inn stemmen|Lagre endret stemme)$")
    if button is None:
        phone.error = "no submit button"
        return
    for slider in s.widgets("slider"):
        s.set_value(slider.id, double_array_value=[float(rng.randint(0, 10))])
    revision = phone.acked + 1
    sent = time.perf_counter()
    await s.run(triggers=(button.id,))
    try:
        await s.wait_for(lambda: confirmed_revision(s, sent) >= revision, timeout)
        latency = time.perf_counter() - sent
        phone.acked = max(phone.acked, revision)
        if revision == 1:
            phone.first_ack_at = time.perf_counter()
    except TimeoutError:
        latency = None
    phone.submits.append((kind, sent, latency))
    # the form must be back (a full run) before this phone can revise again
    try:
        await s.wait_for(lambda: s.find("button", "^Lagre endret stemme$"), timeout)
    except TimeoutError:
        pass


async def phone_life(phone: Phone, start_at: float, t0: float, rng: random.Random,
                     gates: tuple[asyncio.Event, asyncio.Event], done: asyncio.Queue, args) -> None:
    """Join, vote after thinking, revise once during the discussion (spread), then once more at the
    same moment as every other phone (the burst)."""
    await asyncio.sleep(max(0.0, t0 + start_at - time.perf_counter()))
    s = phone.session
    began = time.perf_counter()
    try:
        await s.fetch_shell()
        await s.open()
        await s.run()
        await s.wait_for(lambda: s.find("button", "^Send inn stemmen$"), 60)
        phone.load_s = time.perf_counter() - began
        await asyncio.sleep(rng.uniform(2.0, 8.0))  # moving twelve sliders
        await submit(phone, rng, args.timeout, "first")
    except Exception as exc:  # one phone's failure is a figure, not a crash
        phone.error = phone.error or repr(exc)
    finally:
        done.put_nowait(phone.index)
    discussion, burst = gates
    for gate, spread, kind in ((discussion, args.revise_spread, "revision"), (burst, 0.0, "burst")):
        await gate.wait()
        await asyncio.sleep(rng.uniform(0, spread))
        if phone.acked and not phone.error:
            try:
                await submit(phone, rng, args.timeout, kind)
            except Exception as exc:
                phone.error = repr(exc)
        done.put_nowait(phone.index)
