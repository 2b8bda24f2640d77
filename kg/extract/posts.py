"""Posts: each title written before a person's name is tied to the body it
belongs to (市委书记 → the party committee, 县长 → the county government,
董事长 → the company) and written without its place prefix."""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract.jurisdiction import resolve_level
from kg.lexicon import Lexicon
from kg.lexicon.gov import COMPANY_ROLES, GOVERNMENT_HEADS, ROLES
from kg.model import Document, EntityType, Mention

_ROLE_END = re.compile("(" + "|".join(map(re.escape, ROLES)) + ")$")
_CORE = ("委", "人民政府", "人大常委会", "政协", "党委", "党工委")


def resolve_posts(doc: Document, lex: Lexicon) -> None:
    bodies = sorted((m for m in doc.mentions if m.type in (EntityType.GOV_BODY, EntityType.COMPANY,
                                                            EntityType.ORGANIZATION)), key=lambda m: m.start)
    body_starts = [b.start for b in bodies]
    places = _PlaceIndex(doc)
    implied: list[Mention] = []  # added at the end, so the place index stays valid
    for person in [m for m in doc.mentions if m.type is EntityType.PERSON]:
        for post in person.attrs.get("posts", []):
            role_m = _ROLE_END.search(post["text"])
            if not role_m:
                continue
            role = role_m.group(1)
            role_start = post["start"] + role_m.start()
            near = bodies[bisect_left(body_starts, post["start"]):bisect_left(body_starts, post["end"])]
            inside = [b for b in near if b.end <= role_start + 1 and b.end <= post["end"]]
            body = max(inside, key=lambda b: b.end) if inside else None
            if body is None and role in GOVERNMENT_HEADS:
                body = _implied_government(doc, lex, post, role, places)
                if body is not None:
                    implied.append(body)
            if body is None:
                continue
            if body.type is EntityType.COMPANY and role not in COMPANY_ROLES:
                continue
            post["body_type"] = body.type
            post["body_key"] = body.key
            post["title"] = _title(doc, post, body, role, role_start, places)
    doc.mentions.extend(implied)


class _PlaceIndex:
    """Division mentions of the article by start offset."""

    def __init__(self, doc: Document) -> None:
        self.places = sorted((m for m in doc.mentions if m.type is EntityType.PLACE and "division_code" in m.attrs),
                             key=lambda m: m.start)
        self.starts = [m.start for m in self.places]

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.places[bisect_left(self.starts, start):bisect_left(self.starts, end)] if m.end <= end]


def _implied_government(doc: Document, lex: Lexicon, post: dict, role: str, places: _PlaceIndex) -> Mention | None:
    place = None
    prefix = post["text"][: -len(role)]
    for m in places.within(post["start"], post["end"]):
        place = {"division_code": m.attrs["division_code"], "name": m.key, "kind": m.attrs["kind"]}
    if place is None and not prefix.strip("常务"):
        place = resolve_level(doc, lex.divisions, post["start"], GOVERNMENT_HEADS[role])
    if place is None:
        return None
    name = place["name"] + "人民政府"
    return Mention(post["start"], post["end"], post["text"], EntityType.GOV_BODY, name, "implied_by_title",
                   {"family": "government", "canonical": "人民政府", "jurisdiction": place["division_code"],
                    "jurisdiction_name": place["name"], "implied": True})


def _title(doc: Document, post: dict, body: Mention, role: str, role_start: int, places: _PlaceIndex) -> str:
    if body.attrs.get("implied"):
        return _strip_place(doc, post, places)
    canonical = body.attrs.get("canonical", "")
    if body.type is EntityType.GOV_BODY and (canonical in _CORE or body.attrs.get("family") == "committee"):
        return _strip_place(doc, post, places)
    return doc.text[body.end:post["end"]] or role


def _strip_place(doc: Document, post: dict, places: _PlaceIndex) -> str:
    """岳阳市委副书记 → 市委副书记: the place name gives way to its level character."""
    for m in places.within(post["start"], post["end"]):
        if m.start == post["start"] and m.end < post["end"] and "kind" in m.attrs:
            kind = m.attrs["kind"]
            rest = doc.text[m.end:post["end"]]
            return rest if rest.startswith(kind) else kind + rest
    text = post["text"]
    return text[2:] if text.startswith("中共") else text
