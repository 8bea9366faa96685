"""A minimal Streamlit client that speaks the app's websocket protocol, for load tests on loopback.

One `StSession` is one browser tab: it opens `/_stcore/stream`, sends `BackMsg.rerun_script`
messages the way Streamlit's frontend does (query string, page name, widget states, fragment
id, `is_auto_rerun`) and reads the `ForwardMsg`s it gets back (protobufs from `streamlit.proto`).
It keeps what a tab needs to act like a phone:

* the elements of the latest run (by delta path) and every element with the time it arrived
  (`events`), so a caller can wait for a text such as «Takk!»;
* the page's query string (the server may add `?t=...` with `page_info_changed`);
* the `auto_rerun` timers of `st.fragment(run_every=...)`: like the frontend it sends a fragment
  rerun every `interval` seconds until a new full run or `stop_auto_rerun` clears it.

Only for loopback servers (the load client refuses other hosts). No browser, no JavaScript: the
server does all the work it does for a real phone, the client only parses protobufs.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def text_of(element) -> str:
    """The human-readable text of an Element protobuf (label/body of the common kinds), or ''."""
    kind = element.WhichOneof("type")
    if kind is None:
        return ""
    inner = getattr(element, kind)
    parts = []
    for name in ("label", "body", "text", "value", "title"):
        value = getattr(inner, name, None)
        if isinstance(value, str) and value:
            parts.append(value)
    return " ".join(parts)


@dataclass
class Event:
    at: float            # time.perf_counter() when the element arrived
    kind: str            # Element oneof name: "alert", "markdown", "metric", "button", ...
    text: str
    fragment: bool       # delivered by a fragment run


@dataclass
class StSession:
    """One browser tab on one page of the app. Use `await open()`, then `run()` / `wait_text()`."""

    base_url: str
    page: str                      # url path of the page, e.g. "delta"
    query: str = ""                # query string without "?"
    locale: str = "nb-NO"
    on_event: Callable[[StSession, Event], None] | None = None
    elements: dict[tuple, object] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    widget_values: dict[str, WidgetState] = field(default_factory=dict)
    page_hash: str = ""
    finished_runs: int = 0
    fragment_runs: int = 0
    errors: list[str] = field(default_factory=list)
    bytes_in: int = 0

    def __post_init__(self) -> None:
        host = urlsplit(self.base_url).hostname
        if host not in LOOPBACK:
            raise ValueError(f"load client talks to loopback servers only, not {host!r}")
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._timers: dict[str, tuple[float, asyncio.Task]] = {}
        self._finished = asyncio.Event()
        self._changed = asyncio.Event()
        self._in_fragment_run = False

    # -- connection -------------------------------------------------------------------------
    async def fetch_shell(self) -> None:
        """What a browser fetches over HTTP before the websocket: the page HTML, health, host-config."""
        def get(path: str) -> None:
            with urllib.request.urlopen(self.base_url + path, timeout=30) as r:
                r.read()
        loop = asyncio.get_running_loop()
        for path in (f"/{self.page}?{self.query}", "/_stcore/health", "/_stcore/host-config"):
            await loop.run_in_executor(None, get, path)

    async def open(self) -> None:
        url = self.base_url.replace("http://", "ws://") + "/_stcore/stream"
        self._ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None,
                                            open_timeout=60, ping_interval=None)
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        for _, task in self._timers.values():
            task.cancel()
        self._timers.clear()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()

    # -- sending ----------------------------------------------------------------------------
    async def run(self, *, triggers: tuple[str, ...] = (), fragment_id: str = "", auto: bool = False) -> None:
        """Send a rerun like the frontend: current widget values (+ one-shot triggers)."""
        msg = BackMsg()
        rs = msg.rerun_script
        rs.query_string = self.query
        if self.page_hash:
            rs.page_script_hash = self.page_hash
        else:
            rs.page_name = self.page
        rs.fragment_id = fragment_id
        rs.is_auto_rerun = auto
        rs.context_info.timezone = "Europe/Oslo"
        rs.context_info.locale = self.locale
        rs.context_info.url = f"{self.base_url}/{self.page}" + (f"?{self.query}" if self.query else "")
        for ws in self.widget_values.values():
            rs.widget_states.widgets.append(ws)
        for wid in triggers:
            rs.widget_states.widgets.add(id=wid, trigger_value=True)
        if not fragment_id:
            self._finished.clear()
        await self._ws.send(msg.SerializeToString())

    def set_value(self, widget_id: str, **value) -> None:
        """Remember a widget's value (e.g. int_value=3, double_array_value=...) for the next runs."""
        ws = WidgetState(id=widget_id)
        for name, v in value.items():
            if name == "double_array_value":
                ws.double_array_value.data.extend(v)
            elif name == "string_array_value":
                ws.string_array_value.data.extend(v)
            else:
                setattr(ws, name, v)
        self.widget_values[widget_id] = ws

    # -- receiving --------------------------------------------------------------------------
    async def _read(self) -> None:
        try:
            async for data in self._ws:
                self.bytes_in += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except (websockets.ConnectionClosed, asyncio.CancelledError):
            pass
        except Exception as exc:  # counted, reported by the caller
            self.errors.append(repr(exc))
        finally:
            self._finished.set()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        now = time.perf_counter()
        if kind == "new_session":
            # sent at the start of every run; a fragment run names its fragment(s) and keeps the page
            self._in_fragment_run = bool(msg.metadata.run.fragment_ids)
            if not self._in_fragment_run:
                self.elements.clear()
        elif kind == "navigation":
            if msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "delta":
            frag = self._in_fragment_run
            if msg.delta.WhichOneof("type") == "new_element":
                el = msg.delta.new_element
                self.elements[tuple(msg.metadata.delta_path)] = el
                ev = Event(now, el.WhichOneof("type") or "", text_of(el), frag)
                self.events.append(ev)
                if self.on_event:
                    self.on_event(self, ev)
                self._changed.set()
        elif kind == "auto_rerun":
            self._start_timer(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fid in msg.stop_auto_rerun.fragment_ids:
                self._stop_timer(fid)
        elif kind == "script_finished":
            status = msg.script_finished
            if status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                self.fragment_runs += 1
            elif status == ForwardMsg.FINISHED_SUCCESSFULLY:
                self.finished_runs += 1
                self._finished.set()
            self._changed.set()

    def _start_timer(self, fragment_id: str, interval: float) -> None:
        if not fragment_id:
            return
        old = self._timers.get(fragment_id)
        if old and old[0] == interval:
            return
        self._stop_timer(fragment_id)

        async def tick() -> None:
            while True:
                await asyncio.sleep(interval)
                try:
                    await self.run(fragment_id=fragment_id, auto=True)
                except websockets.ConnectionClosed:
                    return

        self._timers[fragment_id] = (interval, asyncio.create_task(tick()))

    def _stop_timer(self, fragment_id: str) -> None:
        old = self._timers.pop(fragment_id, None)
        if old:
            old[1].cancel()

    @property
    def poll_intervals(self) -> list[float]:
        return sorted(interval for interval, _ in self._timers.values())

    # -- queries ----------------------------------------------------------------------------
    async def wait_full_run(self, timeout: float) -> None:
        await asyncio.wait_for(self._finished.wait(), timeout)

    async def wait_for(self, predicate: Callable[[], object], timeout: float):
        """Wait until `predicate()` is truthy (checked after every element/run); returns its value."""
        deadline = time.perf_counter() + timeout
        while True:
            value = predicate()
            if value:
                return value
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), left)
            except TimeoutError:
                pass

    def find(self, kind: str, pattern: str | re.Pattern):
        """The first element of the latest run of this kind whose text matches `pattern`."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        for path in sorted(self.elements):
            el = self.elements[path]
            if el.WhichOneof("type") == kind and rx.search(text_of(el)):
                return getattr(el, kind)
        return None

    def widgets(self, kind: str) -> list:
        return [getattr(el, kind) for _, el in sorted(self.elements.items()) if el.WhichOneof("type") == kind]

    def events_since(self, t0: float, pattern: re.Pattern) -> list[tuple[float, re.Match]]:
        out = []
        for ev in self.events:
            if ev.at >= t0 and (m := pattern.search(ev.text)):
                out.append((ev.at, m))
        return out
