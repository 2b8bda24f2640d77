"""GraphML, GEXF 1.3 and Cytoscape JSON exports on a small hand-made view:
each validates against its schema and reads back, through networkx, as the
same graph (golden output compared as graphs, not as text)."""
from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from lxml import etree

from kg.export.networks import (EVIDENCE_SEPARATOR, GENERATORS, LIST_SEPARATOR, _Gexf13Writer,
                                generate_cytoscape, generate_gexf, generate_graphml, view_to_networkx,
                                write_cytoscape, write_gexf, write_graphml)
from tests.support.schemas import (GEXF_12DRAFT_XSD, GEXF_13_NS, GEXF_13_XSD, GRAPHML_XSD,
                                   gexf_13_as_12draft, schema_errors)

HOSTILE = '县长 <b>&"赵"</b> ]]> 说：“好”'


def _node(nid, type_, name, aliases=(), sources=("doc-1",), **attributes):
    return {"id": nid, "type": type_, "name": name, "aliases": list(aliases),
            "attributes": attributes, "posts": [], "sources": list(sources)}


def _edge(eid, s, t, type_, title=None, sentences=("句子。",), sources=("doc-1",)):
    return {"id": eid, "source": s, "target": t, "type": type_, "title": title,
            "evidence": [{"doc": sources[0], "sentence": x} for x in sentences], "sources": list(sources)}


@pytest.fixture
def view() -> dict:
    return {
        "title": "测试图谱",
        "nodes": [
            _node("person-1", "Person", "赵明远", ["赵书记", "明远"], ["doc-1", "doc-2"]),
            _node("govbody-1", "GovBody", "中共青川县委员会", ["青川县委"]),
            # a leading zero in a code must survive: codes are strings
            _node("place-1", "Place", "青川县", division_code="012345", division_level=3),
            _node("place-2", "Place", "石峡镇", division_code="012345101", division_level=4),
            _node("initiative-1", "Initiative", HOSTILE, sources=()),
        ],
        "edges": [
            _edge("rel-1", "person-1", "govbody-1", "HOLDS_POST", "县委书记",
                  ["青川县委书记赵明远主持会议。", "赵明远强调。"], ["doc-1", "doc-2"]),
            # a parallel edge: same ends, another relation
            _edge("rel-2", "person-1", "govbody-1", "LEADS"),
            _edge("rel-3", "govbody-1", "place-1", "LOCATED_IN", sentences=()),
            _edge("rel-4", "place-2", "place-1", "PART_OF"),
            _edge("rel-5", "person-1", "initiative-1", "LEADS", sentences=(HOSTILE,)),
        ],
    }


def _text(chunks) -> str:
    return "".join(chunks)


# ---- the networkx graph ------------------------------------------------------

def test_view_to_networkx_flat_typed_attributes(view):
    g = view_to_networkx(view)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 5
    assert g.nodes["person-1"] == {"label": "赵明远", "type": "Person", "aliases": "赵书记|明远",
                                   "sources": "doc-1|doc-2"}
    assert g.nodes["place-1"]["division_code"] == "012345"
    assert g.nodes["place-1"]["division_level"] == 3
    assert "division_code" not in g.nodes["person-1"]
    hold = g.edges["person-1", "govbody-1", "rel-1"]
    assert hold == {"type": "HOLDS_POST", "label": "HOLDS_POST", "title": "县委书记",
                    "sources": LIST_SEPARATOR.join(["doc-1", "doc-2"]),
                    "evidence": EVIDENCE_SEPARATOR.join(["青川县委书记赵明远主持会议。", "赵明远强调。"])}
    assert g.edges["govbody-1", "place-1", "rel-3"]["evidence"] == ""
    assert g.edges["person-1", "govbody-1", "rel-2"]["title"] == ""


# ---- GraphML ------------------------------------------------------------------

def test_graphml_validates_against_the_graphml_xsd(view):
    assert schema_errors(_text(generate_graphml(view)), GRAPHML_XSD) == []


def test_graphml_round_trips_as_the_same_graph(view):
    text = _text(generate_graphml(view))
    assert "赵明远" in text  # readable UTF-8, not &#36213;&#26126;...
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True, edge_key_type=str)
    expected = view_to_networkx(view)
    assert back.is_directed() and back.is_multigraph()
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))
    assert back.graph["name"] == "测试图谱"


def test_graphml_declares_typed_keys(view):
    root = etree.fromstring(_text(generate_graphml(view)).encode())
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys[("node", "division_level")] in ("int", "long")
    for name in ("label", "type", "aliases", "sources", "division_code"):
        assert keys[("node", name)] == "string"
    for name in ("type", "label", "title", "sources", "evidence"):
        assert keys[("edge", name)] == "string"


# ---- GEXF -------------------------------------------------------------------------

def test_gexf_is_version_1_3_and_validates(view):
    text = _text(generate_gexf(view))
    root = etree.fromstring(text.encode())
    assert root.tag == f"{{{GEXF_13_NS}}}gexf" and root.get("version") == "1.3"
    assert schema_errors(text, GEXF_13_XSD) == []


def test_gexf_valid_against_the_official_12draft_schema_once_renamed(view):
    # checks the hand-written 1.3 subset: all but the 1.3 additions must also
    # satisfy the official (registry-shipped) 1.2draft schema
    assert schema_errors(gexf_13_as_12draft(_text(generate_gexf(view))), GEXF_12DRAFT_XSD) == []


def test_gexf_edges_carry_the_relation_as_kind(view):
    root = etree.fromstring(_text(generate_gexf(view)).encode())
    ns = {"g": GEXF_13_NS}
    assert root.find("g:graph", ns).get("defaultedgetype") == "directed"
    edges = {e.get("id"): e for e in root.iterfind(".//g:edge", ns)}
    assert {k: e.get("kind") for k, e in edges.items()} == {e["id"]: e["type"] for e in view["edges"]}
    assert all(e.get("type") is None for e in edges.values())
    assert root.findtext("g:meta/g:description", namespaces=ns) == "测试图谱"
    types = {(a.getparent().get("class"), a.get("title")): a.get("type")
             for a in root.iterfind(".//g:attribute", ns)}
    assert types[("node", "division_level")] in ("integer", "long")
    assert types[("node", "division_code")] == "string"


def test_gexf_round_trips_as_the_same_graph(view):
    back = nx.read_gexf(io.BytesIO(_text(generate_gexf(view)).encode("utf-8")))
    expected = view_to_networkx(view)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    # the relation type lives in the GEXF "kind" attribute, which networkx
    # does not read back; the label repeats it
    got = sorted((u, v, k, {a: x for a, x in d.items() if a != "id"})
                 for u, v, k, d in back.edges(keys=True, data=True))
    want = sorted((u, v, k, {a: x for a, x in d.items() if a != "type"})
                  for u, v, k, d in expected.edges(keys=True, data=True))
    assert got == want


# ---- Cytoscape JSON ----------------------------------------------------------------

def test_cytoscape_round_trips_through_networkx(view):
    data = json.loads(_text(generate_cytoscape(view)))
    assert all(el["data"]["id"] == el["data"]["key"] for el in data["elements"]["edges"])
    assert {n["data"]["name"] for n in data["elements"]["nodes"]} >= {"赵明远", HOSTILE}
    back = nx.cytoscape_graph(data, name="label")
    expected = view_to_networkx(view)
    assert back.is_multigraph() and back.is_directed()
    assert back.number_of_nodes() == 5 and back.number_of_edges() == 5
    for node, attrs in expected.nodes(data=True):
        assert {k: back.nodes[node][k] for k in attrs} == attrs
    for u, v, k, attrs in expected.edges(keys=True, data=True):
        assert {a: back.edges[u, v, k][a] for a in attrs} == attrs


# ---- writers and edge cases -----------------------------------------------------------

@pytest.mark.parametrize("fmt, write", [("graphml", write_graphml), ("gexf", write_gexf),
                                        ("cytoscape", write_cytoscape)])
def test_write_writes_what_generate_yields(view, tmp_path, fmt, write):
    path = write(view, tmp_path / f"g.{fmt}")
    text = path.read_text(encoding="utf-8")
    again = _text(GENERATORS[fmt](view))
    if fmt == "gexf":  # the <meta> date may roll over between the two calls
        text, again = (t.split("</meta>", 1)[1] for t in (text, again))
    assert text == again


def test_empty_view_still_valid():
    empty = {"title": "空", "nodes": [], "edges": []}
    assert schema_errors(_text(generate_graphml(empty)), GRAPHML_XSD) == []
    assert schema_errors(_text(generate_gexf(empty)), GEXF_13_XSD) == []
    assert json.loads(_text(generate_cytoscape(empty)))["elements"] == {"nodes": [], "edges": []}


def test_the_schemas_catch_what_the_repairs_fix(view):
    # networkx's writer before the repairs: the relation in the direction
    # attribute "type", and a "name" on <graph>
    writer = _Gexf13Writer(version="1.3")
    writer.add_graph(view_to_networkx(view))
    raw = str(writer)
    errors = " ".join(schema_errors(raw, GEXF_13_XSD))
    assert "'type'" in errors and "HOLDS_POST" in errors
    assert "'name'" in errors
