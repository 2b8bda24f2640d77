"""A connection to a Neo4j server over Bolt: opened once, checked at once,
and every driver failure turned into one ConnectionFailure or QueryError
line that names the URI and never the password."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import neo4j
from neo4j.exceptions import AuthError, ClientError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from kg.errors import ConnectionFailure, QueryError

DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
# Bolt only: the driver's http:// support is a preview that needs extra packages.
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
CONNECTION_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str = field(repr=False)
    database: str = "neo4j"

    @property
    def shown_uri(self) -> str:
        """The URI as printed: without any user:password@ it may carry."""
        parts = urlsplit(self.uri)
        if "@" not in parts.netloc:
            return self.uri
        return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


@dataclass
class WriteCounts:
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0

    def add(self, counters) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set


class Neo4jClient:
    """`with Neo4jClient(settings) as client:` connects and checks the
    credentials and the database before anything is written."""

    def __init__(self, settings: Neo4jSettings):
        self.settings = settings
        self.driver: neo4j.Driver | None = None

    def connect(self) -> "Neo4jClient":
        s = self.settings
        if urlsplit(s.uri).scheme not in SCHEMES:
            raise ConnectionFailure(s.shown_uri, "not a Bolt URI", hint="e.g. bolt://localhost:7687 or neo4j://host:7687")
        if "@" in urlsplit(s.uri).netloc:
            raise ConnectionFailure(s.shown_uri, "a user or password in the URI is not supported",
                                    hint="use --user/--password or NEO4J_USER/NEO4J_PASSWORD")
        try:
            self.driver = neo4j.GraphDatabase.driver(s.uri, auth=(s.user, s.password),
                                                     connection_timeout=CONNECTION_TIMEOUT_S)
            # session.run is not retried (execute_* would retry an unreachable
            # server for 30 s): a wrong port fails at once.
            with self.translated(), self.driver.session(database=s.database) as session:
                session.run("RETURN 1").consume()
        except (ConfigurationError, ValueError) as exc:  # the driver's word for a malformed host or port
            raise ConnectionFailure(s.shown_uri, f"not a usable Neo4j URI ({self._one_line(str(exc))})",
                                    hint="e.g. bolt://localhost:7687 or neo4j://host:7687") from None
        return self

    def close(self) -> None:
        if self.driver is not None:
            self.driver.close()
        self.driver = None

    def __enter__(self) -> "Neo4jClient":
        if self.driver is None:
            try:
                self.connect()
            except BaseException:
                self.close()
                raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ write
    def write(self, statement: str, rows: list[dict], counts: WriteCounts | None = None) -> None:
        """One managed write transaction (retried on transient errors) for a batch of rows."""
        with self.translated(), self.driver.session(database=self.settings.database) as session:
            counters = session.execute_write(_run_batch, statement, rows)
        if counts is not None:
            counts.add(counters)

    def run_schema(self, statement: str) -> None:
        with self.translated(), self.driver.session(database=self.settings.database) as session:
            session.run(statement).consume()

    # ------------------------------------------------------------------- read
    def query(self, text: str, params: dict) -> tuple[list[str], list[list]]:
        """Any Cypher, in an auto-commit transaction; returns column names and rows."""
        with self.translated(), self.driver.session(database=self.settings.database) as session:
            result = session.run(text, params)
            rows = [list(record.values()) for record in result]
            return list(result.keys()), rows

    # ----------------------------------------------------------------- errors
    @contextmanager
    def translated(self) -> Iterator[None]:
        try:
            yield
        except Neo4jError as exc:
            raise self._failure(exc) from None
        except (DriverError, OSError) as exc:
            raise self._failure(exc) from None

    def _failure(self, exc: Exception):
        s = self.settings
        where = s.shown_uri
        if isinstance(exc, AuthError):
            return ConnectionFailure(where, f"authentication failed for user {s.user!r}",
                                     hint="check --user/--password or NEO4J_USER/NEO4J_PASSWORD")
        if isinstance(exc, Neo4jError) and exc.code == DATABASE_NOT_FOUND:
            return ConnectionFailure(where, f"no database {s.database!r}", hint="check --database")
        if isinstance(exc, ServiceUnavailable):
            return ConnectionFailure(where, f"unreachable ({self._one_line(_reason(exc))})",
                                     hint="is Neo4j running? check --uri or NEO4J_URI")
        if isinstance(exc, ClientError):
            return QueryError(where, self._one_line(exc.message or str(exc)))
        return ConnectionFailure(where, self._one_line(str(exc) or type(exc).__name__))

    def _one_line(self, text: str) -> str:
        text = " ".join(text.split())
        # A short string would be found everywhere; Neo4j refuses passwords under 8 characters anyway.
        if len(self.settings.password) >= 4:
            text = text.replace(self.settings.password, "***")
        return text


def _run_batch(tx, statement: str, rows: list[dict]):
    return tx.run(statement, rows=rows).consume().counters


def _reason(exc: ServiceUnavailable) -> str:
    """The driver nests the socket error; its "reason [...]" is the useful part."""
    text = str(exc)
    reasons = re.findall(r"\(reason (.+?)\)\s*$", text, re.M)
    return reasons[-1] if reasons else text
