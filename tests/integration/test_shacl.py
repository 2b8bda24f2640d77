"""The graph built from ../shared/corpus satisfies schemas/shapes.ttl
(pyshacl): the union that queries see, and every article graph on its own.
A graph broken on purpose shows that each shape bites."""
from __future__ import annotations

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, SH

from tests.conftest import CORPUS, ROOT, require_shared

SHAPES = ROOT / "schemas" / "shapes.ttl"
KG = Namespace("https://kg.example.org/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ID = Namespace("https://kg.example.org/id/")


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict:
    """`kg build` then `kg export` as ttl (the union) and trig (per article)."""
    require_shared()
    from click.testing import CliRunner

    from kg.cli import main

    folder = tmp_path_factory.mktemp("shacl")
    store = folder / "store"
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(CORPUS), "--store", str(store), "--no-html"])
    assert built.exit_code == 0, built.output
    paths = {}
    for fmt in ("ttl", "trig"):
        paths[fmt] = folder / f"graph.{fmt}"
        exported = runner.invoke(main, ["export", "--store", str(store), "--format", fmt, "-o", str(paths[fmt])])
        assert exported.exit_code == 0, exported.output
    return paths


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


def violations(data, shapes: Graph) -> list[dict]:
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        found.append({"focus": report.value(result, SH.focusNode), "path": report.value(result, SH.resultPath),
                      "shape": report.value(result, SH.sourceShape),
                      "message": str(report.value(result, SH.resultMessage))})
    return found


def test_union_graph_conforms(exports, shapes):
    graph = Graph().parse(exports["ttl"])
    assert len(graph) > 1000
    found = violations(graph, shapes)
    assert found == [], "\n".join(f"{v['focus']} {v['path']}: {v['message']}" for v in found[:20])


def test_every_article_graph_conforms(exports, shapes):
    dataset = Dataset()
    dataset.parse(exports["trig"], format="trig")
    articles = [g for g in dataset.graphs() if str(g.identifier).startswith("https://kg.example.org/doc/")]
    assert len(articles) == len(list(CORPUS.glob("*.txt")))
    for article in articles:
        assert len(article) > 100, article.identifier
        found = violations(article, shapes)
        assert found == [], f"{article.identifier}: " + "; ".join(f"{v['focus']} {v['path']}" for v in found[:10])


def test_the_shapes_catch_a_broken_graph(exports, shapes):
    """One defect of each kind the shapes forbid, each on its own node."""
    graph = Graph().parse(exports["ttl"])
    query = lambda text: list(graph.query(text, initNs={"kg": KG, "org": ORG, "rdf": RDF, "prov": PROV}))  # noqa: E731
    persons = [row[0] for row in query('SELECT DISTINCT ?p WHERE { ?p kg:entityType "Person" } ORDER BY ?p')]
    places = [row[0] for row in query("SELECT DISTINCT ?p WHERE { ?p kg:divisionLevel ?l } ORDER BY ?p")]
    posts = [row[0] for row in query("SELECT DISTINCT ?p WHERE { ?p a org:Post } ORDER BY ?p")]
    statements = [row[0] for row in query('SELECT DISTINCT ?s WHERE { ?s kg:relationType "LEADS" } ORDER BY ?s')]
    leads = [tuple(row) for row in query("SELECT ?h ?t WHERE { ?h kg:leads ?t } ORDER BY ?h ?t")]
    expected = set()

    graph.add((persons[0], KG.entityType, Literal("Place")))                          # two entity types
    expected.add((persons[0], KG.entityType))
    for label in list(graph.objects(persons[1], RDFS.label)):                        # no zh label
        graph.remove((persons[1], RDFS.label, label))
    graph.add((persons[1], RDFS.label, Literal("someone", lang="en")))
    expected.add((persons[1], RDFS.label))
    graph.remove((places[0], KG.divisionLevel, None))                                # code without level
    expected.add((places[0], KG.divisionLevel))
    graph.remove((posts[0], KG.title, None))                                         # post without title
    expected.add((posts[0], KG.title))
    graph.remove((posts[1], ORG.heldBy, None))                                       # post without holder
    expected.add((posts[1], ORG.heldBy))
    for predicate in (KG.relationType, RDF.subject, RDF.object, PROV.wasDerivedFrom):  # bare statements
        statement = statements[len(expected) % len(statements)]
        graph.remove((statement, predicate, None))
        expected.add((statement, predicate))
    head, tail = leads[0]                                                            # LEADS to a person
    graph.add((head, KG.leads, persons[2]))
    expected.add((head, KG.leads))

    found = {(v["focus"], v["path"]) for v in violations(graph, shapes)}
    assert expected <= found, sorted(expected - found)
