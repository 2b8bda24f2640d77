"""Commands that live beside the core CLI (Neo4j, the SPARQL endpoint):
each module has register(main) adding its commands to the kg group."""

from __future__ import annotations

import importlib

MODULES = ("neo4j", "serve")


def register(main) -> None:
    for name in MODULES:
        importlib.import_module(f"kg.commands.{name}").register(main)
