"""A real Neo4j 5 server (tools/neo4j-server, from Maven Central artifacts; no Docker) answers
Cypher over Bolt through the Python driver, and refuses wrong credentials.

Needs java 17+ and Maven; the first run downloads ~125 MB of jars into ~/.m2. Never skipped.
The server is the session's one (tests/integration/conftest.py: `neo4j_server`).
"""
from __future__ import annotations

import sys
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError

# tests/ is not a package: make tests/support importable as `support` (as conftest.py does).
_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from support.neo4j_server import Neo4jServer  # noqa: E402


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
