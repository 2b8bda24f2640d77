"""`kg export --format graphml|gexf|cytoscape` on the store of
../shared/corpus: schema-valid files that read back, through networkx, with
as many nodes and edges as the view the store gives."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from tests.support.schemas import GEXF_13_XSD, GRAPHML_XSD, schema_errors


@pytest.fixture(scope="module")
def built_store(corpus_store):
    return corpus_store


@pytest.fixture(scope="module")
def view(built_store):
    from kg.export.view import view_from_store
    from kg.store.oxigraph import GraphStore

    with GraphStore(str(built_store), read_only=True) as store:
        return view_from_store(store, title=built_store.name)


def _export(run_kg, store, fmt, tmp_path):
    out = tmp_path / f"graph.{fmt}"
    result = run_kg("export", "--store", str(store), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _counts(view):
    return len(view["nodes"]), len(view["edges"])


def test_graphml_export(run_kg, built_store, view, tmp_path):
    out = _export(run_kg, built_store, "graphml", tmp_path)
    assert schema_errors(out.read_bytes(), GRAPHML_XSD) == []
    back = nx.read_graphml(out, force_multigraph=True, edge_key_type=str)
    assert (back.number_of_nodes(), back.number_of_edges()) == _counts(view)
    assert {k for _, _, k in back.edges(keys=True)} == {e["id"] for e in view["edges"]}
    wu = next(n for n in view["nodes"] if n["name"] == "武小凯")
    assert back.nodes[wu["id"]]["type"] == "Person"


def test_gexf_export(run_kg, built_store, view, tmp_path):
    out = _export(run_kg, built_store, "gexf", tmp_path)
    assert schema_errors(out.read_bytes(), GEXF_13_XSD) == []
    back = nx.read_gexf(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == _counts(view)
    place = next(n for n in view["nodes"] if n["name"] == "丹江口市")
    assert back.nodes[place["id"]]["division_code"] == place["attributes"]["division_code"]


def test_cytoscape_export(run_kg, built_store, view, tmp_path):
    out = _export(run_kg, built_store, "cytoscape", tmp_path)
    back = nx.cytoscape_graph(json.loads(out.read_text(encoding="utf-8")), name="label")
    assert (back.number_of_nodes(), back.number_of_edges()) == _counts(view)
