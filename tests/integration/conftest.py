"""Integration fixtures shared by the files of this folder: one Neo4j server
for the whole test session (it takes ~17 s to start), and the corpus built
once into an embedded store."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# tests/ is not a package: make tests/support importable as `support`.
_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from support.neo4j_server import Neo4jServer, running_neo4j  # noqa: E402


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    with running_neo4j(tmp_path_factory.mktemp("neo4j")) as server:
        yield server


