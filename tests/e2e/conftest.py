"""Browser tests: a real Streamlit server on loopback + Debian chromium via Playwright.

Every request that leaves for a host other than the app's own server is aborted
and recorded (`external_requests`), so a test can assert the app works offline.

IKT_E2E_BUSY_LOOPS=N (N <= 8) runs the browser tests beside N busy CPU loops (`while True: pass` in
their own processes, started for the session and killed at its end, each stopping by itself after
IKT_E2E_BUSY_SECONDS, default 3600): the tests must also pass on a loaded machine.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("IKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI: browser tests need chromium at {CHROMIUM}, none found")
    skip = pytest.mark.skip(reason=f"NO BROWSER at {CHROMIUM}: browser tests skipped (apt-get install chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


BUSY_LOOPS_ENV = "IKT_E2E_BUSY_LOOPS"
BUSY_LOOP = "import sys, time\nend = time.monotonic() + float(sys.argv[1])\nwhile time.monotonic() < end: pass\n"


@pytest.fixture(scope="session", autouse=True)
def busy_cpu_loops():
    """N busy CPU loops for the whole browser-test session (IKT_E2E_BUSY_LOOPS), killed at its end."""
    n = int(os.environ.get(BUSY_LOOPS_ENV, "0") or 0)
    if not 0 <= n <= 8:
        raise pytest.UsageError(f"{BUSY_LOOPS_ENV} must be between 0 and 8, not {n}")
    limit = os.environ.get("IKT_E2E_BUSY_SECONDS", "3600")
    loops = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP, limit]) for _ in range(n)]
    try:
        yield loops
    finally:
        for proc in loops:
            proc.kill()
            proc.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """A Streamlit server process for the tests; `url` is its base URL."""

    def __init__(self, tmp: Path, env_extra: dict[str, str] | None = None):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "IKT_STORE_PATH": str(tmp / "store.duckdb"), **(env_extra or {})}
        self.log = open(tmp / f"streamlit-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "scripts" / "serve.py"),
             "--server.headless", "true", "--server.address", "127.0.0.1",
             "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60, poll: float = 0.2) -> None:
        """Until /_stcore/health answers «ok» (asked every `poll` s); RuntimeError if the server exits first
        or `timeout` s pass."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early, see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(poll)
        raise RuntimeError("streamlit did not become healthy")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("app"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def external_requests(context, app_server):
    """Abort and record every request that is not for the app's own server."""
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(app_server.url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return blocked


@pytest.fixture
def app_page(page, app_server, external_requests):
    """A page whose non-local requests are blocked; open paths with `app_page.goto(app_server.url + '/...')`."""
    page.set_default_timeout(30_000)
    return page


@contextmanager
def fresh_page(browser, app_server) -> Iterator:
    """A page in a new browser context (another person's browser: no session, no cookies) that may only
    reach the app's own host; the context is closed afterwards."""
    context = browser.new_context()
    try:
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(app_server.url) else r.abort())
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
    finally:
        context.close()


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished the current script run.

    The app's own run state (`data-test-script-state` on stApp) is checked as well as the status widget: the
    widget shows only some time into a run, and before the first run has begun the state is «initial». On a
    busy machine the widget check alone passed before the page had drawn its last chart."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        """() => { const app = document.querySelector('[data-testid="stApp"]');
                   const state = app && app.dataset.testScriptState;
                   return (state === 'notRunning' || state === 'compilationError')
                       && !document.querySelector('[data-testid="stStatusWidget"]'); }""", timeout=30_000
    )


def draw_every_chart(page, timeout: int = 30_000) -> int:
    """Scroll each live chart on the page into view in turn and wait until it is drawn (or says why it could
    not be): a chart far below the window is drawn only when it comes near (ui.live_chart). Returns how many
    live charts the page has; the page is scrolled back to the top.

    A chart never drawn before holds the height it will be drawn at: checked here (within 2 px), since a
    wrong guess moves the page under the reader's eyes when the chart draws.

    The charts are counted once every live-chart component in the main area has built its box: the run can
    be over before a component's script has (a fresh clone's CI counted 1 of 3 on «Sammenligning»)."""
    page.wait_for_function("""() => {
        const parts = document.querySelectorAll('[data-testid="stMain"] [data-testid="stBidiComponentRegular"]');
        return parts.length > 0 && [...parts].every(p => p.querySelector('.ikt-chart'));
    }""", timeout=timeout)
    charts = page.locator(".ikt-chart")
    count = charts.count()
    for i in range(count):
        held = page.evaluate("i => { const d = document.querySelectorAll('.ikt-chart .ikt-live-chart')[i];"
                             " return d.iktPending && !d.classList.contains('js-plotly-plot') ?"
                             " d.getBoundingClientRect().height : null; }", i)
        charts.nth(i).scroll_into_view_if_needed()
        page.wait_for_function(
            "i => { const d = document.querySelectorAll('.ikt-chart .ikt-live-chart')[i];"
            " return d && !d.iktPending && (d.classList.contains('js-plotly-plot') || d.dataset.failed); }",
            arg=i, timeout=timeout)
        drawn = page.evaluate("i => document.querySelectorAll('.ikt-chart .ikt-live-chart')[i]"
                              ".getBoundingClientRect().height", i)
        assert held is None or abs(drawn - held) <= 2, f"chart {i} held {held} px and was drawn {drawn} px high"
    page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    return count


def choose_option(page, selectbox, option: str, attempts: int = 3) -> None:
    """Open a Streamlit selectbox (or multiselect) and pick `option`, as a user who types its name would.
    A click that lands while the element is still re-rendering can leave the list closed, so the opening
    click is repeated until the list shows. The name is typed before the option is clicked: a list longer
    than its popover scrolls, a scroll draws its rows anew, and under two busy loops the click on «Oslo»
    in «Kart»'s county box found its row detached again and again for 30 s. Typed, the option is at the top."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    item = page.get_by_role("option", name=option, exact=True)
    selectbox.wait_for()
    for _ in range(attempts):
        selectbox.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    page.keyboard.type(option)
    item.first.click()


# The parts each page draws only while their expander is open (issue 14), by URL path: a test that checks a whole
# page (accessibility, screen-reader labels) opens them first, so the fields in them are checked too.
FOLDED_PARTS = {"samarbeidet": ("Medlemmer", "Forhold som påvirker vurderingen"),
                "sammenligning": ("Hva om …? (endrer profilen)", "Hvorfor? De sterkeste grunnene")}


def expander(page, label: str):
    """The main area's expander whose title contains `label` (its `[data-testid="stExpander"]` element)."""
    return page.locator('[data-testid="stMain"] [data-testid="stExpander"]').filter(
        has=page.locator("summary", has_text=label))


def is_open(page, label: str) -> bool:
    """Whether the main area's expander labelled `label` is open (its <details> element)."""
    return expander(page, label).locator("details").first.evaluate("d => d.open")


def open_expander(page, label: str, scroll: bool = True) -> None:
    """Open the main area's expander labelled `label` if it is closed, and wait until its content is drawn.

    Some parts of «Samarbeidet» and «Sammenligning» are drawn only while their expander is open (issue 14): the
    click reruns the script, which draws the content; the run is waited for before a field in it is used. An
    expander already open (the app remembers it across page switches) is left as it is. With `scroll=False`
    the title is clicked where it is, without scrolling it into view (a chart below the window then stays
    below it, as when the page comes back with the expander left open)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = expander(page, label)
    details = box.locator("details").first
    details.wait_for()
    for attempt in range(3):  # a click while the page's run is still drawing can be undone by that run: again
        if details.evaluate("d => d.open"):
            break
        summary = box.locator("summary").first
        if scroll:
            summary.click()
        else:
            summary.evaluate("s => s.click()")
        try:
            page.wait_for_function("d => d.open", arg=details.element_handle(), timeout=8_000)
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            wait_for_app(page)
    box.locator('[data-testid="stExpanderDetails"] [data-testid="stElementContainer"]').first.wait_for()
    wait_for_app(page)


def switch_on(page, label: str) -> None:
    """Switch on the main area's toggle labelled `label` and wait until the profile has taken it (the address
    bar's ?s= changes) and the run is over.

    On a loaded machine a click on a switch just drawn was lost now and then (CI: no new address for 30 s; a
    probe clicking 0–400 ms into the drawing run, beside three busy loops, kept every click): the switch is
    clicked again until it stays on. Raises AssertionError when three clicks leave it off."""
    switch = page.locator('[data-testid="stMain"] [data-testid="stCheckbox"]').filter(has_text=label).first
    before = page.evaluate("location.search")
    for _ in range(3):
        if switch.locator("input").is_checked():
            break
        switch.get_by_text(label, exact=True).click()
        try:
            page.wait_for_function("s => s.checked", arg=switch.locator("input").element_handle(), timeout=3_000)
            page.wait_for_timeout(500)  # a run that undoes the click comes within this on a loaded machine
        except Exception:  # noqa: BLE001 (not on: clicked again)
            wait_for_app(page)
    assert switch.locator("input").is_checked(), f"«{label}» ble ikke slått på"
    page.wait_for_function(f"() => location.search !== {before!r}")
    wait_for_app(page)


def open_folded_parts(page, path: str) -> None:
    """Open every expander of the page at URL path `path` whose content is drawn only while open (FOLDED_PARTS)."""
    for label in FOLDED_PARTS.get(path, ()):
        open_expander(page, label)


def hold_answers(page) -> dict:
    """Route the app's connection so that the server's answers can be held back and then let through in order:
    a loaded laptop or a slow network, where the user acts before the last answer has arrived. Call before
    the page is opened; set ["on"], wait for ["finished"] runs, then `let_through`."""
    held = {"on": False, "answers": [], "finished": 0}

    def route(ws):
        server = ws.connect_to_server()
        ws.on_message(server.send)

        def answer(message):
            if not held["on"]:
                ws.send(message)
                return
            held["answers"].append((ws, message))
            if isinstance(message, bytes):
                forward = ForwardMsg()
                forward.ParseFromString(message)
                held["finished"] += forward.WhichOneof("type") == "script_finished"
        server.on_message(answer)

    page.route_web_socket(re.compile(r"/_stcore/stream"), route)
    return held


def wait_for_answers(page, held: dict, runs: int) -> None:
    """Wait until the server has finished `runs` runs whose answers `hold_answers` holds back (30 s at most)."""
    end = time.monotonic() + 30
    while held["finished"] < runs:
        assert time.monotonic() < end, f"the server finished {held['finished']} of {runs} runs"
        page.wait_for_timeout(50)


def let_through(held: dict) -> None:
    """Let the held answers reach the page, in the order the server sent them, and stop holding."""
    held["on"] = False
    for ws, message in held["answers"]:
        ws.send(message)
    held["answers"].clear()
