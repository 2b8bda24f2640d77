"""Content negotiation: which serialization answers a request's Accept
header, for solutions (SELECT, ASK) and for graphs (CONSTRUCT, DESCRIBE)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

# In the server's order of preference: the first one is the default.
SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    # Aliases that generic clients (SPARQLWrapper, browsers' fetch) send.
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/x-json+ld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str      # "text/csv", "text/*" or "*/*"
    q: float
    position: int  # where the client listed it

    def specificity(self, media_type: str) -> int:
        """2 exact, 1 type/*, 0 */*, -1 no match."""
        if self.type == media_type:
            return 2
        if self.type == "*/*":
            return 0
        if self.type.endswith("/*") and media_type.startswith(self.type[:-1]):
            return 1
        return -1


def parse_accept(header: str | None) -> list[MediaRange]:
    if not header or not header.strip():
        return [MediaRange("*/*", 1.0, 0)]
    ranges = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(media, q, position))
    # A header with no media range we can read asks for nothing in particular.
    return ranges or [MediaRange("*/*", 1.0, 0)]


def choose(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the client wants most, or None (answer 406).

    The q of an offered type is that of the most specific range matching it;
    among equal q an exact match beats a wildcard, then the client's order,
    then ours (so `text/csv, */*` gets CSV and `*/*` our default)."""
    ranges = parse_accept(accept)
    best, best_key = None, None
    for rank, media_type in enumerate(offered):
        matches = [(r.specificity(media_type), r) for r in ranges if r.specificity(media_type) >= 0]
        if not matches:
            continue
        specificity, match = max(matches, key=lambda m: (m[0], -m[1].position))
        if match.q <= 0:
            continue
        key = (match.q, specificity, -match.position, -rank)
        if best_key is None or key > best_key:
            best, best_key = media_type, key
    return best


def solution_format(accept: str | None) -> tuple[str, ox.QueryResultsFormat] | None:
    media_type = choose(accept, list(SOLUTION_FORMATS))
    return None if media_type is None else (media_type, SOLUTION_FORMATS[media_type])


def graph_format(accept: str | None) -> tuple[str, ox.RdfFormat] | None:
    media_type = choose(accept, list(GRAPH_FORMATS))
    return None if media_type is None else (media_type, GRAPH_FORMATS[media_type])


def acceptable_at_all(accept: str | None) -> bool:
    """Whether some query form could be answered; checked before running it."""
    return solution_format(accept) is not None or graph_format(accept) is not None
