"""Typed objects that flow through the pipeline: a Document carries its
sentences and mentions; extraction turns mentions into Entities and Relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class EntityType(str, Enum):
    PERSON = "Person"
    GOV_BODY = "GovBody"
    COMPANY = "Company"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    PROJECT = "Project"
    INITIATIVE = "Initiative"
    EVENT = "Event"


class RelationType(str, Enum):
    HOLDS_POST = "HOLDS_POST"
    LEADS = "LEADS"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    COOPERATES_WITH = "COOPERATES_WITH"
    OPERATES = "OPERATES"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    kind: str = "body"  # body | title | subtitle | caption | byline


@dataclass(slots=True)
class Mention:
    """A span of the document text recognised as naming an entity.

    `key` is the canonical name the recogniser derived (the entity's identity
    within the article); `attrs` holds what the recogniser learnt (division
    code, jurisdiction, head noun...)."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str
    source: str  # name of the rule that produced it
    attrs: dict = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Evidence:
    doc: str
    sentence: int
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"doc": self.doc, "sentence": self.sentence,
                "span": [self.start, self.end], "text": self.text}


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def as_dict(self) -> dict:
        out = {"id": self.id, "type": self.type.value, "name": self.name,
               "aliases": list(self.aliases)}
        if self.attributes:
            out["attributes"] = dict(self.attributes)
        return out


@dataclass(slots=True)
class Relation:
    type: RelationType
    head: str  # entity id
    tail: str  # entity id
    title: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    rule: str = ""

    @property
    def key(self) -> tuple:
        return (self.type, self.head, self.tail, self.title)

    def as_dict(self) -> dict:
        out = {"type": self.type.value, "head": self.head, "tail": self.tail}
        if self.title:
            out["title"] = self.title
        out["evidence"] = [e.as_dict() for e in self.evidence]
        return out


@dataclass(slots=True)
class Document:
    id: str
    text: str
    path: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""
    section: str = ""
    bylines: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # article-level context shared between stages (focal place, ...)
    context: dict = field(default_factory=dict)

    def sentence_at(self, offset: int) -> Sentence | None:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def evidence_for(self, start: int, end: int | None = None) -> Evidence:
        s = self.sentence_at(start)
        if s is None:
            return Evidence(self.id, -1, start, end or start, "")
        return Evidence(self.id, s.index, s.start, s.end, s.text)

    def metadata(self) -> dict:
        return {"id": self.id, "title": self.title, "date": self.date,
                "url": self.url, "source": self.source, "path": self.path,
                "section": self.section, "bylines": list(self.bylines)}
