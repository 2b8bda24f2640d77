"""A pool of worker processes for the event loop: a request borrows an idle
worker, waits for its answer in a thread (the loop stays free for /health
and other requests), and gives it back; a worker that ran out of time or
died is replaced in the background."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import anyio.to_thread

from kg.errors import StoreError
from kg.serve.execute import Outcome, SparqlJob
from kg.serve.worker import WorkerCrashed, WorkerProcess

log = logging.getLogger("kg.serve")


class WorkerPool:
    def __init__(self, store_path: Path, read_only: bool, size: int):
        self.store_path = store_path
        self.read_only = read_only
        self.size = size
        # Counted once when the first worker opens the store and after each
        # update, so /health never waits behind a query.
        self.quads = 0
        self._idle: asyncio.Queue[WorkerProcess] | None = None
        self._all: set[WorkerProcess] = set()
        self._replacing: set[asyncio.Task] = set()

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        workers = [WorkerProcess(self.store_path, self.read_only) for _ in range(self.size)]
        counts = await asyncio.gather(*(anyio.to_thread.run_sync(w.start) for w in workers),
                                      return_exceptions=True)
        failures = [c for c in counts if isinstance(c, BaseException)]
        if failures:
            for worker in workers:
                worker.kill()
            raise failures[0]
        self.quads = counts[0]
        for worker in workers:
            self._all.add(worker)
            self._idle.put_nowait(worker)

    async def stop(self) -> None:
        for task in list(self._replacing):
            task.cancel()
        for worker in list(self._all):
            await anyio.to_thread.run_sync(worker.stop)
        self._all.clear()

    @property
    def idle(self) -> int:
        return self._idle.qsize() if self._idle is not None else 0

    async def run(self, job: SparqlJob, timeout: float) -> Outcome:
        """The job's outcome, or a 503 when it (with its wait for a free
        worker) takes longer than `timeout` seconds."""
        started = time.monotonic()
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError:
            return Outcome.error(503, f"no query worker became free within the {timeout:g} s timeout "
                                      f"(kg serve --timeout {timeout:g}): other queries are running")
        healthy = False
        try:
            outcome = await anyio.to_thread.run_sync(worker.call, job, timeout - (time.monotonic() - started))
            if outcome is None:
                return Outcome.error(503, f"the query ran longer than the {timeout:g} s timeout "
                                          f"(kg serve --timeout {timeout:g}) and was stopped")
            healthy = True
            if outcome.quads is not None:
                self.quads = outcome.quads
            return outcome
        except WorkerCrashed as exc:
            log.error("a query worker died: %s", exc)
            return Outcome.error(500, f"the query worker died while running the query ({exc})")
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    def _replace(self, worker: WorkerProcess) -> None:
        worker.kill()
        self._all.discard(worker)
        task = asyncio.get_running_loop().create_task(self._start_replacement())
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)

    async def _start_replacement(self) -> None:
        worker = WorkerProcess(self.store_path, self.read_only)
        try:
            await anyio.to_thread.run_sync(worker.start)
        except StoreError as exc:
            # The pool shrinks; requests then wait for the remaining workers
            # and, with none left, are answered 503 at their timeout.
            log.error("cannot replace a query worker: %s", exc.line())
            return
        self._all.add(worker)
        self._idle.put_nowait(worker)
