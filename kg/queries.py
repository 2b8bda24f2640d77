"""Queries are files: queries/*.rq (SPARQL) and queries/*.cypher, loaded
by name or path; parameters are substituted as terms, never spliced."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"


def query_text(spec: str, suffix: str = ".rq") -> str:
    """`spec` is a query, a file path, or the name of a file in queries/."""
    path = Path(spec)
    if path.suffix in (".rq", ".sparql", ".cypher") and path.is_file():
        return path.read_text(encoding="utf-8")
    named = QUERY_DIR / (spec + suffix)
    if "\n" not in spec and " " not in spec.strip() and named.is_file():
        return named.read_text(encoding="utf-8")
    if path.suffix in (".rq", ".sparql", ".cypher"):
        raise QueryError(spec, "no such query file")
    return spec


def available(suffix: str = ".rq") -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*" + suffix))


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(pair, "a parameter is NAME=VALUE")
        key, value = pair.split("=", 1)
        params[key.strip().lstrip("?$")] = value
    return params


def sparql_term(value: str):
    """<iri> is an IRI; a value with Chinese text is a zh-tagged label (names
    are stored as such); anything else (LEADS, 420381) a plain literal."""
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if any(ord(ch) > 0x2E80 for ch in value):
        return ox.Literal(value, language="zh")
    return ox.Literal(value)


def sparql_substitutions(params: dict[str, str]) -> dict:
    return {ox.Variable(key): sparql_term(value) for key, value in params.items()}
