"""Start the app: `python scripts/serve.py [--section.option value ...]` (what `make run` does).

Why not plain `streamlit run app.py`?
  * Pages live in `pages/` (registered with st.navigation). A fresh server process would give its
    first request Streamlit's legacy multipage mode, and a deep link such as /delta would show a
    "Page not found" dialog once (e.g. the first participant to scan a workshop QR code after a
    restart). Clearing that process-wide flag before the server starts gives every session the
    navigation-only behaviour.
  * Security headers: the app must not be framed by other sites (clickjacking). Streamlit has no
    option for that, so the app is served as `st.App` with a small middleware that adds
    `Content-Security-Policy: frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN` (plus
    `nosniff` and `Referrer-Policy: same-origin`) to every HTTP response.
  * The store: checked once at start, beside the starting server (logged: in order, or what is wrong
    and what to do), and
    reported by a health route, `GET /_ikt/health` (JSON; HTTP 503 while the store has a fault).
    Streamlit's own `/_stcore/health` only says the server is up.
  * Charts early: on «Sammenligning» and «Robusthet» the HTML page starts loading plotly.js as soon as it
    has been read, beside the server's first run (ikt_model.ui.live_chart).
  * Norwegian numbers: widgets that let the browser format numbers (the weight sliders, «localized»
    and «percent» formats) would follow the browser's language («6.3» in an English browser). The app's
    HTML page gets a first script that pins that number format to Norwegian (ikt_model.ui.widgets),
    before Streamlit draws anything.
  * One BLAS thread per matrix product (numpy): many sessions' scripts share few cores (limit_blas_threads).
  * Warm-up: imports, knowledge base, scoring and the comparison figures are done once in a background
    thread (ikt_model.ui.warmup) while the server starts and the first browser loads Streamlit's
    JavaScript, so the first page run finds them ready.

Options: the same `--section.option value` flags as `streamlit run` (e.g. `--server.port 8502`);
the project's settings come from `.streamlit/config.toml` beside app.py.
"""

from __future__ import annotations

import gzip
import logging
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
sys.path.insert(0, str(REPO))

SECURITY_HEADERS = [
    (b"content-security-policy", b"frame-ancestors 'self'"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
HEALTH_PATH = "/_ikt/health"
LOG = logging.getLogger("ikt_model.serve")


class SecurityHeaders:
    """ASGI middleware: adds SECURITY_HEADERS to every HTTP response (not to websocket frames)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *[(n, v) for n, v in SECURITY_HEADERS if n not in names]]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class NorwegianNumbers:
    """ASGI middleware: puts the Norwegian number-format script first in the app's HTML page (see
    ikt_model.ui.widgets.with_locale_script) and, on the pages with live charts, the script that starts
    loading plotly.js at page load (ikt_model.ui.live_chart.with_early_plotly). Only text/html answers are
    changed; a gzip-compressed page (8 KB) is sent uncompressed, any other encoding unchanged."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        import streamlit as st

        from ikt_model.ui.live_chart import with_early_plotly
        from ikt_model.ui.widgets import with_locale_script

        start: dict | None = None
        body: list[bytes] = []

        async def send_page(message):
            nonlocal start
            if message["type"] == "http.response.start":
                headers = {name.lower(): value for name, value in message.get("headers", [])}
                encoding = headers.get(b"content-encoding", b"identity").lower()
                if headers.get(b"content-type", b"").startswith(b"text/html") and encoding in (b"identity", b"gzip"):
                    start = message  # held back until the whole page is here
                    return
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = b"".join(body)
                headers = dict((n.lower(), v) for n, v in start.get("headers", []))
                if headers.get(b"content-encoding", b"").lower() == b"gzip":
                    page = gzip.decompress(page)
                page = with_early_plotly(with_locale_script(page), scope.get("path", ""),
                                         st.get_option("server.baseUrlPath"))
                headers = [(n, v) for n, v in start.get("headers", [])
                           if n.lower() not in (b"content-length", b"content-encoding")]
                await send({**start, "headers": [*headers, (b"content-length", str(len(page)).encode())]})
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, send_page)


def store_status():
    """The store's state through the process-wide connection (opened here if it is not yet)."""
    from ikt_model.config import get_settings
    from ikt_model.store.connection import shared_store
    from ikt_model.store.faults import StoreUnavailable
    from ikt_model.store.health import StoreStatus, check

    try:
        con = shared_store()
    except StoreUnavailable as fault:
        return StoreStatus(ok=False, kind=fault.kind, message=fault.message,
                           path=str(get_settings().store_path), detail=fault.detail)
    return check(con=con)


async def health(request):
    """`GET /_ikt/health`: {"app": "ok", "store": {"ok", "kind", "message"}}; 503 while the store
    has a fault. No path and no process id (anyone who reaches the server may ask)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse

    from ikt_model.store.connection import read, shared_store
    from ikt_model.store.faults import StoreUnavailable

    def probe():
        try:
            read(shared_store(), "SELECT count(*) FROM duckdb_tables()")
        except StoreUnavailable as fault:
            return {"ok": False, "kind": fault.kind, "message": fault.message}
        return {"ok": True, "kind": None, "message": "Lageret er i orden."}

    state = await run_in_threadpool(probe)
    return JSONResponse({"app": "ok", "store": state}, status_code=200 if state["ok"] else 503)


def log_store_status() -> None:
    """Check the store and log the result (in order, or what is wrong and what to do)."""
    status = store_status()
    if status.ok:
        LOG.info("store: %s File: %s", status.message, status.path)
    else:
        LOG.error("store: %s (%s) %s", status.message, status.path, status.detail)


def warm() -> None:
    """Warm the process (see ikt_model.ui.warmup); a fault is logged, not raised: the first page run meets
    the same fault and reports it to the user."""
    try:
        import time

        from ikt_model.ui.warmup import warm as warm_process

        steps = warm_process()
        t0 = time.perf_counter()
        # Streamlit's emoji table: imported by the first st.info/st.warning/st.error of the process (their
        # icon check), compiling one large pattern: 0,3-0,4 s of the first «Sammenligning» otherwise
        import streamlit.emojis  # noqa: F401

        steps["Streamlit's emoji table"] = time.perf_counter() - t0
        LOG.info("warm-up: %s", ", ".join(f"{k} {v:.2f} s" for k, v in steps.items()))
    except Exception:
        LOG.exception("warm-up skipped")


def start_in_background() -> None:
    """The store check, then the warm-up, beside the starting server: neither delays the moment the server
    answers (opening DuckDB and the imports took about 0.3 s before the server started)."""
    log_store_status()
    warm()


def parse_flags(argv: list[str]) -> dict:
    """`--server.port 8502` / `--server.port=8502` -> {"server.port": 8502}, typed like Streamlit's CLI."""
    from streamlit import config

    out: dict = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("--"):
            raise SystemExit(f"ukjent argument: {arg} (bruk --seksjon.valg verdi)")
        name, eq, value = arg[2:].partition("=")
        if not eq:
            if i + 1 >= len(argv):
                raise SystemExit(f"{arg} mangler verdi")
            value = argv[i + 1]
            i += 1
        option = config._config_options_template.get(name)
        if option is None:
            raise SystemExit(f"ukjent valg: --{name}")
        if option.type is bool:
            out[name] = value.strip().lower() in ("1", "true", "yes", "ja")
        elif option.type in (int, float):
            out[name] = option.type(value)
        else:
            out[name] = value
        i += 1
    return out


# One thread per BLAS call (numpy's matrix products: SMAA on «Robusthet», the scoring): the server runs every
# session's script in a thread of its own on a few cores, and OpenBLAS's own threads then compete with them. On
# this project's 2-core machine under load (load average 5), SMAA with 10 000 draws took a median 46-102 ms with
# OpenBLAS's threads and 17-19 ms with one (p90 162-341 against 48-111 ms). An operator's own setting is kept.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def limit_blas_threads(environ) -> None:
    """Set each of BLAS_THREAD_VARIABLES to "1" in `environ` (a mutable mapping, os.environ) unless set already.
    Takes effect only before numpy is first imported (OpenBLAS reads it when it is loaded): main() calls it first."""
    for name in BLAS_THREAD_VARIABLES:
        environ.setdefault(name, "1")


def main(argv: list[str]) -> None:
    import os

    limit_blas_threads(os.environ)  # before streamlit, which imports numpy
    import streamlit as st
    from starlette.middleware import Middleware
    from starlette.routing import Route
    from streamlit.runtime.pages_manager import PagesManager

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    flags = parse_flags(argv)
    PagesManager.uses_pages_directory = False
    threading.Thread(target=start_in_background, name="store check and warm-up", daemon=True).start()
    app = st.App(APP, middleware=[Middleware(SecurityHeaders), Middleware(NorwegianNumbers)],
                 routes=[Route(HEALTH_PATH, health)])
    sys.argv = [str(APP)]  # st.App.run takes the launcher's folder for .streamlit/config.toml: app.py's
    app.run(config=flags)


if __name__ == "__main__":
    main(sys.argv[1:])
