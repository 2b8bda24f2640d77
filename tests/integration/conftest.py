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


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """../shared/corpus built with `kg build` (no graph.html)."""
    from click.testing import CliRunner

    from kg.cli import main
    from tests.conftest import CORPUS, require_shared

    require_shared()
    store = tmp_path_factory.mktemp("corpus") / "store"
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--store", str(store), "--no-html"])
    assert result.exit_code == 0, result.output
    return store
