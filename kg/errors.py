"""One error family: the CLI turns any KGError into one line naming the
file or URI and the cause."""

from __future__ import annotations


class KGError(Exception):
    """Base of every error kg reports to its user."""

    def __init__(self, where: str, cause: str, hint: str = ""):
        self.where = where
        self.cause = cause
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.where}: {self.cause}" if self.where else self.cause
        return f"{text} ({self.hint})" if self.hint else text


class InputError(KGError):
    """A file or a line of input that cannot be read as an article."""


class StoreError(KGError):
    """The RDF store cannot be opened, read or written."""


class QueryError(KGError):
    """A query that cannot be parsed or run."""


class ConnectionFailure(KGError):
    """A server (Neo4j, SPARQL) that cannot be reached or refuses us."""
