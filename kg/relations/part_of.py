"""PART_OF: places by their division codes (to the nearest ancestor the
article names), geographic places in theirs, departments under their
government or party committee."""

from __future__ import annotations

import re

from kg.model import Document, EntityType, RelationType
from kg.relations.base import RelationSet

_CORE = {"委", "人民政府", "人大常委会", "政协", "党委", "党工委"}
# Public institutions (service centres, archives) serve a government but are
# not among its departments.
_INSTITUTION = re.compile(r"(?:中心|馆)$")


def part_of(doc: Document, rels: RelationSet, index) -> None:
    places = {e.attributes["division_code"]: e for e in doc.entities
              if e.type is EntityType.PLACE and e.attributes.get("division_code")}
    for code, e in places.items():
        for anc in index.ancestors(code):
            if anc in places:
                rels.add(RelationType.PART_OF, e.id, places[anc].id, e.mentions[0].start, "division_code")
                break
    for e in doc.entities:
        within = next((m.attrs.get("within") for m in e.mentions if m.attrs.get("within")), None)
        if e.type is EntityType.PLACE and within:
            for code in [within, *index.ancestors(within)]:
                if code in places:
                    rels.add(RelationType.PART_OF, e.id, places[code].id, e.mentions[0].start, "geographic")
                    break
    bodies = {e.name: e for e in doc.entities if e.type is EntityType.GOV_BODY}
    for e in bodies.values():
        canonical = e.attributes.get("canonical", "")
        place = e.attributes.get("jurisdiction_name")
        if not place or canonical in _CORE or _INSTITUTION.search(canonical or e.name):
            continue
        parent_name = place + ("委" if e.attributes.get("family") == "party" or e.name.startswith(place + "委") else "人民政府")
        parent = bodies.get(parent_name)
        if parent is not None and parent.id != e.id:
            rels.add(RelationType.PART_OF, e.id, parent.id, e.mentions[0].start, "department")
