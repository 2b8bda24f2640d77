"""A real Neo4j 5 server (tools/neo4j-server, from Maven Central artifacts; no Docker) answers
Cypher over Bolt through the Python driver, and refuses wrong credentials.

Needs java 17+ and Maven; the first run downloads ~125 MB of jars into ~/.m2. Never skipped.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError

# tests/ has no __init__.py and no conftest.py: make tests/support importable as `support`.
_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from support.neo4j_server import Neo4jServer, running_neo4j  # noqa: E402


@pytest.fixture(scope="module")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    with running_neo4j(tmp_path_factory.mktemp("neo4j")) as server:
        yield server


def test_create_and_count_over_bolt(neo4j_server: Neo4jServer) -> None:
    with neo4j.GraphDatabase.driver(
        neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)
    ) as driver:
        created = driver.execute_query("CREATE (n:T {id: 1}) RETURN n.id AS id")
        assert [r["id"] for r in created.records] == [1]

        counted = driver.execute_query(
            "MATCH (n:T) RETURN count(n) AS c", routing_=neo4j.RoutingControl.READ
        )
        assert counted.records[0]["c"] == 1

        version = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
        assert version.records[0]["v"].startswith("5.26.")


def test_wrong_credentials_are_refused(neo4j_server: Neo4jServer) -> None:
    with neo4j.GraphDatabase.driver(
        neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password + "-wrong")
    ) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()
    # A wrong password must not have broken the right one (no lockout after one failure).
    with neo4j.GraphDatabase.driver(
        neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)
    ) as driver:
        driver.verify_connectivity()
