"""Graph exports for Gephi, yEd and Cytoscape through networkx's writers: the
merged view becomes a MultiDiGraph with typed, flat attributes.

Every format carries the same attributes. Nodes: label (the name), type,
aliases and sources (joined with LIST_SEPARATOR, since GraphML and GEXF
have no list type that Gephi and yEd read alike), division_code (a string:
codes are identifiers, and a leading zero must survive) and division_level
(an int), the last two only on places that have them. Edges, keyed by the
statement id: type, label (the type again, so that viewers draw it), title
(the post of a HOLDS_POST, else ""), sources, and evidence (the sentences
joined with EVIDENCE_SEPARATOR).
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

LIST_SEPARATOR = "|"
EVIDENCE_SEPARATOR = " || "

GEXF_VERSION = "1.3"


class _Gexf13Writer(GEXFWriter):
    """networkx's GEXF writer with a correct 1.3 entry: networkx 3.2 (which
    pyproject allows) has none, and 3.6's spells the XSI namespace
    "http://w3.org/2001/..." (no www), which leaves xsi:schemaLocation in an
    unknown namespace and fails schema validation."""

    versions = {**GEXFWriter.versions, GEXF_VERSION: {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }}


def view_to_networkx(view: dict) -> nx.MultiDiGraph:
    """The view as a MultiDiGraph: node ids and edge keys are the view's ids."""
    g = nx.MultiDiGraph(name=view.get("title") or "kg")
    for n in view["nodes"]:
        attrs = {"label": n["name"], "type": n["type"],
                 "aliases": LIST_SEPARATOR.join(n.get("aliases") or ()),
                 "sources": LIST_SEPARATOR.join(n.get("sources") or ())}
        extra = n.get("attributes") or {}
        if extra.get("division_code"):
            attrs["division_code"] = str(extra["division_code"])
        if extra.get("division_level") is not None:
            attrs["division_level"] = int(extra["division_level"])
        g.add_node(n["id"], **attrs)
    for e in view["edges"]:
        g.add_edge(e["source"], e["target"], key=e["id"], type=e["type"], label=e["type"],
                   title=e.get("title") or "", sources=LIST_SEPARATOR.join(e.get("sources") or ()),
                   evidence=EVIDENCE_SEPARATOR.join(ev["sentence"] for ev in e.get("evidence") or ()))
    return g


def generate_graphml(view: dict) -> Iterator[str]:
    """GraphML (graphml.graphdrawing.org); edge ids are statement ids."""
    writer = GraphMLWriter()
    writer.add_graph_element(view_to_networkx(view))
    yield from _serialise(writer)


def generate_gexf(view: dict) -> Iterator[str]:
    """GEXF 1.3 for Gephi, from networkx's writer with two repairs on its
    element tree before serialising (see _repair_gexf)."""
    g = view_to_networkx(view)
    for _, _, key, data in g.edges(keys=True, data=True):
        data["id"] = key  # else networkx numbers the GEXF edges 0, 1, 2, ...
    writer = _Gexf13Writer(version=GEXF_VERSION)
    writer.add_graph(g)
    _repair_gexf(writer.xml)
    yield from _serialise(writer)


def _serialise(writer) -> Iterator[str]:
    # networkx's own str(writer) encodes as ASCII, so every Chinese character
    # would become a &#NNNNN; reference: valid, but unreadable and 2-3x larger.
    writer.indent(writer.xml)
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield ET.tostring(writer.xml, encoding="unicode")
    yield "\n"


def _repair_gexf(root) -> None:
    # GEXF's <graph> has no "name" attribute (the official 1.2draft XSD
    # rejects it); the title goes where the format keeps one, in <meta>.
    graph = root.find("graph")
    title = graph.attrib.pop("name", None) if graph is not None else None
    meta = root.find("meta")
    if title and meta is not None:
        ET.SubElement(meta, "description").text = title
    # networkx writes an edge's "type" datum as GEXF's own edge attribute
    # "type", which means directed/undirected/mutual. GEXF 1.3 has "kind" for
    # what our type is (it tells parallel edges apart; Gephi reads it as the
    # edge type), and defaultedgetype="directed" already gives the direction.
    for edge in root.iter("edge"):
        relation = edge.attrib.pop("type", None)
        if relation is not None:
            edge.set("kind", relation)


def generate_cytoscape(view: dict) -> Iterator[str]:
    """Cytoscape JSON (cytoscape.js elements, also read by Cytoscape desktop
    and nx.cytoscape_graph); "name" is the entity's name."""
    data = nx.cytoscape_data(view_to_networkx(view), name="label")
    for edge in data["elements"]["edges"]:
        # cytoscape.js wants every element to have an id; the statement id is stable
        edge["data"]["id"] = edge["data"]["key"]
    yield json.dumps(data, ensure_ascii=False, indent=1)
    yield "\n"


def _write(chunks: Iterable[str], path: str | os.PathLike) -> Path:
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(chunks)
    return path


def write_graphml(view: dict, path: str | os.PathLike) -> Path:
    return _write(generate_graphml(view), path)


def write_gexf(view: dict, path: str | os.PathLike) -> Path:
    return _write(generate_gexf(view), path)


def write_cytoscape(view: dict, path: str | os.PathLike) -> Path:
    return _write(generate_cytoscape(view), path)


GENERATORS = {"graphml": generate_graphml, "gexf": generate_gexf, "cytoscape": generate_cytoscape}
