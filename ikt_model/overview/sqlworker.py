"""User SQL in a child process that can be killed: the hard time and memory limit behind sqlsafe.

`cursor.interrupt()` (sqlsafe) stops joins, scans and aggregates within milliseconds, but DuckDB
cannot interrupt inside one scalar function call: `SELECT len(range(30000000))` ran ~17 s after its
1 s limit on this machine, and its list lives outside DuckDB's memory_limit. So the SQL page runs
user SQL in a spawned worker process (address space limited with RLIMIT_AS) and kills it when it
has not answered within the time limit plus a grace period; the next query starts a new worker.

`SqlPool` shares a few such workers among every session of the server: a query waits for a free
worker for at most `max_wait_s` (and at most `max_queue` queries wait at once), else it is refused
with a Norwegian message; the time it waited is reported with the result (`SqlResult.waited_ms`),
so three runaway queries cannot make a fourth user's `SELECT 42` wait 15 s while the page reports
1,5 ms.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from pathlib import Path

from .sqlmessages import timeout_message
from .sqlsafe import SqlLimits, SqlRefused, SqlResult, check_statement, locked_connection, overview_snapshot

GRACE_S = 1.0
STARTUP_S = 30.0
MEMORY_BYTES = 3 * 1024**3
_MEMORY_MESSAGE = "Spørringen brukte for mye minne og ble stoppet. Begrens den med WHERE eller LIMIT."


def _serve(conn, path: str, limits: SqlLimits, memory_bytes: int) -> None:  # runs in the child
    import resource

    from .sqlsafe import run_user_sql

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    con = locked_connection(Path(path), limits)
    conn.send(("ready", None))
    while True:
        try:
            sql = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", run_user_sql(sql, con, limits)))
        except SqlRefused as refusal:
            conn.send(("refused", str(refusal)))
        except MemoryError:
            conn.send(("refused", _MEMORY_MESSAGE))
        except Exception as exc:  # never a traceback for the user
            conn.send(("refused", f"Spørringen feilet. ({type(exc).__name__}: {str(exc)[:200]})"))


class SqlWorker:
    """One worker process; `run()` is thread-safe (queries are served one at a time)."""

    def __init__(self, limits: SqlLimits | None = None, path: Path | None = None, memory_bytes: int = MEMORY_BYTES):
        self.limits = limits or SqlLimits()
        self.path = path
        self.memory_bytes = memory_bytes
        self.restarts = 0
        self._lock = threading.Lock()
        self._proc = None
        self._conn = None

    def _start(self) -> None:
        ctx = mp.get_context("spawn")  # never fork a threaded server process
        parent, child = ctx.Pipe()
        path = str(self.path or overview_snapshot())
        self._proc = ctx.Process(target=_serve, args=(child, path, self.limits, self.memory_bytes), daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent
        if not parent.poll(STARTUP_S) or parent.recv()[0] != "ready":
            self._kill()
            raise SqlRefused("SQL-tjenesten startet ikke. Prøv igjen om litt.")

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def run(self, sql: str) -> SqlResult:
        """Run one SELECT in the worker process; restarts the process after a timeout or a crash.

        Returns SqlResult (at most `limits.max_rows` rows). Raises SqlRefused (Norwegian) for a refused
        statement, a failed query, a timeout or a worker that ran out of memory.
        """
        statement = check_statement(sql)  # immediate, clear refusals without the round trip
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._start()
            try:
                self._conn.send(statement)
                answered = self._conn.poll(self.limits.timeout_s + GRACE_S)
                kind, payload = self._conn.recv() if answered else ("timeout", None)
            except (EOFError, OSError):  # the child died (e.g. out of memory)
                kind, payload = "died", None
            if kind in ("timeout", "died"):
                self._kill()
                self.restarts += 1
                if kind == "died":
                    raise SqlRefused(_MEMORY_MESSAGE)
                raise SqlRefused(timeout_message(self.limits))
        if kind == "refused":
            raise SqlRefused(payload)
        return payload

    def close(self) -> None:
        """Stop the worker process (if any); a later `run` starts a new one."""
        with self._lock:
            self._kill()


BUSY_MESSAGE = ("SQL-tjenesten er opptatt med andre brukeres spørringer akkurat nå (ventet {waited}). "
                "Prøv igjen om litt.")


class SqlPool:
    """`size` SqlWorkers shared by all sessions; `run()` waits for a free one, boundedly and honestly.

    `max_wait_s`: longest wait for a free worker before the query is refused (SqlRefused, Norwegian);
    `max_queue`: how many queries may wait at once (one more is refused at once). The returned
    SqlResult carries `waited_ms`, the time spent waiting for a worker (0 when one was free).
    """

    def __init__(self, limits: SqlLimits | None = None, size: int = 2, max_wait_s: float | None = None,
                 max_queue: int = 6, path: Path | None = None):
        self.limits = limits or SqlLimits()
        self.workers = [SqlWorker(self.limits, path) for _ in range(size)]
        self.max_wait_s = max_wait_s if max_wait_s is not None else self.limits.timeout_s + GRACE_S
        self.max_queue = max_queue
        self._free: queue.Queue[SqlWorker] = queue.Queue()
        for worker in self.workers:
            self._free.put(worker)
        self._lock = threading.Lock()
        self._waiting = 0

    def run(self, sql: str) -> SqlResult:
        """Run one SELECT on the first free worker, waiting at most `max_wait_s` in a queue of `max_queue`.

        Returns SqlResult with `waited_ms` (time spent waiting, milliseconds). Raises SqlRefused
        (Norwegian) when the queue is full, the wait runs out, or the worker refuses the query.
        """
        from .. import format as fmt

        statement = check_statement(sql)  # immediate, clear refusals without waiting
        with self._lock:
            if self._waiting >= self.max_queue:
                raise SqlRefused(BUSY_MESSAGE.format(waited="0 s"))
            self._waiting += 1
        start = time.perf_counter()
        try:
            worker = self._free.get(timeout=self.max_wait_s)
        except queue.Empty:
            raise SqlRefused(BUSY_MESSAGE.format(waited=f"{fmt.number(time.perf_counter() - start, 1)} s")) from None
        finally:
            with self._lock:
                self._waiting -= 1
        waited_ms = (time.perf_counter() - start) * 1000
        try:
            result = worker.run(statement)
        finally:
            self._free.put(worker)
        return result.model_copy(update={"waited_ms": waited_ms})

    def close(self) -> None:
        """Stop every worker process of the pool."""
        for worker in self.workers:
            worker.close()
