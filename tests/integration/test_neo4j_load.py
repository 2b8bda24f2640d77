"""`kg neo4j load` and `kg cypher` against a real Neo4j 5 server (one per
test session, see conftest.py) on ../shared/corpus: idempotent and
incremental loads, the gold facts through every queries/*.cypher, the same
answers as SPARQL, and one-line failures that never show the password.

Needs java 17+ and Maven for the server. Never skipped under CI=true.
"""
from __future__ import annotations

import json
import socket
from collections import Counter
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.neo4j.loader import RELATION_TYPES

CORPUS_A = ("dj-001",)  # the rest of the corpus is B; both mention 丹江口市 and 十堰市
# The developer's own NEO4J_* settings must not leak into the tests.
NO_NEO4J_ENV = {"NEO4J_URI": None, "NEO4J_USER": None, "NEO4J_PASSWORD": None, "NEO4J_DATABASE": None}


class Graph:
    """What is in the server's database now, so that tests that replace it
    leave a mark and the next test reloads the corpus."""

    content: str | None = None


@pytest.fixture(scope="module")
def server(neo4j_server):
    return neo4j_server


def kg(server, *args: str, env: dict | None = None, password: str | None = None):
    """Run the CLI in-process against the test server; returns click's Result."""
    connection = ["--uri", server.uri, "--user", server.user, "--password", password or server.password]
    return CliRunner().invoke(main, [*args, *connection], env={**NO_NEO4J_ENV, **(env or {})})


def rows(server, query: str, *params: str) -> list[dict]:
    args = ["cypher", query, "--format", "json"]
    for param in params:
        args += ["--param", param]
    result = kg(server, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def sparql_rows(store: Path, query: str, *params: str) -> list[dict]:
    args = ["query", query, "--store", str(store), "--format", "json"]
    for param in params:
        args += ["--param", param]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def wipe(server) -> None:
    with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    Graph.content = None


def counts(server) -> Counter:
    with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        labels = driver.execute_query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n").records
        types = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").records
    return Counter({r["label"]: r["n"] for r in labels}) + Counter({r["type"]: r["n"] for r in types})


def load(server, *args: str) -> None:
    result = kg(server, "neo4j", "load", *args)
    assert result.exit_code == 0, result.output


@pytest.fixture()
def corpus_graph(server, corpus_store) -> Path:
    """The database holds exactly the corpus (loaded from the store)."""
    if Graph.content != "corpus":
        wipe(server)
        load(server, "--store", str(corpus_store))
        Graph.content = "corpus"
    return corpus_store


# ------------------------------------------------------------------ loading
def test_load_writes_the_view_and_a_second_load_changes_nothing(server, corpus_graph):
    from kg.export.view import view_from_store
    from kg.store.oxigraph import GraphStore

    with GraphStore(corpus_graph, read_only=True) as store:
        view = view_from_store(store)
    first = counts(server)
    assert first["Entity"] == len(view["nodes"])
    assert first["Article"] == len(view["articles"])
    assert first["MENTIONS"] == sum(len(n["sources"]) for n in view["nodes"])
    for rel_type, n in Counter(e["type"] for e in view["edges"]).items():
        assert first[rel_type] == n, rel_type
    assert set(RELATION_TYPES) <= set(first)

    load(server, "--store", str(corpus_graph), "--batch-size", "40")  # other batch bounds, same graph
    assert counts(server) == first


def test_loading_new_articles_merges_into_existing_nodes(server, corpus_graph, tmp_path):
    from tests.conftest import CORPUS

    full = counts(server)
    wipe(server)
    Graph.content = "a+b"
    store_a = tmp_path / "a"
    built = CliRunner().invoke(main, ["build", *(str(CORPUS / f"{d}.txt") for d in CORPUS_A),
                                      "--store", str(store_a), "--no-html"])
    assert built.exit_code == 0, built.output
    load(server, "--store", str(store_a))
    [before] = rows(server, "MATCH (p:Place {name: '丹江口市'}) RETURN p.sources AS sources")
    assert before["sources"] == ["dj-001"]

    # B straight from the articles (extracted first), not from a store.
    others = sorted(str(p) for p in CORPUS.glob("*.txt") if p.stem not in CORPUS_A)
    load(server, *others)
    assert counts(server) == full  # A then B is the whole corpus: merged, nothing doubled
    [after] = rows(server, "MATCH (p:Place {name: '丹江口市'}) RETURN p.sources AS sources")
    assert sorted(after["sources"]) == ["dj-001", "n-001"]
    [edge] = rows(server, "MATCH (:Place {name: '丹江口市'})-[r:PART_OF]->(:Place {name: '十堰市'}) "
                          "RETURN r.sources AS sources, r.evidence_articles AS docs, "
                          "toString(r.first_seen) AS first, toString(r.last_seen) AS last")
    assert sorted(edge["sources"]) == sorted(set(edge["docs"])) == ["dj-001", "n-001"]
    assert (edge["first"], edge["last"]) == ("2017-07-21", "2025-03-13")  # n-001's date, dj-001's date


def test_names_and_aliases_have_a_cjk_full_text_index(server, corpus_graph):
    found = rows(server, "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node "
                         "RETURN node.name AS name", "q=发改局")
    assert "丹江口市发展和改革局" in {r["name"] for r in found}


# --------------------------------------------------------- the named queries
def test_official_posts(server, corpus_graph):
    posts = rows(server, "official_posts", "person=武小凯")
    assert {(p["title"], p["body"]) for p in posts} == {("市委书记", "丹江口市委"), ("市长", "丹江口市人民政府")}
    assert all("武小凯" in p["sentence"] for p in posts)
    assert len(rows(server, "official_posts")) > len(posts)  # $person is optional


def test_who_leads_what_where(server, corpus_graph):
    leads = rows(server, "who_leads_what_where")
    assert {(r["leader"], r["place"]) for r in leads if r["initiative"] == "“15分钟就业服务圈”"} == \
        {("丹江口市人力资源和社会保障局", "丹江口市")}


def test_who_leads_what_where_within_a_city_finds_its_towns(server, corpus_graph):
    within = rows(server, "who_leads_what_where_within", "within=十堰市")
    places = {r["place"] for r in within}
    assert {"丹江口市", "习家店镇"} <= places
    assert {r["within"] for r in within} == {"十堰市"}
    assert any(r["initiative"] == "“15分钟就业服务圈”" for r in within)


def test_projects_located_in_a_place(server, corpus_graph):
    inside = rows(server, "located_in_place", "place=丹江口市")
    projects = {r["entity"] for r in inside if r["type"] == "Project"}
    assert {"武当云谷智算中心（二期）", "陈家港“铁水公空”联运基地"} <= projects
    assert "习家店镇" in {r["where"] for r in inside}  # through PART_OF


def test_place_companies(server, corpus_graph):
    companies = rows(server, "place_companies", "place=丹江口市")
    assert ("一轻食品（丹江口）有限公司", "LOCATED_IN") in {(r["company"], r["relation"]) for r in companies}
    assert {r["place"] for r in companies} == {"丹江口市"}


def test_relation_evidence(server, corpus_graph):
    evidence = rows(server, "relation_evidence", "head=武小凯", "type=HOLDS_POST")
    assert {r["title"] for r in evidence} == {"市委书记", "市长"}
    assert {r["article"] for r in evidence} == {"dj-001"}
    assert all("武小凯" in r["sentence"] for r in evidence)


def test_town_is_part_of_its_city_and_province(server, corpus_graph):
    chain = rows(server, "MATCH (:Place {name: $town})-[:PART_OF*]->(p:Place) RETURN p.name AS name", "town=习家店镇")
    assert {"丹江口市", "十堰市"} <= {r["name"] for r in chain}


@pytest.mark.parametrize("query, params", [("who_leads_what_where", ()),
                                           ("who_leads_what_where_within", ("within=十堰市",))])
def test_cypher_and_sparql_give_the_same_rows(server, corpus_graph, query, params):
    def as_set(found):
        return {tuple("" if v is None else v for v in r.values()) for r in found}

    cypher = rows(server, query, *params)
    assert cypher
    assert as_set(cypher) == as_set(sparql_rows(corpus_graph, query, *params))


# ----------------------------------------------------------------- failures
def _one_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1, result.output
    return lines[0]


def test_bad_credentials_fail_in_one_line_without_the_password(server, corpus_store):
    wrong = "not-the-Password-4711"
    result = kg(server, "neo4j", "load", "--store", str(corpus_store), password=wrong)
    line = _one_line(result)
    assert server.uri in line and "authentication" in line
    assert wrong not in result.output and server.password not in result.output

    from_env = CliRunner().invoke(main, ["cypher", "RETURN 1", "--uri", server.uri],
                                  env={**NO_NEO4J_ENV, "NEO4J_PASSWORD": wrong, "NEO4J_USER": "neo4j"})
    assert server.uri in _one_line(from_env) and wrong not in from_env.output
    # A right password still works (and resets Neo4j's count of failed logins).
    assert rows(server, "RETURN 1 AS one") == [{"one": 1}]


def test_unreachable_server_fails_in_one_line(corpus_store):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    result = CliRunner().invoke(main, ["neo4j", "load", "--store", str(corpus_store), "--uri", uri,
                                       "--password", "secret-password"], env=NO_NEO4J_ENV)
    line = _one_line(result)
    assert uri in line and "unreachable" in line and "secret-password" not in result.output


def test_missing_database_fails_in_one_line(server):
    result = kg(server, "cypher", "RETURN 1", "--database", "nosuchdb")
    assert "nosuchdb" in _one_line(result) and server.uri in result.output


def test_commands_have_help_with_an_example():
    for args in (["neo4j"], ["neo4j", "load"], ["cypher"]):
        result = CliRunner().invoke(main, [*args, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output, args
