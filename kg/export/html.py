"""Self-contained interactive HTML view of a kg "view graph".

The page is one file that opens from file:// and makes no network request:
the graph library, the data and the UI code are all inlined, and a
Content-Security-Policy forbids any fetch.

Why cytoscape.js (vendored from npm by tools/vendor-js.sh into
kg/export/assets/, version in assets/VERSIONS): it is actively maintained,
MIT-licensed, ships as ONE dependency-free minified file (no CDN, no bundler),
has built-in layouts (cose force-directed, grid, concentric, preset), a
canvas renderer with level-of-detail options (min-zoomed-font-size,
hideEdgesOnViewport, textureOnViewport) that keeps a few thousand nodes
usable, and a small programmatic API the browser test can drive.

Public API:
    generate_html(view) -> Iterator[str]   pure; yields the page in chunks
    write_html(view, path) -> Path         writes the page (UTF-8)
    focus_view(view, focus, depth, types)  sub-view around one node
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import deque
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

__all__ = ["NODE_TYPES", "EDGE_TYPES", "generate_html", "write_html", "focus_view"]

_ASSETS = "kg.export.assets"
_TEMPLATE = "graph.html.tmpl"
_LIBRARY = "cytoscape.min.js"
#: Above this many nodes the page switches to level-of-detail rendering
#: (haystack edges, no arrows, labels and edges hidden while panning/zooming).
BIG_GRAPH = 1500
#: Above this many visible nodes the page lays out with a fast O(n) layout
#: (grid blocks by type) instead of cose, which is O(n^2) per iteration.
COSE_MAX_NODES = 450
#: A focused view opens at least this zoomed in, centred on its focus node:
#: node labels (13 px, hidden below 8 px on screen) are then ~12 px tall.
READABLE_ZOOM = 0.9

# type -> (Chinese label, colour, cytoscape shape, CSS clip-path for the legend)
NODE_TYPES: dict[str, tuple[str, str, str, str]] = {
    "Person": ("人物", "#e15759", "ellipse", "circle(50%)"),
    "GovBody": ("政府机构", "#4e79a7", "round-rectangle", "inset(8% round 25%)"),
    "Company": ("企业", "#f28e2b", "diamond", "polygon(50% 0,100% 50%,50% 100%,0 50%)"),
    "Organization": ("组织", "#76b7b2", "hexagon",
                     "polygon(25% 5%,75% 5%,100% 50%,75% 95%,25% 95%,0 50%)"),
    "Place": ("地点", "#59a14f", "round-triangle", "polygon(50% 0,100% 100%,0 100%)"),
    "Project": ("项目", "#edc948", "rhomboid", "polygon(25% 10%,100% 10%,75% 90%,0 90%)"),
    "Initiative": ("举措", "#b07aa1", "star",
                   "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,"
                   "21% 91%,32% 57%,2% 35%,39% 35%)"),
    "Event": ("事件", "#9c755f", "tag", "polygon(0 10%,70% 10%,100% 50%,70% 90%,0 90%)"),
}
_OTHER = ("其他", "#9ca3af", "ellipse", "circle(50%)")

# relation type -> (Chinese label, colour)
EDGE_TYPES: dict[str, tuple[str, str]] = {
    "HOLDS_POST": ("任职", "#e15759"),
    "LEADS": ("领导", "#4e79a7"),
    "LOCATED_IN": ("位于", "#59a14f"),
    "PART_OF": ("隶属", "#76b7b2"),
    "PARTICIPATES_IN": ("参与", "#b07aa1"),
    "COOPERATES_WITH": ("合作", "#f28e2b"),
    "OPERATES": ("运营", "#9c755f"),
}

_MARKER = re.compile(r"\{\{([A-Z_]+)\}\}")
# Inside <script type="application/json"> only "</script" or "<!--" could end
# or confuse the element; escaping every < > & (and JS line separators) as
# \\uXXXX keeps the JSON valid and the HTML parser blind to its content.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def _asset(name: str) -> str:
    return resources.files(_ASSETS).joinpath(name).read_text(encoding="utf-8")


def _json_for_script(obj: Any, chunk_size: int = 1 << 16) -> Iterator[str]:
    """Encode *obj* as JSON that is safe to inline in a <script> element."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)
    buf: list[str] = []
    size = 0
    for piece in encoder.iterencode(obj):
        buf.append(piece.translate(_SCRIPT_ESCAPES))
        size += len(piece)
        if size >= chunk_size:
            yield "".join(buf)
            buf, size = [], 0
    if buf:
        yield "".join(buf)


def _prepare(view: dict) -> dict:
    """Normalise a view so that cytoscape can load it without errors:
    unique string ids, names, and no edge pointing at a missing node."""
    nodes, node_ids = [], set()
    for n in view.get("nodes") or []:
        nid = str(n.get("id") or "")
        if not nid or nid in node_ids:
            continue
        node_ids.add(nid)
        nodes.append(dict(n, id=nid, name=str(n.get("name") or nid),
                          type=str(n.get("type") or "Other")))
    edges, used = [], set(node_ids)
    for i, e in enumerate(view.get("edges") or []):
        src, tgt = str(e.get("source")), str(e.get("target"))
        if src not in node_ids or tgt not in node_ids:
            continue
        eid = str(e.get("id") or f"e{i}")
        if eid in used:
            eid = f"{eid}#{i}"
        used.add(eid)
        edges.append(dict(e, id=eid, source=src, target=tgt, type=str(e.get("type") or "")))
    # optional doc id -> {"title", "date", "url"} (as kg.export.view provides)
    articles = {str(k): v for k, v in (view.get("articles") or {}).items() if isinstance(v, dict)}
    # the node a focused view is centred on (focus_view sets it), if it is there
    focus = str(view["focus"]) if view.get("focus") is not None and str(view["focus"]) in node_ids else None
    return {"title": str(view.get("title") or "知识图谱"), "nodes": nodes, "edges": edges,
            "articles": articles, "focus": focus,
            "dropped_edges": len(view.get("edges") or []) - len(edges)}


def _config() -> dict:
    node_types = {t: {"label": lab, "color": col, "shape": shp, "clip": clip}
                  for t, (lab, col, shp, clip) in NODE_TYPES.items()}
    lab, col, shp, clip = _OTHER
    return {"nodeTypes": node_types,
            "other": {"label": lab, "color": col, "shape": shp, "clip": clip},
            "edgeTypes": {t: {"label": lab, "color": col} for t, (lab, col) in EDGE_TYPES.items()},
            "big": BIG_GRAPH, "coseMax": COSE_MAX_NODES, "readableZoom": READABLE_ZOOM}


def generate_html(view: dict) -> Iterator[str]:
    """Yield the self-contained HTML page for *view* in chunks (pure: no I/O
    besides reading the packaged assets)."""
    page = _prepare(view)
    library = _asset(_LIBRARY)
    if "</script" in library.lower() or "<!--" in library:
        raise RuntimeError(f"{_LIBRARY} cannot be inlined in a <script> element")
    values = {
        "TITLE": lambda: [html.escape(page["title"])],
        "LIBRARY": lambda: [library],
        "DATA": lambda: _json_for_script(page),
        "CONFIG": lambda: _json_for_script(_config()),
    }
    template = _asset(_TEMPLATE)
    pos = 0
    for m in _MARKER.finditer(template):
        yield template[pos:m.start()]
        yield from values[m.group(1)]()
        pos = m.end()
    yield template[pos:]


def write_html(view: dict, path: str | os.PathLike) -> Path:
    """Write the page for *view* to *path* (atomically) and return the path."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for chunk in generate_html(view):
            fh.write(chunk)
    os.replace(tmp, path)
    return path


def _find_node(nodes: Iterable[dict], focus: str) -> dict:
    nodes = list(nodes)
    for n in nodes:
        if str(n.get("id")) == focus:
            return n
    for key in ("name", "aliases"):
        hits = [n for n in nodes
                if (focus == n.get("name") if key == "name" else focus in (n.get("aliases") or []))]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            ids = ", ".join(str(n.get("id")) for n in hits[:10])
            raise ValueError(f"focus {focus!r} is ambiguous: it is the {key} of several "
                             f"nodes ({ids}); pass a node id instead")
    raise ValueError(f"focus {focus!r} matches no node id, name or alias in the view "
                     f"({len(nodes)} nodes)")


def focus_view(view: dict, focus: str, depth: int, types: set[str] | None = None) -> dict:
    """Return the sub-view of nodes within *depth* hops (edges taken as
    undirected) of the node whose id, name or alias equals *focus*.

    Hops are counted on the whole graph; *types*, if given, then keeps only
    nodes of those types (the focus node itself is always kept) and the edges
    between kept nodes. Raises ValueError if *focus* matches no node, matches
    several by name/alias, or if *depth* or *types* are invalid.
    """
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise ValueError(f"depth must be an int >= 0, got {depth!r}")
    if types is not None:
        unknown = set(types) - set(NODE_TYPES)
        if unknown:
            raise ValueError(f"unknown node type(s) {sorted(unknown)}; "
                             f"expected some of {sorted(NODE_TYPES)}")
    nodes = view.get("nodes") or []
    edges = view.get("edges") or []
    start = str(_find_node(nodes, focus).get("id"))
    adjacent: dict[str, set[str]] = {}
    for e in edges:
        s, t = str(e.get("source")), str(e.get("target"))
        adjacent.setdefault(s, set()).add(t)
        adjacent.setdefault(t, set()).add(s)
    dist = {start: 0}
    queue = deque([start])
    while queue:
        cur = queue.popleft()
        if dist[cur] == depth:
            continue
        for nxt in adjacent.get(cur, ()):
            if nxt not in dist:
                dist[nxt] = dist[cur] + 1
                queue.append(nxt)
    keep = {str(n.get("id")) for n in nodes if str(n.get("id")) in dist
            and (types is None or n.get("type") in types or str(n.get("id")) == start)}
    sub = dict(view)
    sub["nodes"] = [n for n in nodes if str(n.get("id")) in keep]
    sub["edges"] = [e for e in edges
                    if str(e.get("source")) in keep and str(e.get("target")) in keep]
    name = next(n.get("name") for n in nodes if str(n.get("id")) == start)
    sub["title"] = f"{view.get('title') or '知识图谱'} · {name}（{depth} 跳）"
    sub["focus"] = start
    return sub
