"""scripts/serve.py: the project's settings (no full GC after each run), flags, security headers."""

import asyncio
import importlib.util
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("serve", REPO / "scripts" / "serve.py")
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)


def test_config_turns_off_the_full_gc_after_every_run():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False  # 55-65 ms of CPU per phone refresh otherwise
    assert serve.APP.parent / ".streamlit" / "config.toml" == REPO / ".streamlit" / "config.toml"


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
