"""RDF terms used by the code are the ones schemas/kg.ttl defines."""

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.store.vocab import KG
from tests.conftest import ROOT


def test_every_kg_term_is_declared_in_the_ontology():
    graph = Graph().parse(ROOT / "schemas" / "kg.ttl")
    declared = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    used = {URIRef(str(KG._NS) + name) for name in KG.__annotations__}
    assert used == declared
    for term in declared:
        labels = {l.language for l in graph.objects(term, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
        assert {"zh", "en"} <= labels, term
    assert (URIRef(str(KG._NS) + "Person"), RDF.type, OWL.Class) in graph
