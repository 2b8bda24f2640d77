"""The embedded on-disk RDF store (Oxigraph). Each article is written in
one transaction that replaces its named graph, so re-building the same
articles changes nothing and a failure never leaves half an article.

The default graph is kept as the set union of the article graphs, updated in
the same transaction. Queries run on it rather than with Oxigraph's
union-default-graph mode, which repeats a triple once per article graph
holding it: joins over entities named in many articles multiplied those
copies and slowed the query library by orders of magnitude at 1M quads."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.model import Document
from kg.store.rdf import article_iri, document_quads
from kg.store.vocab import PREFIXES

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
           "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


class GraphStore:
    def __init__(self, path: str | os.PathLike, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.store: ox.Store | None = None

    def open(self) -> "GraphStore":
        try:
            if self.read_only:
                if not self.path.exists():
                    raise StoreError(str(self.path), "no store here", hint="run `kg build` first")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(str(self.path), f"cannot open the store ({exc})",
                             hint="is another kg process using it?") from exc
        return self

    def close(self) -> None:
        if self.store is not None and not self.read_only:
            self.store.flush()
        self.store = None

    def __enter__(self) -> "GraphStore":
        return self.open() if self.store is None else self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ write
    def write_document(self, doc: Document) -> int:
        """Replace the article's named graph in one transaction; returns the quad count."""
        quads = list(dict.fromkeys(document_quads(doc)))
        graph = article_iri(doc.id)
        body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
        update = (
            # triples only this article stated leave the union with it
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }} ;\n"
            f"DROP SILENT GRAPH {graph} ;\n"
            f"INSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }} ;\n"
            f"INSERT DATA {{\n{body} .\n}}"
        )
        try:
            self.store.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(str(self.path), f"writing article {doc.id} failed ({exc})") from exc
        return len(quads)

    # ------------------------------------------------------------------- read
    def query(self, sparql: str, substitutions: dict | None = None):
        """SPARQL over the default graph (the union of the articles); GRAPH
        reaches each article's own graph."""
        try:
            return self.store.query(sparql, prefixes=PREFIXES,
                                    substitutions=substitutions or None)
        except SyntaxError as exc:
            raise QueryError("query", f"SPARQL syntax error: {exc}") from exc
        except (OSError, RuntimeError) as exc:
            raise QueryError("query", str(exc)) from exc

    def __len__(self) -> int:
        return len(self.store)

    def articles(self) -> list[str]:
        return sorted(str(g.value) for g in self.store.named_graphs())

    def counts(self) -> dict[str, Counter]:
        entities = Counter()
        for row in self.query("SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:entityType ?t } GROUP BY ?t"):
            entities[row["t"].value] = int(row["n"].value)
        relations = Counter()
        for row in self.query("SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement ; kg:relationType ?t } GROUP BY ?t"):
            relations[row["t"].value] = int(row["n"].value)
        return {"entities": entities, "relations": relations}

    def serialize(self, fmt: str, output) -> None:
        """Write the whole store; graph-less formats get the union of the articles."""
        rdf_format = FORMATS[fmt]
        if rdf_format.supports_datasets:
            self.store.dump(output, rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
        else:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            ox.serialize(triples, output, rdf_format, prefixes=PREFIXES if fmt == "ttl" else None)
