"""Does the HTML view stay usable on a few thousand nodes? A synthetic view
(default 3000 nodes, 6000 edges, the corpus's mix of types and relations,
a few hub places as real news graphs have) is written with write_html and
opened in headless Chromium (Debian's /usr/bin/chromium, launched as the
browser tests do). Prints the page size and, as medians over the rounds:

  time-to-ready   navigation start until window.kgView.ready (data parsed,
                  elements built, laid out, fitted: the graph is usable)
  search          kgView.search(name): select, centre and zoom on one node
  focus / reset   2-hop neighbourhood (re-laid out with cose) and back

    .venv/bin/python bench/html_view.py [--nodes 3000] [--edges 6000] [--rounds 3]

A 2-core machine is the reference; above 1500 nodes the page switches to
its level-of-detail rendering and above 450 to the O(n) type-block layout
(kg/export/html.py BIG_GRAPH, COSE_MAX_NODES).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.html import write_html  # noqa: E402
from tests.support.browser import browser_missing, chromium_context, open_graph_page  # noqa: E402

# shares of the node types and relation types in the corpus's graph
NODE_MIX = {"Person": 40, "GovBody": 30, "Company": 22, "Place": 24, "Project": 34,
            "Initiative": 25, "Event": 11}
EDGE_MIX = {"LOCATED_IN": 110, "LEADS": 63, "PARTICIPATES_IN": 33, "PART_OF": 23,
            "COOPERATES_WITH": 15, "HOLDS_POST": 13, "OPERATES": 13}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
PLACE_SUFFIX = ["市", "县", "镇", "街道", "乡"]


def synthetic_view(n_nodes: int, n_edges: int, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    types = rnd.choices(list(NODE_MIX), weights=list(NODE_MIX.values()), k=n_nodes)
    nodes = []
    for i, t in enumerate(types):
        if t == "Person":
            name = rnd.choice(SURNAMES) + f"某{i}"
        elif t == "Place":
            name = f"第{i}" + rnd.choice(PLACE_SUFFIX)
        else:
            name = f"{t}示例{i}号"
        nodes.append({"id": f"n{i}", "type": t, "name": name, "aliases": [], "attributes": {},
                      "posts": [], "sources": [f"doc-{i % 500}"]})
    places = [n["id"] for n in nodes if n["type"] == "Place"]
    hubs = places[:8]  # most LOCATED_IN edges go to a few places, as in news
    relations = rnd.choices(list(EDGE_MIX), weights=list(EDGE_MIX.values()), k=n_edges)
    edges = []
    for j, rel in enumerate(relations):
        source = f"n{rnd.randrange(n_nodes)}"
        if rel == "LOCATED_IN":
            target = rnd.choice(hubs) if rnd.random() < 0.6 else rnd.choice(places)
        else:
            target = f"n{rnd.randrange(n_nodes)}"
        if target == source:
            continue
        sentence = f"示例句子{j}：{source}与{target}。"
        edges.append({"id": f"e{j}", "source": source, "target": target, "type": rel,
                      "title": "县长" if rel == "HOLDS_POST" else None,
                      "evidence": [{"doc": f"doc-{j % 500}", "sentence": sentence}],
                      "sources": [f"doc-{j % 500}"]})
    return {"title": f"合成图谱 {n_nodes} 节点", "nodes": nodes, "edges": edges}


def _timed(page, script: str, arg=None) -> float:
    started = time.monotonic()
    page.evaluate(script, arg)
    return time.monotonic() - started


def run_once(context, path: Path, view: dict) -> dict[str, float]:
    started = time.monotonic()
    page, watch, _ = open_graph_page(context, path, timeout_ms=120_000)
    ready = time.monotonic() - started
    if page.evaluate("kgView.nodeCount()") != len(view["nodes"]):
        raise SystemExit("the page lost nodes")
    hub = view["edges"][0]["target"]
    name = next(n["name"] for n in view["nodes"] if n["id"] == view["edges"][0]["source"])
    search = _timed(page, "(q) => kgView.search(q)", name)
    focus_started = time.monotonic()
    page.evaluate("(id) => kgView.focus(id, 2)", hub)
    page.wait_for_function("(id) => kgView.selected() === id", arg=hub, timeout=120_000)
    focus = time.monotonic() - focus_started
    reset = _timed(page, "() => kgView.reset()")
    if watch.errors:
        raise SystemExit("console errors: " + "; ".join(watch.errors))
    page.close()
    return {"ready": ready, "search": search, "focus": focus, "reset": reset}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    why = browser_missing()
    if why:
        raise SystemExit(why)
    view = synthetic_view(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        path = write_html(view, Path(tmp) / "graph.html")
        write_s = time.monotonic() - started
        runs = []
        with chromium_context(Path(tmp) / "profile") as context:
            for _ in range(args.rounds):
                runs.append(run_once(context, path, view))
        size_mb = path.stat().st_size / 1e6
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"html view: {len(view['nodes'])} nodes, {len(view['edges'])} edges; "
          f"page {size_mb:.1f} MB written in {write_s:.2f} s")
    each = ", ".join(f"{r['ready']:.2f}" for r in runs)
    print(f"time-to-ready: median {med['ready']:.2f} s (runs: {each})")
    print(f"search {med['search'] * 1000:.0f} ms, focus 2 hops {med['focus'] * 1000:.0f} ms, "
          f"reset {med['reset'] * 1000:.0f} ms (medians over {len(runs)} rounds)")


if __name__ == "__main__":
    main()
