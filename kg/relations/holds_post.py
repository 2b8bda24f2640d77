"""HOLDS_POST: a person and each body a title before the name belongs to;
a person with two titles gets two posts."""

from __future__ import annotations

from kg.model import Document, EntityType, RelationType
from kg.relations.base import RelationSet


def holds_post(doc: Document, rels: RelationSet) -> None:
    by_key = {(e.type, e.name): e.id for e in doc.entities}
    for m in doc.mentions:
        if m.type is not EntityType.PERSON or "entity" not in m.attrs:
            continue
        for post in m.attrs.get("posts", []):
            body = by_key.get((post.get("body_type"), post.get("body_key")))
            if body:
                rels.add(RelationType.HOLDS_POST, m.attrs["entity"], body, post["start"], "title_before_name",
                         post.get("title"))
