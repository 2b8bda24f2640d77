"""Cypher results as printable rows: nodes, relationships, paths, dates and
lists turned into JSON values (--format json) or into one text cell."""

from __future__ import annotations

import json
import re

from neo4j.graph import Node, Path, Relationship

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def with_defaults(text: str, given: dict[str, str]) -> dict:
    """Every $name the query mentions that was not given is bound to null,
    so a query file can make a parameter optional (`$person IS NULL OR ...`)."""
    params: dict = {name: None for name in _PARAMETER.findall(text)}
    params.update(given)
    return params


def plain(value):
    """A JSON-compatible form of a value the driver returned."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in sorted(value.items())}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in sorted(value.items())}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Duration
        return value.iso_format()
    return str(value)


def cell(value) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def printable_rows(rows: list[list], fmt: str) -> list[list]:
    if fmt == "json":
        return [[plain(v) for v in row] for row in rows]
    return [[cell(v) for v in row] for row in rows]
