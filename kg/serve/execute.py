"""Running one SPARQL operation against an open store and serializing its
answer; this is what a worker process does with each job. Everything here
returns an Outcome (status, media type, bytes): the parent process only
relays it, and exceptions never cross the process boundary."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from kg.serve.negotiation import GRAPH_FORMATS, SOLUTION_FORMATS, graph_format, solution_format
from kg.store.vocab import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True, slots=True)
class SparqlJob:
    """One protocol operation, as parsed from the HTTP request."""

    operation: str  # "query" or "update"
    text: str
    accept: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 0  # 0: no limit


@dataclass(frozen=True, slots=True)
class Outcome:
    status: int
    media_type: str
    body: bytes
    quads: int | None = None  # the store's size after an update

    @classmethod
    def error(cls, status: int, message: str) -> "Outcome":
        return cls(status, TEXT, (message.rstrip() + "\n").encode("utf-8"))


def execute(store: ox.Store, job: SparqlJob) -> Outcome:
    try:
        if job.operation == "update":
            store.update(job.text, prefixes=PREFIXES)
            return Outcome(204, TEXT, b"", quads=len(store))
        result = store.query(job.text, prefixes=PREFIXES, **dataset_arguments(job))
        if isinstance(result, ox.QuerySolutions):
            return select_outcome(result, job)
        if isinstance(result, ox.QueryBoolean):
            return boolean_outcome(result, job)
        return graph_outcome(result, job)
    except SyntaxError as exc:
        return Outcome.error(400, f"SPARQL syntax error: {exc}")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        # A bad IRI in default-graph-uri is the request's fault (400); a store
        # or evaluation failure (a SERVICE that cannot be reached) is ours (500).
        return Outcome.error(400 if isinstance(exc, (ValueError, TypeError)) else 500, f"query failed: {exc}")


def dataset_arguments(job: SparqlJob) -> dict:
    """default-graph-uri / named-graph-uri; without them the default graph is
    the store's, which kg keeps as the union of the article graphs."""
    args: dict = {}
    if job.default_graphs:
        args["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
    if job.named_graphs:
        args["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    return args


def select_outcome(solutions: ox.QuerySolutions, job: SparqlJob) -> Outcome:
    chosen = solution_format(job.accept)
    if chosen is None:
        return not_acceptable("SELECT", job.accept)
    fmt = chosen[1]
    variables = list(solutions.variables)
    rows = list(islice(solutions, job.max_rows + 1)) if job.max_rows else list(solutions)
    if job.max_rows and len(rows) > job.max_rows:
        return too_many_rows(job.max_rows)
    # pyoxigraph serializes only a live result, so the rows we counted are
    # re-read from standard SPARQL JSON and serialized by its own writers.
    document = solutions_json(variables, rows)
    if fmt == ox.QueryResultsFormat.JSON:
        return Outcome(200, fmt.media_type, document)
    out = io.BytesIO()
    ox.parse_query_results(document, ox.QueryResultsFormat.JSON).serialize(out, fmt)
    return Outcome(200, media_type_of(fmt), out.getvalue())


def boolean_outcome(answer: ox.QueryBoolean, job: SparqlJob) -> Outcome:
    chosen = solution_format(job.accept)
    if chosen is None:
        return not_acceptable("ASK", job.accept)
    out = io.BytesIO()
    answer.serialize(out, chosen[1])
    return Outcome(200, media_type_of(chosen[1]), out.getvalue())


def graph_outcome(triples: ox.QueryTriples, job: SparqlJob) -> Outcome:
    chosen = graph_format(job.accept)
    if chosen is None:
        return not_acceptable("CONSTRUCT/DESCRIBE", job.accept)
    fmt = chosen[1]
    kept = list(islice(triples, job.max_rows + 1)) if job.max_rows else list(triples)
    if job.max_rows and len(kept) > job.max_rows:
        return too_many_rows(job.max_rows, what="triples")
    out = io.BytesIO()
    ox.serialize(kept, out, fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
    return Outcome(200, media_type_of(fmt), out.getvalue())


def media_type_of(fmt) -> str:
    media_type = fmt.media_type
    return media_type + "; charset=utf-8" if media_type.startswith("text/") else media_type


def not_acceptable(form: str, accept: str) -> Outcome:
    offered = GRAPH_FORMATS if form == "CONSTRUCT/DESCRIBE" else SOLUTION_FORMATS
    return Outcome.error(406, f"a {form} result cannot be given as {accept!r}; "
                              f"acceptable: {', '.join(offered)}")


def too_many_rows(limit: int, what: str = "rows") -> Outcome:
    return Outcome.error(500, f"the result has more than {limit} {what}, the server's row limit "
                              f"(kg serve --max-rows {limit}): add a LIMIT or narrow the query")


# ----------------------------------------------------------- results as JSON
def solutions_json(variables: list[ox.Variable], rows: list[ox.QuerySolution]) -> bytes:
    names = [v.value for v in variables]
    bindings = []
    for row in rows:
        binding = {}
        for name in names:
            term = row[name]
            if term is not None:
                binding[name] = term_json(term)
        bindings.append(binding)
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def term_json(term) -> dict:
    """A term in the SPARQL 1.1 JSON results shape (with RDF-star triples)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                             "predicate": term_json(term.predicate),
                                             "object": term_json(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out
