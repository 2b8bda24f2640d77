"""A real Neo4j 5 (community) server for tests, without Docker.

tools/neo4j-server is a small Maven project (org.neo4j:neo4j + org.neo4j:neo4j-bolt from Maven
Central) whose main class runs an embedded DBMS with a Bolt connector on loopback. This module
builds it (tools/neo4j-server/build.sh, a no-op when up to date), starts it on a free port with a
fresh data directory and yields its coordinates:

    with running_neo4j(tmp_path) as server:
        driver = neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password))

Needs `java` (17+) and `mvn` on PATH (or JAVA_HOME set). Nothing is skipped: a missing tool, a
failed build, a server that dies or does not come up in time raises RuntimeError with the last
lines of its output.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired, TransientError

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_DIR = REPO_ROOT / "tools" / "neo4j-server"
BUILD_SCRIPT = SERVER_DIR / "build.sh"
MAIN_CLASS = "kg.neo4j.Server"

USER = "neo4j"
DEFAULT_PASSWORD = "kg-test-password"
STARTUP_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 30.0
BUILD_TIMEOUT_S = 1800.0
TAIL_LINES = 40

# -XX:TieredStopAtLevel=1 (C1 JIT only): on 2 busy cores the C2 compiler threads starve startup,
# mostly the first Cypher query (the password is set with one before READY); measured READY in
# ~16 s instead of ~30-40 s. Test queries are small; the slower steady state does not matter.
# The rest is a subset of what Neo4j's own launcher passes: it lets the page cache and Netty use
# direct buffers without the "Reflection access ... not available, using fallback mode" path.
# KG_NEO4J_JAVA_OPTS (whitespace-separated) is appended, so it can override any of these.
JVM_FLAGS = [
    "-Xms1g",
    "-Xmx1g",
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
]


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    process: subprocess.Popen
    data_dir: Path | None = None
    log_file: Path | None = None


def build_server() -> None:
    """Run tools/neo4j-server/build.sh (Maven; a no-op when the build is up to date)."""
    try:
        done = subprocess.run(
            ["bash", str(BUILD_SCRIPT)],
            cwd=SERVER_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=BUILD_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as e:
        raise RuntimeError(f"neo4j test server: {BUILD_SCRIPT} timed out after {BUILD_TIMEOUT_S:.0f} s") from e
    if done.returncode != 0:
        raise RuntimeError(
            f"neo4j test server: {BUILD_SCRIPT} failed (exit {done.returncode}):\n{_tail(done.stdout)}"
        )


def _java() -> str:
    """KG_NEO4J_JAVA, else $JAVA_HOME/bin/java, else `java` on PATH (Neo4j 5.26 supports Java 17 and 21)."""
    explicit = os.environ.get("KG_NEO4J_JAVA")
    if explicit:
        return explicit
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("neo4j test server: `java` (17+) is not on PATH and JAVA_HOME is not set")
    return java


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(text: str, n: int = TAIL_LINES) -> str:
    return "\n".join(text.splitlines()[-n:])


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def _stop(process: subprocess.Popen, timeout: float = STOP_TIMEOUT_S) -> None:
    """SIGTERM (a clean Neo4j shutdown, ~1 s), SIGKILL after `timeout` seconds."""
    try:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
    finally:
        if process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass


def _wait_until_up(server: Neo4jServer, deadline: float) -> None:
    """Until the READY line is printed and the driver verifies connectivity with the credentials."""
    assert server.log_file is not None
    ready_line = f"READY {server.uri}"
    last_error: Exception | None = None
    while True:
        rc = server.process.poll()
        if rc is not None:
            raise RuntimeError(
                f"neo4j test server exited with code {rc} before it was up; last output:\n"
                f"{_tail(_read(server.log_file))}"
            )
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"neo4j test server did not come up within {STARTUP_TIMEOUT_S:.0f} s"
                f" (last driver error: {last_error!r}); last output:\n{_tail(_read(server.log_file))}"
            )
        if ready_line in _read(server.log_file):
            try:
                with neo4j.GraphDatabase.driver(
                    server.uri, auth=(server.user, server.password), connection_timeout=5.0
                ) as driver:
                    driver.verify_connectivity()
                return
            except AuthError as e:  # the server sets the password before READY: this is a real error
                raise RuntimeError(
                    f"neo4j test server rejected {server.user}/<password>: {e}; last output:\n"
                    f"{_tail(_read(server.log_file))}"
                ) from e
            except (ServiceUnavailable, SessionExpired, TransientError, OSError) as e:
                last_error = e
        time.sleep(0.2)


@contextmanager
def running_neo4j(workdir: Path, password: str = DEFAULT_PASSWORD) -> Iterator[Neo4jServer]:
    """Build (if needed) and run a Neo4j server on a free loopback port; stop it on exit.

    The data directory and the server's log (stdout + stderr) are left under `workdir`.
    """
    build_server()
    java = _java()
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    classpath = f"{SERVER_DIR / 'target' / 'classes'}{os.pathsep}{SERVER_DIR / 'target' / 'lib' / '*'}"

    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    attempts = 3  # a free port can be taken by someone else before the server binds it
    for attempt in range(1, attempts + 1):
        port = _free_port()
        run_dir = workdir / f"neo4j-{port}-{uuid.uuid4().hex[:8]}"
        data_dir = run_dir / "home"
        log_file = run_dir / "server.log"
        run_dir.mkdir(parents=True)
        with open(log_file, "wb") as log:
            process = subprocess.Popen(
                [java, *JVM_FLAGS, *os.environ.get("KG_NEO4J_JAVA_OPTS", "").split(),
                 "-cp", classpath, MAIN_CLASS,
                 "--port", str(port), "--data-dir", str(data_dir), "--password", password,
                 "--exit-on-stdin-eof"],
                cwd=run_dir,
                # Held open until _stop: if this Python process dies, the server sees EOF and exits.
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a ^C in the test runner does not reach it; we stop it
            )
        server = Neo4jServer(
            uri=f"bolt://127.0.0.1:{port}", user=USER, password=password, process=process,
            data_dir=data_dir, log_file=log_file,
        )
        try:
            _wait_until_up(server, deadline)
        except RuntimeError:
            _stop(process)
            output = _read(log_file)
            if attempt < attempts and "Address already in use" in output and time.monotonic() < deadline:
                continue
            raise
        except BaseException:
            _stop(process)
            raise
        break

    try:
        yield server
    finally:
        _stop(server.process)
