"""LOCATED_IN: a body's jurisdiction; the place a project, initiative or
event names or is said to be in; else the place of whoever leads it."""

from __future__ import annotations

from bisect import bisect_left

from kg.model import Document, EntityType, RelationType
from kg.relations.base import RelationSet

_LOCATABLE = (EntityType.PROJECT, EntityType.INITIATIVE, EntityType.EVENT)


def located_in(doc: Document, rels: RelationSet, index) -> None:
    places = {e.attributes.get("division_code"): e for e in doc.entities
              if e.type is EntityType.PLACE and e.attributes.get("division_code")}
    focal = doc.context.get("focal") or {}
    focal_place = places.get(focal.get("division_code"))
    location: dict[str, str] = {}
    spans = _division_spans(doc, places)
    starts = [m.start for m in spans]
    towns = _towns(doc)
    led_by = _leaders_by_target(rels)  # no rule below adds a LEADS
    for e in doc.entities:
        if e.type is EntityType.GOV_BODY and e.attributes.get("jurisdiction") in places:
            location[e.id] = places[e.attributes["jurisdiction"]].id
            rels.add(RelationType.LOCATED_IN, e.id, location[e.id], e.mentions[0].start, "jurisdiction")
    for e in doc.entities:
        if e.type not in _LOCATABLE and e.type is not EntityType.COMPANY:
            continue
        place = _place_in_name(e, places, index, spans, starts) or _town_named_by_prefix(towns, e)
        if place is None and e.type in _LOCATABLE and not _is_national(e):
            place = _leader_place(e, rels, location, led_by) or focal_place
        if place is None and e.type is EntityType.COMPANY and not rels.has(RelationType.COOPERATES_WITH, head=e.id):
            place = focal_place if _focal_is_local(focal) else None
        if place is not None:
            location[e.id] = place.id
            rels.add(RelationType.LOCATED_IN, e.id, place.id, e.mentions[0].start, "located")


def _is_national(e) -> bool:
    """党的二十大: a national meeting is not held by the article's place."""
    return any(m.attrs.get("national") for m in e.mentions)


def _focal_is_local(focal: dict) -> bool:
    """A company the article only visits or names, with no outside partner
    role, is a local firm of a county- or town-level focal place."""
    return focal.get("level", 0) >= 3


def _towns(doc) -> list[tuple[str, object]]:
    """(name without 镇/乡, entity) of the towns the article names."""
    out = []
    for town in doc.entities:
        if town.type is EntityType.PLACE and town.attributes.get("level") == 4:
            base = town.name[:-1] if town.name.endswith(("镇", "乡")) else town.name
            if len(base) >= 2:
                out.append((base, town))
    return out


def _town_named_by_prefix(towns, e):
    """某镇 named in the article and a zone named 某X综保区: the zone is in the town."""
    for base, town in towns:
        if any(n.startswith(base) or n[2:].startswith(base) for n in [e.name, *e.aliases]):
            return town
    return None


def _place_in_name(e, places, index, spans, starts):
    """The most specific division named inside the entity's name (below province)."""
    best = None
    for em in e.mentions:
        for m in spans[bisect_left(starts, em.start):bisect_left(starts, em.end)]:
            if m.end > em.end:
                continue
            div = index.by_code[m.attrs["division_code"]]
            if div.level >= 2 and (best is None or div.level > index.by_code[best.attributes["division_code"]].level):
                best = places[div.code]
    return best


def _division_spans(doc, places) -> list:
    """Place mentions with a division code of an emitted place, by start."""
    return sorted((m for m in doc.mentions if m.type is EntityType.PLACE
                   and m.attrs.get("division_code") in places), key=lambda m: m.start)


def _leaders_by_target(rels: RelationSet) -> dict[str, list[str]]:
    """Entity id -> the ids that lead it, in the order the relations were found."""
    out: dict[str, list[str]] = {}
    for r in rels.relations():
        if r.type is RelationType.LEADS:
            out.setdefault(r.tail, []).append(r.head)
    return out


def _leader_place(e, rels: RelationSet, location: dict, led_by: dict[str, list[str]]):
    for head_id in led_by.get(e.id, ()):
        head = rels.entities.get(head_id)
        if head is None:
            continue
        if head.type is EntityType.PLACE:
            return head
        if head.id in location:
            return rels.entities[location[head.id]]
    return None
