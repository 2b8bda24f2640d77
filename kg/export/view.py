"""The merged graph read back from the store as plain nodes and edges, each
with its sources and evidence: the core of the JSONL, HTML, GraphML, GEXF
and Cytoscape exports."""

from __future__ import annotations

_NODES = """
SELECT ?e ?type (SAMPLE(?label) AS ?name) (SAMPLE(?code) AS ?division) (SAMPLE(?lvl) AS ?level) WHERE {
  ?e kg:entityType ?type ; rdfs:label ?label .
  OPTIONAL { ?e kg:divisionCode ?code } OPTIONAL { ?e kg:divisionLevel ?lvl }
} GROUP BY ?e ?type ORDER BY ?e
"""
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e kg:entityType ?t ; skos:altLabel ?alias } ORDER BY ?e ?alias"
_SOURCES = "SELECT DISTINCT ?e ?doc WHERE { ?a kg:mentions ?e ; kg:documentId ?doc } ORDER BY ?e ?doc"
_EDGES = """
SELECT DISTINCT ?st ?type ?h ?t ?title ?doc ?sentence WHERE {
  ?st a kg:Statement ; kg:relationType ?type ; rdf:subject ?h ; rdf:object ?t .
  OPTIONAL { ?st kg:title ?title }
  OPTIONAL { ?st kg:evidence ?ev . ?ev kg:sentence ?sentence ; prov:wasDerivedFrom ?a . ?a kg:documentId ?doc }
} ORDER BY ?st ?doc ?sentence
"""
_ARTICLES = """
SELECT ?doc (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date) (SAMPLE(?u) AS ?url) WHERE {
  ?a a kg:Article ; kg:documentId ?doc .
  OPTIONAL { ?a dcterms:title ?t } OPTIONAL { ?a dcterms:date ?d } OPTIONAL { ?a schema:url ?u }
} GROUP BY ?doc ORDER BY ?doc
"""


def _id(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def view_from_store(store, title: str = "kg") -> dict:
    nodes: dict[str, dict] = {}
    for row in store.query(_NODES):
        node_id = _id(row["e"].value)
        attrs = {}
        if row["division"] is not None:
            attrs["division_code"] = row["division"].value
        if row["level"] is not None:
            attrs["division_level"] = int(row["level"].value)
        nodes[node_id] = {"id": node_id, "type": row["type"].value, "name": row["name"].value,
                          "aliases": [], "attributes": attrs, "posts": [], "sources": []}
    for row in store.query(_ALIASES):
        node = nodes.get(_id(row["e"].value))
        if node is not None and row["alias"].value != node["name"]:
            node["aliases"].append(row["alias"].value)
    for row in store.query(_SOURCES):
        node = nodes.get(_id(row["e"].value))
        if node is not None:
            node["sources"].append(row["doc"].value)
    edges: dict[str, dict] = {}
    for row in store.query(_EDGES):
        edge_id = _id(row["st"].value)
        edge = edges.get(edge_id)
        if edge is None:
            edge = {"id": edge_id, "source": _id(row["h"].value), "target": _id(row["t"].value),
                    "type": row["type"].value, "title": row["title"].value if row["title"] is not None else None,
                    "evidence": [], "sources": []}
            edges[edge_id] = edge
        if row["doc"] is not None:
            ev = {"doc": row["doc"].value, "sentence": row["sentence"].value}
            if ev not in edge["evidence"]:
                edge["evidence"].append(ev)
            if ev["doc"] not in edge["sources"]:
                edge["sources"].append(ev["doc"])
    edges = {k: e for k, e in edges.items() if e["source"] in nodes and e["target"] in nodes}
    for edge in edges.values():
        if edge["type"] == "HOLDS_POST":
            body = nodes[edge["target"]]
            nodes[edge["source"]]["posts"].append({"title": edge["title"] or "", "body": body["id"],
                                                   "body_name": body["name"], "evidence": edge["evidence"]})
    articles = {row["doc"].value: {k: row[k].value for k in ("title", "date", "url") if row[k] is not None}
                for row in store.query(_ARTICLES)}
    return {"title": title, "nodes": list(nodes.values()), "edges": list(edges.values()), "articles": articles}


def generate_jsonl(view: dict):
    """One JSON object per line: nodes first, then edges."""
    import json

    for node in view["nodes"]:
        yield json.dumps({"kind": "node", **node}, ensure_ascii=False) + "\n"
    for edge in view["edges"]:
        yield json.dumps({"kind": "edge", **edge}, ensure_ascii=False) + "\n"
