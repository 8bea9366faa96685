"""scripts/serve.py: the project's settings (no full GC after each run), flags, security headers."""

import asyncio
import gzip
import importlib.util
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ikt_model.ui import widgets

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("serve", REPO / "scripts" / "serve.py")
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)


def test_config_turns_off_the_full_gc_after_every_run():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False  # 55-65 ms of CPU per phone refresh otherwise
    assert serve.APP.parent / ".streamlit" / "config.toml" == REPO / ".streamlit" / "config.toml"


def test_config_lets_no_parent_page_message_the_app():
    """Streamlit trusts messages from Community Cloud's hosts by default (to stop or rerun the app from a parent
    page); the app is never embedded there, and the origin check ran for every message the app echoes to itself
    (7-9 ms of a page switch, issue 14). The served host config is checked in the browser tests."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["allowedOrigins"] == []


def test_flags_are_typed_like_streamlit_run():
    flags = serve.parse_flags(["--server.port", "8502", "--server.headless=true", "--server.address", "127.0.0.1"])
    assert flags == {"server.port": 8502, "server.headless": True, "server.address": "127.0.0.1"}


def test_security_headers_added_to_http_not_websocket():
    sent = []

    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]})
        await send({"type": "http.response.body", "body": b"ok"})

    async def send(message):
        sent.append(message)

    # a fresh thread: the browser tests' Playwright loop may still be running in this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, serve.SecurityHeaders(inner)({"type": "http"}, None, send)).result()
    headers = dict(sent[0]["headers"])
    assert headers[b"content-security-policy"] == b"frame-ancestors 'self'"
    assert headers[b"x-frame-options"] == b"SAMEORIGIN"
    assert sent[1]["body"] == b"ok"


def test_script_magic_is_off_and_no_page_relies_on_it():
    """Magic off saves an AST pass per compile; a bare expression on a page would then silently show nothing."""
    import ast

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False
    bare = []
    for path in [REPO / "app.py", *sorted((REPO / "pages").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(body[0]) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and (body := node.body)}
        bare += [f"{path.name}:{node.lineno}" for node in ast.walk(tree)
                 if isinstance(node, ast.Expr) and id(node) not in docstrings
                 and not isinstance(node.value, (ast.Call, ast.Await))]
    assert bare == []



def _served(app, scope):
    sent = []

    async def send(message):
        sent.append(message)

    with ThreadPoolExecutor(max_workers=1) as pool:  # a fresh thread, as above
        pool.submit(asyncio.run, serve.NorwegianNumbers(app)(scope, None, send)).result()
    return sent


def test_the_html_page_gets_the_norwegian_number_script_first():
    page = b"<!doctype html><html><head><script src='/static/js/index.js'></script></head><body></body></html>"

    async def html(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/html"), (b"content-length", str(len(page)).encode())]})
        await send({"type": "http.response.body", "body": page[:30], "more_body": True})
        await send({"type": "http.response.body", "body": page[30:]})

    sent = _served(html, {"type": "http", "method": "GET", "path": "/samarbeidet"})
    body = sent[1]["body"]
    assert body.index(b"navigator, 'languages'") < body.index(b"index.js")  # before Streamlit's own script
    assert dict(sent[0]["headers"])[b"content-length"] == str(len(body)).encode()
    assert body.replace(b"<script>" + widgets.NORWEGIAN_LOCALE_JS.encode() + b"</script>", b"") == page

    async def script(scope, receive, send):  # anything else passes unchanged
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/javascript")]})
        await send({"type": "http.response.body", "body": b"<head>"})

    assert _served(script, {"type": "http", "method": "GET", "path": "/static/x.js"})[1]["body"] == b"<head>"

    async def compressed(scope, receive, send):  # what a browser gets (it accepts gzip)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/html"), (b"content-encoding", b"gzip")]})
        await send({"type": "http.response.body", "body": gzip.compress(page)})

    sent = _served(compressed, {"type": "http", "method": "GET", "path": "/"})
    assert b"content-encoding" not in dict(sent[0]["headers"]) and b"navigator, 'languages'" in sent[1]["body"]


def test_the_live_chart_pages_start_loading_plotly_with_the_html_page():
    """«Sammenligning» and «Robusthet» (deep links included) get the early plotly.js script; other pages do not
    load 4,8 MB they may never need."""
    page = b"<!doctype html><html><head><script src='/static/js/index.js'></script></head><body></body></html>"

    async def html(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]})
        await send({"type": "http.response.body", "body": page})

    for path, early in (("/sammenligning", True), ("/robusthet/", True), ("/samarbeidet", False), ("/", False)):
        body = _served(html, {"type": "http", "method": "GET", "path": path})[1]["body"]
        assert (b"/app/static/vendor/plotly-cartesian.min.js" in body) is early, path
        assert body.index(b"navigator, 'languages'") < body.index(b"index.js") < body.index(b"</head>")


def test_blas_gets_one_thread_unless_the_operator_set_it():
    environ = {"OMP_NUM_THREADS": "4"}
    serve.limit_blas_threads(environ)
    assert environ == {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "4", "MKL_NUM_THREADS": "1"}


def test_main_limits_blas_before_numpy_is_loaded():
    """OpenBLAS reads its thread count when numpy is first imported: main() must set it before importing
    streamlit. Run in a fresh process, with streamlit's App replaced so no server starts."""
    import os
    import subprocess
    import sys

    code = (
        "import importlib.util, sys, os\n"
        f"spec = importlib.util.spec_from_file_location('serve', {str(REPO / 'scripts' / 'serve.py')!r})\n"
        "serve = importlib.util.module_from_spec(spec); spec.loader.exec_module(serve)\n"
        "assert 'numpy' not in sys.modules\n"
        "import builtins\n"
        "real_import = builtins.__import__\n"
        "def spy(name, *a, **k):\n"
        "    if name == 'streamlit' and 'checked' not in globals():\n"
        "        globals()['checked'] = True\n"
        "        print('at streamlit import:', os.environ.get('OPENBLAS_NUM_THREADS'), 'numpy' in sys.modules)\n"
        "        raise SystemExit(0)\n"
        "    return real_import(name, *a, **k)\n"
        "builtins.__import__ = spy\n"
        "serve.main([])\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in serve.BLAS_THREAD_VARIABLES}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "at streamlit import: 1 False"
