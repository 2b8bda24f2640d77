"""`kg serve` on loopback over the graph of ../shared/corpus, through a real
SPARQL client (SPARQLWrapper) and plain HTTP (httpx): every protocol method,
every result format, every refusal, CORS, and /health while a slow query
runs. Under CI=true nothing is skipped."""
from __future__ import annotations

import json
import shutil
import sys
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed

from tests.conftest import CORPUS, IN_CI, ROOT

_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from support.kg_server import running_kg_server  # noqa: E402

TIMEOUT_S = 2
MAX_ROWS = 1000
TOKEN = "test-update-token"
DOC = "https://kg.example.org/doc/"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENTITY_TYPES = "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:entityType ?type } GROUP BY ?type ORDER BY ?type"
# Three copies of the whole graph joined with nothing in common: ~5e10 rows.
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
POSTS_GRAPH = "CONSTRUCT { ?post kg:title ?t ; org:heldBy ?p } WHERE { ?post a org:Post ; kg:title ?t ; org:heldBy ?p }"


@pytest.fixture(scope="module")
def store(corpus_store) -> Path:
    return corpus_store


@pytest.fixture(scope="module")
def quads(store) -> int:
    return len(ox.Store.read_only(str(store)))


@pytest.fixture(scope="module")
def union_triples(store) -> int:
    """Triples of the default graph, which kg keeps as the set union of the articles."""
    return len(set(q.triple for q in ox.Store.read_only(str(store)) if not isinstance(q.graph_name, ox.DefaultGraph)))


@pytest.fixture(scope="module")
def server(store):
    with running_kg_server(store, "--timeout", str(TIMEOUT_S), "--max-rows", str(MAX_ROWS)) as running:
        yield running


@pytest.fixture(scope="module")
def update_server(store, tmp_path_factory):
    copy = tmp_path_factory.mktemp("sparql-rw") / "store"
    shutil.copytree(store, copy)
    with running_kg_server(copy, "--update-token", TOKEN) as running:
        yield running


def wrapper(server, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server.sparql, returnFormat=fmt)
    client.setQuery(query)
    if method == "POSTDIRECTLY":
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    elif method == "POST":
        client.setMethod(POST)
    return client


def select_json(server, query: str, **params) -> dict:
    response = httpx.get(server.sparql, params={"query": query, **params},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return response.json()


# ------------------------------------------------------------------ methods
@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_every_method_gives_the_same_answer(server, union_triples, method):
    result = wrapper(server, COUNT_ALL, JSON, method).queryAndConvert()
    assert int(result["results"]["bindings"][0]["n"]["value"]) == union_triples


def test_plain_http_methods(server):
    by_get = httpx.get(server.sparql, params={"query": ENTITY_TYPES})
    by_form = httpx.post(server.sparql, data={"query": ENTITY_TYPES})
    by_body = httpx.post(server.sparql, content=ENTITY_TYPES.encode(),
                         headers={"Content-Type": "application/sparql-query"})
    assert by_get.status_code == by_form.status_code == by_body.status_code == 200
    assert by_get.json() == by_form.json() == by_body.json()
    types = {b["type"]["value"] for b in by_get.json()["results"]["bindings"]}
    assert {"Person", "GovBody", "Place"} <= types


# ------------------------------------------------------------------ formats
def test_select_in_every_results_format(server):
    rows = [(b["type"]["value"], b["n"]["value"])
            for b in wrapper(server, ENTITY_TYPES, JSON).queryAndConvert()["results"]["bindings"]]
    xml = wrapper(server, ENTITY_TYPES, XML).queryAndConvert()
    assert [(r.getElementsByTagName("literal")[0].firstChild.data, r.getElementsByTagName("literal")[1].firstChild.data)
            for r in xml.getElementsByTagName("result")] == rows
    csv_text = wrapper(server, ENTITY_TYPES, CSV).queryAndConvert().decode("utf-8")
    assert csv_text.splitlines() == ["type,n"] + [f"{t},{n}" for t, n in rows]
    tsv_text = wrapper(server, ENTITY_TYPES, TSV).queryAndConvert().decode("utf-8")
    assert tsv_text.splitlines()[0] == "?type\t?n"
    assert len(tsv_text.splitlines()) == len(rows) + 1
    for accept, media_type in [("application/sparql-results+json", "application/sparql-results+json"),
                               ("application/sparql-results+xml", "application/sparql-results+xml"),
                               ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
                               ("text/csv, */*", "text/csv"), ("*/*", "application/sparql-results+json"),
                               ("", "application/sparql-results+json")]:
        response = httpx.get(server.sparql, params={"query": ENTITY_TYPES}, headers={"Accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media_type), accept


def test_chinese_labels_keep_their_language(server):
    result = select_json(server, 'SELECT ?l WHERE { ?p kg:entityType "Person" ; rdfs:label ?l } LIMIT 1')
    label = result["results"]["bindings"][0]["l"]
    assert label["xml:lang"] == "zh" and all(ord(ch) > 0x2E80 for ch in label["value"])


def test_ask(server):
    assert wrapper(server, 'ASK { ?s kg:entityType "Person" }', JSON).queryAndConvert()["boolean"] is True
    assert wrapper(server, 'ASK { ?s kg:entityType "Dragon" }', XML).queryAndConvert() \
        .getElementsByTagName("boolean")[0].firstChild.data == "false"


def test_construct_in_every_graph_format(server):
    expected = Graph()
    for accept, rdflib_format in [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                  ("application/n-triples", "nt")]:
        response = httpx.post(server.sparql, data={"query": POSTS_GRAPH}, headers={"Accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(accept)
        graph = Graph().parse(data=response.text, format=rdflib_format)
        assert len(graph) > 0
        if not len(expected):
            expected = graph
        assert graph.isomorphic(expected), accept
    turtle = wrapper(server, POSTS_GRAPH, TURTLE).queryAndConvert()  # SPARQLWrapper leaves Turtle as bytes
    assert Graph().parse(data=turtle, format="turtle").isomorphic(expected)
    assert wrapper(server, POSTS_GRAPH, JSONLD).queryAndConvert().isomorphic(expected)
    assert wrapper(server, POSTS_GRAPH, XML).queryAndConvert().isomorphic(expected)  # application/rdf+xml


def test_describe(server):
    response = httpx.get(server.sparql, params={"query": "DESCRIBE <https://kg.example.org/id/place-420381>"},
                         headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert "丹江口市" in response.text


# ------------------------------------------------------------------ dataset
def test_default_graph_is_the_union_of_the_articles(server, quads, union_triples):
    graphs = select_json(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    articles = {b["g"]["value"] for b in graphs["results"]["bindings"]}
    assert articles == {DOC + p.stem for p in CORPUS.glob("*.txt")}
    per_article = select_json(server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    in_articles = sum(int(b["n"]["value"]) for b in per_article["results"]["bindings"])
    assert in_articles + union_triples == quads
    union = select_json(server, COUNT_ALL)
    assert int(union["results"]["bindings"][0]["n"]["value"]) == union_triples


def test_default_graph_uri_and_named_graph_uri(server):
    counts = {b["g"]["value"]: int(b["n"]["value"]) for b in select_json(
        server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")["results"]["bindings"]}
    one, two = sorted(counts)[:2]
    only_one = select_json(server, COUNT_ALL, **{"default-graph-uri": one})
    assert int(only_one["results"]["bindings"][0]["n"]["value"]) == counts[one]
    # Both parameters repeat; by form POST as well.
    response = httpx.post(server.sparql, data={"query": COUNT_ALL, "default-graph-uri": [one, two]},
                          headers={"Accept": "application/sparql-results+json"})
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == counts[one] + counts[two]
    named = httpx.get(server.sparql, params=[("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
                                             ("named-graph-uri", one), ("named-graph-uri", two)],
                      headers={"Accept": "application/sparql-results+json"})
    assert {b["g"]["value"] for b in named.json()["results"]["bindings"]} == {one, two}
    # Direct POST: the dataset is in the URL.
    direct = httpx.post(server.sparql, params={"default-graph-uri": one}, content=COUNT_ALL.encode(),
                        headers={"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"})
    assert int(direct.json()["results"]["bindings"][0]["n"]["value"]) == counts[one]


def test_query_library_answers_as_kg_query(server, store, run_kg):
    from kg.queries import available, query_text

    for name in available():
        cli = run_kg("query", name, "--store", str(store), "--format", "json")
        assert cli.exit_code == 0, cli.output
        result = select_json(server, query_text(name))
        names = result["head"]["vars"]
        rows = [{n: b.get(n, {}).get("value", "") for n in names} for b in result["results"]["bindings"]]
        assert rows == json.loads(cli.output), name


# ------------------------------------------------------------------ refusals
@pytest.mark.parametrize("query,accept", [
    (ENTITY_TYPES, "image/png"),               # nothing we give
    (ENTITY_TYPES, "text/turtle"),             # a graph format for solutions
    (POSTS_GRAPH, "application/sparql-results+json"),  # a results format for a graph
    ('ASK { ?s ?p ?o }', "application/ld+json"),
])
def test_unsupported_accept_is_406(server, query, accept):
    response = httpx.get(server.sparql, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert "acceptable" in response.text or "no result format" in response.text


def test_syntax_error_is_400_with_the_parsers_message(server):
    response = httpx.get(server.sparql, params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert "syntax error" in response.text and "1:" in response.text
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT * WHERE { ?s ?p }", JSON).query()


@pytest.mark.parametrize("request_args,status", [
    ({"method": "GET"}, 400),                                                      # no query
    ({"method": "POST", "content": b"x", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 400),                  # update by GET
    ({"method": "POST", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
    ({"method": "PUT"}, 405),
])
def test_malformed_requests(server, request_args, status):
    args = dict(request_args)
    response = httpx.request(args.pop("method"), server.sparql, **args)
    assert response.status_code == status, response.text


def test_row_limit_is_a_clear_error(server, quads):
    assert quads > MAX_ROWS
    response = httpx.get(server.sparql, params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 500
    assert f"more than {MAX_ROWS} rows" in response.text and "--max-rows" in response.text
    with pytest.raises(EndPointInternalError):
        wrapper(server, "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE).query()
    limited = select_json(server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert len(limited["results"]["bindings"]) == MAX_ROWS


def test_health_answers_while_a_slow_query_runs(server, quads, union_triples):
    slow: dict = {}

    def run_slow():
        started = time.monotonic()
        slow["response"] = httpx.get(server.sparql, params={"query": CROSS_PRODUCT}, timeout=30)
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    health_latencies = []
    while thread.is_alive():
        started = time.monotonic()
        health = httpx.get(server.url + "/health", timeout=5)
        health_latencies.append(time.monotonic() - started)
        assert health.status_code == 200 and health.json()["quads"] == quads
        if len(health_latencies) == 1:
            # The second worker still answers queries meanwhile.
            assert select_json(server, COUNT_ALL)["results"]["bindings"][0]["n"]["value"] == str(union_triples)
        time.sleep(0.1)
    thread.join()
    assert len(health_latencies) >= 5 and max(health_latencies) < 1.0, health_latencies
    response = slow["response"]
    assert response.status_code == 503
    assert f"{TIMEOUT_S} s timeout" in response.text and "--timeout" in response.text
    assert TIMEOUT_S <= slow["seconds"] < TIMEOUT_S + 3
    # The stopped worker is replaced: both are idle again soon.
    deadline = time.monotonic() + 20
    while httpx.get(server.url + "/health").json()["idle_workers"] < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert httpx.get(server.url + "/health").json()["idle_workers"] == 2


# ------------------------------------------------------------------ updates
INSERT = 'INSERT DATA { GRAPH <https://kg.example.org/doc/test> { <https://kg.example.org/id/t> rdfs:label "测试"@zh } }'


@pytest.mark.parametrize("request_args", [
    {"content": INSERT.encode(), "headers": {"Content-Type": "application/sparql-update"}},
    {"data": {"update": INSERT}},
    {"data": {"update": INSERT}, "headers": {"Authorization": f"Bearer {TOKEN}"}},
])
def test_read_only_endpoint_refuses_updates(server, quads, request_args):
    response = httpx.post(server.sparql, **request_args)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert httpx.get(server.url + "/health").json()["quads"] == quads


def test_updates_need_the_token(update_server, quads):
    health = httpx.get(update_server.url + "/health").json()
    assert health["read_only"] is False and health["quads"] == quads
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        refused = httpx.post(update_server.sparql, data={"update": INSERT}, headers=headers)
        assert refused.status_code == 403, headers
    accepted = httpx.post(update_server.sparql, content=INSERT.encode(),
                          headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert accepted.status_code == 204, accepted.text
    assert httpx.get(update_server.url + "/health").json()["quads"] == quads + 1
    # a raw update writes where it says: here the named graph, not the union kg build maintains
    found = select_json(update_server, 'SELECT ?s WHERE { GRAPH ?g { ?s rdfs:label "测试"@zh } }')
    assert [b["s"]["value"] for b in found["results"]["bindings"]] == ["https://kg.example.org/id/t"]
    bad = httpx.post(update_server.sparql, data={"update": "INSERT DATA { oops }"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 400 and "syntax error" in bad.text


# ------------------------------------------------------------------ CORS, page
def test_cors_headers(server):
    simple = httpx.get(server.sparql, params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert simple.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(server.sparql, headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()


def test_health(server, store, quads):
    health = httpx.get(server.url + "/health").json()
    assert health["store"] == str(store) and health["quads"] == quads
    assert health["read_only"] is True and health["timeout_s"] == TIMEOUT_S and health["max_rows"] == MAX_ROWS


def test_query_page_is_self_contained_and_offers_the_examples(server):
    page = httpx.get(server.url + "/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<textarea" in page.text and 'fetch("sparql"' in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no CDN, nothing remote
    examples = httpx.get(server.url + "/queries").json()
    assert [e["name"] for e in examples] == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    one = httpx.get(server.url + "/queries/official_posts.rq")
    assert one.status_code == 200 and "org:holds" in one.text
    assert httpx.get(server.url + "/queries/nothing.rq").status_code == 404


def test_query_page_in_a_real_browser(server, tmp_path):
    """Pick an example, run it, see the table (Debian's Chromium via playwright)."""
    import os

    chromium = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the 'playwright' Python package is not installed")
    if not os.access(chromium, os.X_OK):
        _unavailable(f"{chromium} not found (run tools/install-chromium.sh)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            outside = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None)
            page.goto(server.url + "/")
            page.wait_for_selector("#examples option[value=official_posts]", state="attached")
            page.select_option("#examples", "official_posts")
            assert "org:holds" in page.input_value("#query")
            page.click("#run")
            page.wait_for_selector("table tbody tr")
            headers = page.locator("th").all_inner_texts()
            assert headers == ["?person", "?title", "?body", "?sentence"]
            assert page.locator("tbody tr").count() > 5
            assert "rows in" in page.inner_text("#status")
            assert "市委书记" in page.inner_text("table")
            page.screenshot(path=str(tmp_path / "query-page.png"))
            page.fill("#query", "SELECT ?x WHERE { ?x }")
            page.click("#run")
            page.wait_for_selector("#status.error")
            assert "400" in page.inner_text("#status") and "syntax error" in page.inner_text("#status")
            assert outside == []
        finally:
            browser.close()


def _unavailable(why: str) -> None:
    if IN_CI:
        pytest.fail(f"{why} (CI=true: the browser test must run)")
    pytest.skip(why)
