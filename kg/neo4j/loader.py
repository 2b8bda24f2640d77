"""Load the merged graph into Neo4j: the schema (schemas/neo4j.cypher),
then articles, entities, mentions and relations in batches of
`UNWIND $rows AS row MERGE ...`, one managed transaction per batch.

Loading is idempotent and incremental: nodes and relationships are merged
on their kg ids, and their sources, aliases and evidence are extended as a
union, so loading new articles adds to what is there."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kg.neo4j.client import Neo4jClient, WriteCounts
from kg.neo4j.rows import article_rows, entity_rows, mention_rows, relation_rows

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schemas" / "neo4j.cypher"
DEFAULT_BATCH_SIZE = 1000

ENTITY_LABELS = ("Person", "GovBody", "Company", "Organization", "Place", "Project", "Initiative", "Event")
RELATION_TYPES = ("HOLDS_POST", "LEADS", "LOCATED_IN", "PART_OF", "PARTICIPATES_IN", "COOPERATES_WITH", "OPERATES")

# Lists are extended as a union, keeping the order in which items arrived.
_UNION = "coalesce({p}, []) + [x IN row.{k} WHERE NOT x IN coalesce({p}, [])]"

ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = coalesce(row.title, a.title), a.date = coalesce(row.date, a.date), a.url = coalesce(row.url, a.url)
"""

# Labels and relationship types cannot be parameters: each statement is made
# here, once, from the fixed names above, and looked up by type at load time.
_ENTITY = """
UNWIND $rows AS row
MERGE (n:Entity {{id: row.id}})
SET n:{label}, n.type = row.type, n.name = row.name,
    n.aliases = """ + _UNION.format(p="n.aliases", k="aliases") + """,
    n.sources = """ + _UNION.format(p="n.sources", k="sources") + """,
    n.division_code = coalesce(row.division_code, n.division_code),
    n.division_level = coalesce(row.division_level, n.division_level)
"""
ENTITIES = {label: _ENTITY.format(label=label) for label in ENTITY_LABELS}

MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[:MENTIONS]->(e)
"""

# Evidence is kept as two parallel lists (Neo4j has no list of maps):
# evidence[i] is a sentence of article evidence_articles[i].
_RELATION = """
UNWIND $rows AS row
MATCH (h:Entity {{id: row.source}})
MATCH (t:Entity {{id: row.target}})
MERGE (h)-[r:{rel_type} {{id: row.id}}]->(t)
WITH r, row, date(row.first_seen) AS first, date(row.last_seen) AS last,
     [i IN range(0, size(coalesce(r.evidence, [])) - 1) | [r.evidence_articles[i], r.evidence[i]]] AS known
WITH r, row, first, last, known + [pair IN row.evidence WHERE NOT pair IN known] AS evidence
SET r.title = coalesce(row.title, r.title),
    r.sources = """ + _UNION.format(p="r.sources", k="sources") + """,
    r.evidence = [pair IN evidence | pair[1]],
    r.evidence_articles = [pair IN evidence | pair[0]],
    r.first_seen = CASE WHEN r.first_seen IS NULL OR first < r.first_seen THEN first ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR last > r.last_seen THEN last ELSE r.last_seen END
"""
RELATIONS = {rel_type: _RELATION.format(rel_type=rel_type) for rel_type in RELATION_TYPES}


@dataclass
class LoadReport:
    articles: int = 0
    mentions: int = 0
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # types the schema does not know
    written: WriteCounts = field(default_factory=WriteCounts)

    def line(self) -> str:
        ents = ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())) or "no entities"
        rels = ", ".join(f"{k} {v}" for k, v in sorted(self.relations.items())) or "no relations"
        return (f"{self.articles} articles, {self.mentions} mentions; {ents}; {rels}; "
                f"created {self.written.nodes_created} nodes, {self.written.relationships_created} relationships")


def schema_statements(path: Path = SCHEMA_FILE) -> list[str]:
    """The statements of a .cypher file: split on `;`, // comment lines dropped."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("//")]
    return [st.strip() for st in "\n".join(lines).split(";") if st.strip()]


def apply_schema(client: Neo4jClient, path: Path = SCHEMA_FILE) -> None:
    # Schema commands cannot share a transaction with writes: one each.
    for statement in schema_statements(path):
        client.run_schema(statement)
    client.run_schema("CALL db.awaitIndexes(300)")


def batches(rows: Iterable, size: int) -> Iterator[list[dict]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield [row.params() for row in chunk]


def _write_by_type(client: Neo4jClient, items: list[dict], statements: dict, rows_of, counts, report: LoadReport,
                   batch_size: int) -> None:
    """Labels and relationship types cannot be parameters: one fixed statement
    per type, each type's rows in batches; unknown types are counted, not written."""
    for kind in sorted({item["type"] for item in items}):
        statement = statements.get(kind)
        if statement is None:
            report.skipped[kind] += sum(1 for item in items if item["type"] == kind)
            continue
        for batch in batches(rows_of(kind), batch_size):
            client.write(statement, batch, report.written)
            counts[kind] += len(batch)


def load_view(client: Neo4jClient, view: dict, batch_size: int = DEFAULT_BATCH_SIZE,
              schema: bool = True) -> LoadReport:
    """Write the view; nodes before the relationships that MATCH them."""
    report = LoadReport()
    if schema:
        apply_schema(client)
    for batch in batches(article_rows(view), batch_size):
        client.write(ARTICLES, batch, report.written)
        report.articles += len(batch)
    _write_by_type(client, view["nodes"], ENTITIES, lambda t: entity_rows(view, t), report.entities, report,
                   batch_size)
    for batch in batches(mention_rows(view), batch_size):
        client.write(MENTIONS, batch, report.written)
        report.mentions += len(batch)
    _write_by_type(client, view["edges"], RELATIONS, lambda t: relation_rows(view, t), report.relations, report,
                   batch_size)
    return report


def view_of_store(store_path: str | os.PathLike) -> dict:
    from kg.export.view import view_from_store
    from kg.store.oxigraph import GraphStore

    with GraphStore(store_path, read_only=True) as store:
        return view_from_store(store, title=Path(store_path).name)


def view_of_articles(paths: Iterable[str | os.PathLike], report) -> dict:
    """Extract the articles into a throw-away store and read its merged view:
    the same merging as `kg build`, so --store and PATH... load the same graph."""
    from kg.build import build
    from kg.export.view import view_from_store
    from kg.store.oxigraph import GraphStore

    with tempfile.TemporaryDirectory(prefix="kg-neo4j-") as tmp:
        with GraphStore(Path(tmp) / "store") as store:
            build(paths, store, report)
            return view_from_store(store, title="articles")
