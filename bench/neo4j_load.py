"""Neo4j load throughput: the batched loader (UNWIND $rows, one managed
transaction per batch) against one statement and one transaction per
relationship, on the same server in the same run. Prints relationships per
second for both and the ratio (target >= 20x).

The graph is synthetic (>= 100k relationships of the seven types between
~20k entities, with sources, evidence and dates). The baseline writes a
sample of further relationships among the same nodes, and its rate is
extrapolated. The server is the tests' (tools/neo4j-server; java + Maven),
but with the JVM's full JIT (C2), as a real server runs: the tests stop at C1
to start faster, which halves Cypher throughput (KG_NEO4J_JAVA_OPTS overrides).

    .venv/bin/python bench/neo4j_load.py [--relationships 105000] [--sample 3000] [--batch-size 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.neo4j_server import running_neo4j  # noqa: E402

from kg.neo4j.client import Neo4jClient, Neo4jSettings  # noqa: E402
from kg.neo4j.loader import RELATIONS, apply_schema, load_view  # noqa: E402
from kg.neo4j.rows import relation_rows  # noqa: E402

ENTITIES = {"Person": 4000, "GovBody": 3000, "Company": 3000, "Organization": 1000, "Place": 3000,
            "Project": 3000, "Initiative": 2000, "Event": 1000}
# head types, tail types (the guidelines' table) and the share of relationships
RELATION_SHAPES = {
    "HOLDS_POST": (("Person",), ("GovBody", "Company", "Organization"), 0.10),
    "LEADS": (("Person", "GovBody", "Place", "Company", "Organization"), ("Initiative", "Project", "Event"), 0.25),
    "LOCATED_IN": (("Project", "Initiative", "Event", "Company", "GovBody", "Organization"), ("Place",), 0.30),
    "PART_OF": (("Place", "GovBody"), ("Place", "GovBody"), 0.08),
    "PARTICIPATES_IN": (("Person", "GovBody", "Company", "Organization", "Place"), ("Event", "Initiative", "Project"), 0.15),
    "COOPERATES_WITH": (("Company",), ("Place", "GovBody", "Company"), 0.07),
    "OPERATES": (("Company", "GovBody"), ("Project",), 0.05),
}
ARTICLES = 500
TITLES = ("市委书记", "市长", "局长", "党组书记", "主任", "董事长")


def synthetic_view(relationships: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    articles = {f"doc-{i:04d}": {"title": f"第{i}篇报道", "date": f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}"}
                for i in range(ARTICLES)}
    docs = list(articles)
    nodes, by_type = [], {}
    for kind, count in ENTITIES.items():
        for i in range(count):
            node = {"id": f"{kind.lower()}-{i}", "type": kind, "name": f"{kind}名称{i}", "aliases": [f"简称{i}"],
                    "attributes": {}, "posts": [], "sources": rng.sample(docs, rng.randint(1, 3))}
            if kind == "Place":
                node["attributes"] = {"division_code": f"{420000 + i}", "division_level": 1 + i % 4}
            nodes.append(node)
            by_type.setdefault(kind, []).append(node["id"])
    edges = []
    for rel_type, (heads, tails, share) in RELATION_SHAPES.items():
        for _ in range(round(relationships * share)):
            sources = rng.sample(docs, rng.randint(1, 2))
            edges.append({"id": f"rel-{len(edges)}", "type": rel_type,
                          "source": rng.choice(by_type[rng.choice(heads)]),
                          "target": rng.choice(by_type[rng.choice(tails)]),
                          "title": rng.choice(TITLES) if rel_type == "HOLDS_POST" else None,
                          "evidence": [{"doc": d, "sentence": f"{d}的一句证据：某某单位推进某某项目建设。"} for d in sources],
                          "sources": sources})
    return {"title": "bench", "nodes": nodes, "edges": edges, "articles": articles}


def relationship_count(client: Neo4jClient) -> int:
    _, rows = client.query("MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' RETURN count(r)", {})
    return rows[0][0]


def one_per_relationship(client: Neo4jClient, view: dict) -> float:
    """The baseline: the same MERGE, one relationship per statement and transaction."""
    start = time.perf_counter()
    for rel_type in sorted({e["type"] for e in view["edges"]}):
        for row in relation_rows(view, rel_type):
            client.write(RELATIONS[rel_type], [row.params()])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=105_000)
    parser.add_argument("--sample", type=int, default=3000, help="relationships the baseline writes")
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()

    view = synthetic_view(args.relationships + args.sample)
    sample = {**view, "nodes": [], "edges": view["edges"][-args.sample:]}
    view["edges"] = view["edges"][:-args.sample]
    nodes_only = {**view, "edges": []}
    edges_only = {**view, "nodes": []}

    os.environ.setdefault("KG_NEO4J_JAVA_OPTS", "-XX:TieredStopAtLevel=4")
    with tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-") as tmp, running_neo4j(Path(tmp)) as server:
        settings = Neo4jSettings(server.uri, server.user, server.password)
        with Neo4jClient(settings) as client:
            apply_schema(client)
            start = time.perf_counter()
            load_view(client, nodes_only, args.batch_size, schema=False)
            node_time = time.perf_counter() - start
            start = time.perf_counter()
            load_view(client, edges_only, args.batch_size, schema=False)
            batched_time = time.perf_counter() - start
            loaded = relationship_count(client)
            baseline_time = one_per_relationship(client, sample)
            total = relationship_count(client)
    if loaded != len(view["edges"]) or total != loaded + len(sample["edges"]):
        raise SystemExit(f"wrong counts: {loaded} then {total}, expected {len(view['edges'])} + {len(sample['edges'])}")

    batched = loaded / batched_time
    baseline = len(sample["edges"]) / baseline_time
    print(f"graph: {len(view['nodes'])} entities, {len(view['articles'])} articles, "
          f"{loaded} relationships (+{len(sample['edges'])} for the baseline)")
    print(f"entities + mentions, batched: {node_time:.1f} s")
    print(f"batched UNWIND (batch {args.batch_size}): {loaded} relationships in {batched_time:.1f} s = "
          f"{batched:,.0f} relationships/s")
    print(f"one statement per relationship: {len(sample['edges'])} in {baseline_time:.1f} s = "
          f"{baseline:,.0f} relationships/s (extrapolated: {loaded / baseline:.0f} s for {loaded})")
    print(f"ratio: {batched / baseline:.1f}x (target >= 20x)")
    print(f"(server JVM options added: {os.environ['KG_NEO4J_JAVA_OPTS']}; driver packstream: {_packer()})")


def _packer() -> str:
    try:
        from neo4j._codec.packstream.v1 import _rust_pack  # private: only to say what was measured
    except ImportError:
        return "unknown"
    return "Rust (neo4j-rust-ext)" if _rust_pack else "pure Python"


if __name__ == "__main__":
    main()
