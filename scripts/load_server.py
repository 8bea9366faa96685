"""The server under load for scripts/load_workshop.py: scripts/serve.py in its own process (the project's
settings) on a free loopback port with a private store, its CPU and memory read from Linux /proc, and the
votes read back from its store file once it has stopped.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """scripts/serve.py in its own process (project settings), private store, loopback port."""

    def __init__(self, store: Path, log: Path, extra: list[str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.store = store
        self.log = open(log, "w")
        env = {**os.environ, "IKT_STORE_PATH": str(store)}
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "scripts" / "serve.py"), "--server.address", "127.0.0.1",
             "--server.port", str(self.port), *(extra or [])],
            cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early, see {log}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not become healthy")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stored_revisions(store: Path) -> dict[str, int]:
    """participant hash -> revisions, read from the store file (read-only; server stopped)."""
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        return dict(con.execute("SELECT participant_hash, revisions FROM workshop_votes").fetchall())
    finally:
        con.close()
