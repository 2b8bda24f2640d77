"""An extracted Document as RDF quads in the article's own named graph:
entities (typed, labelled in zh, with SKOS alternative names), posts as
org:Post, each relation as a direct triple plus a kg:Statement carrying its
evidence sentences, and the article as a prov:Entity."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from urllib.parse import quote

import pyoxigraph as ox

from kg.model import Document, Entity, EntityType, Relation
from kg.store.vocab import (DCTERMS, DOC, ENTITY_CLASSES, ID, KG, ORG, PROV, RDF_OBJECT, RDF_SUBJECT, RDF_TYPE,
                            RDFS_LABEL, RELATION_PREDICATES, SCHEMA, SKOS)

XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def N(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def entity_iri(entity_id: str) -> ox.NamedNode:
    return ox.NamedNode(str(ID) + quote(entity_id, safe="-_"))


def article_iri(doc_id: str) -> ox.NamedNode:
    return ox.NamedNode(str(DOC) + quote(doc_id, safe="-_."))


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def statement_iri(rel: Relation) -> ox.NamedNode:
    return ox.NamedNode(f"{ID}rel-{_hash(rel.type.value, rel.head, rel.tail, rel.title or '')}")


def post_iri(rel: Relation) -> ox.NamedNode:
    return ox.NamedNode(f"{ID}post-{_hash(rel.head, rel.tail, rel.title or '')}")


_EXTRA_PARENTS = {"PART_OF": {EntityType.PLACE: SCHEMA.containedInPlace, EntityType.GOV_BODY: ORG.subOrganizationOf}}


def document_quads(doc: Document) -> Iterator[ox.Quad]:
    g = article_iri(doc.id)
    art = g
    yield ox.Quad(art, N(RDF_TYPE), N(KG.Article), g)
    yield ox.Quad(art, N(RDF_TYPE), N(PROV.Entity), g)
    yield ox.Quad(art, N(KG.documentId), ox.Literal(doc.id), g)
    if doc.title:
        yield ox.Quad(art, N(DCTERMS.title), zh(doc.title), g)
    if doc.date:
        yield ox.Quad(art, N(DCTERMS.date), ox.Literal(doc.date, datatype=XSD_DATE), g)
    if doc.url:
        yield ox.Quad(art, N(SCHEMA.url), ox.Literal(doc.url), g)
    if doc.source:
        yield ox.Quad(art, N(DCTERMS.publisher), ox.Literal(doc.source), g)
    types = {e.id: e.type for e in doc.entities}
    for ent in doc.entities:
        yield from _entity_quads(ent, g)
        yield ox.Quad(art, N(KG.mentions), entity_iri(ent.id), g)
    for rel in doc.relations:
        yield from _relation_quads(rel, types, g)


def _entity_quads(ent: Entity, g) -> Iterator[ox.Quad]:
    s = entity_iri(ent.id)
    yield ox.Quad(s, N(RDF_TYPE), N(ENTITY_CLASSES[ent.type.value]), g)
    yield ox.Quad(s, N(KG.entityType), ox.Literal(ent.type.value), g)
    yield ox.Quad(s, N(RDFS_LABEL), zh(ent.name), g)
    yield ox.Quad(s, N(SKOS.prefLabel), zh(ent.name), g)
    for alias in ent.aliases:
        yield ox.Quad(s, N(SKOS.altLabel), zh(alias), g)
    code = ent.attributes.get("division_code")
    if ent.type is EntityType.PLACE and code:
        yield ox.Quad(s, N(KG.divisionCode), ox.Literal(code), g)
        if ent.attributes.get("level"):
            yield ox.Quad(s, N(KG.divisionLevel), ox.Literal(str(ent.attributes["level"]), datatype=XSD_INT), g)
    if ent.type is EntityType.GOV_BODY and ent.attributes.get("jurisdiction"):
        yield ox.Quad(s, N(KG.jurisdiction), entity_iri(f"place-{ent.attributes['jurisdiction']}"), g)
    yield ox.Quad(s, N(PROV.wasDerivedFrom), g, g)


def _relation_quads(rel: Relation, types: dict, g) -> Iterator[ox.Quad]:
    head, tail = entity_iri(rel.head), entity_iri(rel.tail)
    yield ox.Quad(head, N(RELATION_PREDICATES[rel.type.value]), tail, g)
    extra = _EXTRA_PARENTS.get(rel.type.value, {}).get(types.get(rel.head))
    if extra is not None:
        yield ox.Quad(head, N(extra), tail, g)
    st = statement_iri(rel)
    yield ox.Quad(st, N(RDF_TYPE), N(KG.Statement), g)
    yield ox.Quad(st, N(KG.relationType), ox.Literal(rel.type.value), g)
    yield ox.Quad(st, N(RDF_SUBJECT), head, g)
    yield ox.Quad(st, N(RDF_OBJECT), tail, g)
    yield ox.Quad(st, N(PROV.wasDerivedFrom), g, g)
    if rel.title:
        yield ox.Quad(st, N(KG.title), zh(rel.title), g)
        post = post_iri(rel)
        yield ox.Quad(post, N(RDF_TYPE), N(ORG.Post), g)
        yield ox.Quad(post, N(KG.title), zh(rel.title), g)
        yield ox.Quad(post, N(RDFS_LABEL), zh(rel.title), g)
        yield ox.Quad(post, N(ORG.heldBy), head, g)
        yield ox.Quad(post, N(ORG.postIn), tail, g)
        yield ox.Quad(head, N(ORG.holds), post, g)
        yield ox.Quad(post, N(PROV.wasDerivedFrom), g, g)
    for ev in rel.evidence:
        node = ox.NamedNode(f"{ID}ev-{_hash(ev.doc, str(ev.sentence))}")
        yield ox.Quad(st, N(KG.evidence), node, g)
        yield ox.Quad(node, N(RDF_TYPE), N(KG.Evidence), g)
        yield ox.Quad(node, N(KG.sentence), zh(ev.text), g)
        yield ox.Quad(node, N(KG.sentenceIndex), ox.Literal(str(ev.sentence), datatype=XSD_INT), g)
        yield ox.Quad(node, N(KG.charStart), ox.Literal(str(ev.start), datatype=XSD_INT), g)
        yield ox.Quad(node, N(KG.charEnd), ox.Literal(str(ev.end), datatype=XSD_INT), g)
        yield ox.Quad(node, N(PROV.wasDerivedFrom), g, g)
