"""A worker process that holds the store open and runs one job at a time,
and its handle in the server process.

pyoxigraph releases the GIL while it evaluates (measured: the event loop
kept ticking every ~1 ms beside a cross-product query), so a thread would
keep the server responsive; but it offers no way to cancel a query, and a
thread cannot be killed. A process can: on timeout the handle kills it and
the pool starts another."""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import StoreError
from kg.serve.execute import Outcome, SparqlJob, execute

STARTUP_TIMEOUT_S = 60.0
# spawn, not fork: the server process runs an event loop and threads, which
# a forked child would inherit in an undefined state.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True, slots=True)
class Ready:
    quads: int


@dataclass(frozen=True, slots=True)
class OpenFailed:
    message: str


class WorkerCrashed(Exception):
    """The worker process died while running a job (not a KGError: the pool
    turns it into a 500 answer and replaces the worker)."""


def serve_jobs(conn: Connection, store_path: str, read_only: bool) -> None:
    """The worker's main loop: open the store, then answer jobs until the
    server closes the pipe (or dies, which closes it too)."""
    from kg.store.oxigraph import GraphStore

    try:
        graph_store = GraphStore(store_path, read_only=read_only).open()
    except StoreError as exc:
        conn.send(OpenFailed(exc.line()))
        return
    store = graph_store.store
    conn.send(Ready(len(store)))
    try:
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return
            conn.send(execute(store, job))
    finally:
        graph_store.close()


class WorkerProcess:
    """The server's handle on one worker process."""

    def __init__(self, store_path: Path, read_only: bool):
        self.store_path = store_path
        self.read_only = read_only
        self.process: multiprocessing.Process | None = None
        self.conn: Connection | None = None

    def start(self) -> int:
        """Start the process and wait until its store is open; returns the quad count."""
        parent, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=serve_jobs, args=(child, str(self.store_path), self.read_only),
                                        name="kg-sparql-worker", daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        if not parent.poll(STARTUP_TIMEOUT_S):
            self.kill()
            raise StoreError(str(self.store_path), f"the query worker did not open the store within "
                                                   f"{STARTUP_TIMEOUT_S:.0f} s")
        try:
            message = parent.recv()
        except EOFError as exc:
            self.kill()
            raise StoreError(str(self.store_path), "the query worker died while opening the store") from exc
        if isinstance(message, OpenFailed):
            self.kill()
            raise StoreError(str(self.store_path), message.message)
        return message.quads

    def call(self, job: SparqlJob, timeout: float) -> Outcome | None:
        """Run one job; None when it ran out of time (the process is then killed)."""
        try:
            self.conn.send(job)
            if self.conn.poll(max(0.0, timeout)):
                return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self.kill()
            raise WorkerCrashed(str(exc) or type(exc).__name__) from exc
        self.kill()
        return None

    def kill(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join(timeout=5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None

    def stop(self) -> None:
        """Close the pipe so the worker leaves its loop and closes the store
        cleanly (it flushes a read-write store); kill it if it does not."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.process is not None:
            self.process.join(timeout=5)
        self.kill()
