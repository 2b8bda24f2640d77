"""What relation rules share: clauses that respect quotes, the entity of a
mention, and a collector that merges the same fact's evidence."""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.model import Document, Entity, EntityType, Evidence, Mention, Relation, RelationType, Sentence
from kg.text import sentence_at

ACTORS = (EntityType.PERSON, EntityType.GOV_BODY, EntityType.PLACE, EntityType.COMPANY, EntityType.ORGANIZATION)
TARGETS = (EntityType.INITIATIVE, EntityType.PROJECT, EntityType.EVENT)


class RelationSet:
    """Relations of one article, one per (type, head, tail, title)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_key: dict[tuple, Relation] = {}
        self.entities = {e.id: e for e in doc.entities}
        # (type, head|None, tail|None) -> number of relations: has() in O(1)
        self._seen: dict[tuple, int] = {}
        # relation key -> the evidence it has, by sentence index (or ~offset
        # outside any sentence): a set, as one relation may have evidence in
        # every paragraph
        self._evidence: dict[tuple, set[int]] = {}
        self._sentence_evidence: dict[int, Evidence] = {}
        self._pairs: tuple[list, list[int]] | None = None

    def mention_pairs(self) -> tuple[list[tuple[Mention, Entity]], list[int]]:
        """entity_mentions(doc) and their starts, made once for all rules
        (the rules read the mentions, they do not change them)."""
        if self._pairs is None:
            pairs = entity_mentions(self.doc)
            self._pairs = (pairs, mention_starts(pairs))
        return self._pairs

    def add(self, rtype: RelationType, head: str, tail: str, at: int, rule: str, title: str | None = None) -> None:
        if not head or not tail or head == tail or head not in self.entities or tail not in self.entities:
            return
        key = (rtype, head, tail, title)
        rel = self.by_key.get(key)
        if rel is None:
            rel = Relation(rtype, head, tail, title, [], rule)
            self.by_key[key] = rel
            for probe in self._probes(rtype, head, tail):
                self._seen[probe] = self._seen.get(probe, 0) + 1
        seen = self._evidence.get(key)
        if seen is None:
            seen = self._evidence[key] = set()
        s = sentence_at(self.doc, at)
        place = s.index if s is not None else ~at
        if place not in seen:
            seen.add(place)
            rel.evidence.append(self._evidence_at(s, at))

    def _evidence_at(self, s: Sentence | None, at: int) -> Evidence:
        """Document.evidence_for(at), made once per sentence."""
        if s is None:
            return Evidence(self.doc.id, -1, at, at, "")
        ev = self._sentence_evidence.get(s.index)
        if ev is None:
            ev = self._sentence_evidence[s.index] = Evidence(self.doc.id, s.index, s.start, s.end, s.text)
        return ev

    @staticmethod
    def _probes(rtype, head, tail) -> tuple:
        return ((rtype, head, tail), (rtype, head, None), (rtype, None, tail), (rtype, None, None))

    def has(self, rtype: RelationType, head: str | None = None, tail: str | None = None) -> bool:
        return self._seen.get((rtype, head, tail), 0) > 0

    def remove(self, key: tuple) -> None:
        rel = self.by_key.pop(key, None)
        if rel is not None:
            for probe in self._probes(rel.type, rel.head, rel.tail):
                self._seen[probe] -= 1

    def relations(self) -> list[Relation]:
        return list(self.by_key.values())


_CLAUSE_MARKS = re.compile("[“‘（”’），；：]")
_OPENING = frozenset("“‘（")
_CLOSING = frozenset("”’）")


def clauses(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans of a sentence, split at ，；： outside quotation marks."""
    out, depth, start = [], 0, sentence.start
    for m in _CLAUSE_MARKS.finditer(doc.text, sentence.start, sentence.end):
        ch = m.group()
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            if depth:
                depth -= 1
        elif depth == 0:
            i = m.start()
            out.append((start, i))
            start = i + 1
    out.append((start, sentence.end))
    return out


def entity_mentions(doc: Document) -> list[tuple[Mention, Entity]]:
    """Mentions that belong to an emitted entity, in text order."""
    ents = {e.id: e for e in doc.entities}
    out = [(m, ents[m.attrs["entity"]]) for m in doc.mentions if m.attrs.get("entity") in ents]
    out.sort(key=lambda pair: pair[0].start)
    return out


def mention_starts(pairs: list[tuple[Mention, Entity]]) -> list[int]:
    return [m.start for m, e in pairs]


def pairs_between(pairs: list[tuple[Mention, Entity]], starts: list[int], start: int, end: int):
    """The (mention, entity) pairs whose mention starts in [start, end), by
    bisection over the sorted starts (no scan of the whole article)."""
    return pairs[bisect_left(starts, start):bisect_left(starts, end)]


def in_span(m: Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end
