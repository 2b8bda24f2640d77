"""What relation rules share: clauses that respect quotes, the entity of a
mention, and a collector that merges the same fact's evidence."""

from __future__ import annotations

from kg.model import Document, Entity, EntityType, Mention, Relation, RelationType, Sentence

ACTORS = (EntityType.PERSON, EntityType.GOV_BODY, EntityType.PLACE, EntityType.COMPANY, EntityType.ORGANIZATION)
TARGETS = (EntityType.INITIATIVE, EntityType.PROJECT, EntityType.EVENT)


class RelationSet:
    """Relations of one article, one per (type, head, tail, title)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_key: dict[tuple, Relation] = {}
        self.entities = {e.id: e for e in doc.entities}

    def add(self, rtype: RelationType, head: str, tail: str, at: int, rule: str, title: str | None = None) -> None:
        if not head or not tail or head == tail or head not in self.entities or tail not in self.entities:
            return
        key = (rtype, head, tail, title)
        rel = self.by_key.get(key)
        if rel is None:
            rel = Relation(rtype, head, tail, title, [], rule)
            self.by_key[key] = rel
        ev = self.doc.evidence_for(at)
        if ev not in rel.evidence:
            rel.evidence.append(ev)

    def has(self, rtype: RelationType, head: str | None = None, tail: str | None = None) -> bool:
        return any(r.type is rtype and (head is None or r.head == head) and (tail is None or r.tail == tail)
                   for r in self.by_key.values())

    def relations(self) -> list[Relation]:
        return list(self.by_key.values())


def clauses(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans of a sentence, split at ，；： outside quotation marks."""
    out, depth, start = [], 0, sentence.start
    for i in range(sentence.start, sentence.end):
        ch = doc.text[i]
        if ch in "“‘（":
            depth += 1
        elif ch in "”’）" and depth:
            depth -= 1
        elif ch in "，；：" and depth == 0:
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


def in_span(m: Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end
