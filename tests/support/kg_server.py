"""`kg serve` in a subprocess on a free loopback port, for the endpoint tests.

    with running_kg_server(store_path, "--timeout", "2") as server:
        httpx.get(server.url + "/health")

The server is the real CLI (`kg serve`, uvicorn, worker processes); it is
stopped with SIGTERM (uvicorn's graceful shutdown closes the workers) and
killed if it does not stop. A server that does not answer /health in time
raises RuntimeError with its output.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

STARTUP_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class KgServer:
    url: str
    store: Path
    process: subprocess.Popen

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_kg_server(store: Path, *options: str) -> Iterator[KgServer]:
    port = free_port()
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store),
               "--host", "127.0.0.1", "--port", str(port), *options]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    server = KgServer(f"http://127.0.0.1:{port}", store, process)
    try:
        _wait_until_up(server, log)
        yield server
    finally:
        _stop(process)
        log.close()


def _wait_until_up(server: KgServer, log) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"kg serve exited with {server.process.returncode}:\n{_output(log)}")
        try:
            if httpx.get(server.url + "/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"kg serve did not answer /health within {STARTUP_TIMEOUT_S:.0f} s:\n{_output(log)}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _output(log) -> str:
    log.seek(0)
    return log.read().decode("utf-8", "replace")[-4000:]
