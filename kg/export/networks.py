"""Graph exports for Gephi and Cytoscape through networkx's writers: the
merged view becomes a MultiDiGraph with typed, flat attributes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import networkx as nx


def view_to_networkx(view: dict) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name=view.get("title", "kg"))
    for n in view["nodes"]:
        attrs = {"label": n["name"], "type": n["type"], "aliases": "|".join(n["aliases"]),
                 "sources": "|".join(n["sources"])}
        code = n.get("attributes", {}).get("division_code")
        if code:
            attrs["division_code"] = code
        g.add_node(n["id"], **attrs)
    for e in view["edges"]:
        g.add_edge(e["source"], e["target"], key=e["id"], type=e["type"], label=e["type"],
                   title=e.get("title") or "", sources="|".join(e["sources"]),
                   evidence=" || ".join(ev["sentence"] for ev in e["evidence"]))
    return g


def generate_graphml(view: dict) -> Iterator[str]:
    yield from (line + "\n" for line in nx.generate_graphml(view_to_networkx(view)))


def generate_gexf(view: dict) -> Iterator[str]:
    yield from (line + "\n" for line in nx.generate_gexf(view_to_networkx(view), version="1.2draft"))


def generate_cytoscape(view: dict) -> Iterator[str]:
    data = nx.cytoscape_data(view_to_networkx(view))
    yield json.dumps(data, ensure_ascii=False, indent=1)
    yield "\n"


GENERATORS = {"graphml": generate_graphml, "gexf": generate_gexf, "cytoscape": generate_cytoscape}
