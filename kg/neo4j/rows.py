"""The merged graph view (kg.export.view) as the rows the Neo4j loader
sends: articles, entities, mentions and relations, each typed, each with
the article ids it comes from; relations also with the dates of the first
and last article that states them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str | None
    date: dt.date | None
    url: str | None

    def params(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class EntityRow:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    division_code: str | None = None
    division_level: int | None = None

    def params(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class MentionRow:
    article: str
    entity: str

    def params(self) -> dict:
        return {"article": self.article, "entity": self.entity}


@dataclass(frozen=True)
class RelationRow:
    id: str
    type: str
    source: str
    target: str
    title: str | None
    sources: list[str]
    # (article id, sentence) pairs: Neo4j stores them as two parallel lists.
    evidence: list[tuple[str, str]]
    first_seen: dt.date | None
    last_seen: dt.date | None

    def params(self) -> dict:
        row = asdict(self)
        row["evidence"] = [list(pair) for pair in self.evidence]
        # Sent as text, made DATEs by the statement: the pure-Python driver packs
        # a date object several times slower than a string, per relationship.
        row["first_seen"] = self.first_seen.isoformat() if self.first_seen else None
        row["last_seen"] = self.last_seen.isoformat() if self.last_seen else None
        return row


def article_date(text: str | None) -> dt.date | None:
    """An article's date as a date (Neo4j stores a DATE); None when unknown."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def seen_dates(sources: list[str], dates: dict[str, dt.date | None]) -> tuple[dt.date | None, dt.date | None]:
    known = [d for d in (dates.get(doc) for doc in sources) if d is not None]
    return (min(known), max(known)) if known else (None, None)


def article_rows(view: dict) -> Iterator[ArticleRow]:
    for doc_id, meta in view["articles"].items():
        yield ArticleRow(doc_id, meta.get("title"), article_date(meta.get("date")), meta.get("url"))


def entity_rows(view: dict, entity_type: str) -> Iterator[EntityRow]:
    for node in view["nodes"]:
        if node["type"] != entity_type:
            continue
        attrs = node.get("attributes") or {}
        yield EntityRow(node["id"], node["type"], node["name"], list(node["aliases"]), list(node["sources"]),
                        attrs.get("division_code"), attrs.get("division_level"))


def mention_rows(view: dict) -> Iterator[MentionRow]:
    for node in view["nodes"]:
        for doc_id in node["sources"]:
            yield MentionRow(doc_id, node["id"])


def relation_rows(view: dict, relation_type: str) -> Iterator[RelationRow]:
    dates = {doc_id: article_date(meta.get("date")) for doc_id, meta in view["articles"].items()}
    for edge in view["edges"]:
        if edge["type"] != relation_type:
            continue
        first, last = seen_dates(edge["sources"], dates)
        yield RelationRow(edge["id"], edge["type"], edge["source"], edge["target"], edge.get("title"),
                          list(edge["sources"]), [(ev["doc"], ev["sentence"]) for ev in edge["evidence"]],
                          first, last)
