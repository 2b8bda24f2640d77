"""The settings of one endpoint, as given to `kg serve`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_ROWS = 100_000
# Two cores on our machines: two workers let a second query (and the page)
# proceed while one slow query runs out its timeout.
DEFAULT_WORKERS = 2


@dataclass(frozen=True, slots=True)
class ServeConfig:
    store_path: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = DEFAULT_TIMEOUT_S
    max_rows: int = DEFAULT_MAX_ROWS
    update_token: str | None = None
    workers: int = DEFAULT_WORKERS

    @property
    def read_only(self) -> bool:
        return not self.update_token

    @property
    def worker_count(self) -> int:
        # One read-write process owns the store (RocksDB allows only one), so an
        # endpoint that accepts updates runs a single worker.
        return max(1, self.workers) if self.read_only else 1
