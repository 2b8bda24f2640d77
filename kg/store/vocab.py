"""The RDF vocabulary as code. KG terms are checked against schemas/kg.ttl
by a test; W3C ORG, PROV-O, schema.org, SKOS and Dublin Core are reused."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://kg.example.org/"
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")


class KG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Entity: URIRef
    Person: URIRef
    GovBody: URIRef
    Company: URIRef
    Organization: URIRef
    Place: URIRef
    Project: URIRef
    Initiative: URIRef
    Event: URIRef
    Article: URIRef
    Statement: URIRef
    Evidence: URIRef
    holdsPost: URIRef
    leads: URIRef
    locatedIn: URIRef
    partOf: URIRef
    participatesIn: URIRef
    cooperatesWith: URIRef
    operates: URIRef
    entityType: URIRef
    divisionCode: URIRef
    divisionLevel: URIRef
    jurisdiction: URIRef
    title: URIRef
    relationType: URIRef
    evidence: URIRef
    sentence: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    mentions: URIRef
    documentId: URIRef


ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_OBJECT = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")

RELATION_PREDICATES = {
    "HOLDS_POST": KG.holdsPost, "LEADS": KG.leads, "LOCATED_IN": KG.locatedIn, "PART_OF": KG.partOf,
    "PARTICIPATES_IN": KG.participatesIn, "COOPERATES_WITH": KG.cooperatesWith, "OPERATES": KG.operates,
}
ENTITY_CLASSES = {name: KG[name] for name in
                  ("Person", "GovBody", "Company", "Organization", "Place", "Project", "Initiative", "Event")}

PREFIXES = {"kg": str(KG._NS), "org": str(ORG), "schema": str(SCHEMA), "prov": str(PROV), "skos": str(SKOS),
            "dcterms": str(DCTERMS), "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
            "id": str(ID), "doc": str(DOC)}
