"""Build a Document from a few lines of text written for a test."""

from kg.readers import document_from_parts
from kg.readers.page import PageParts
from kg.text import normalise


def make_doc(*lines: str, doc_id: str = "t", title: str | None = None):
    parts = PageParts()
    if title:
        parts.title = title
        parts.lines.append(("title", normalise(title)))
    for line in lines:
        parts.lines.append(("body", normalise(line)))
    return document_from_parts(doc_id, parts, doc_id)


def names(doc, etype: str) -> set[str]:
    return {e.name for e in doc.entities if e.type.value == etype}


def relations(doc) -> set[tuple]:
    by_id = {e.id: e.name for e in doc.entities}
    return {(r.type.value, by_id[r.head], by_id[r.tail]) for r in doc.relations}
