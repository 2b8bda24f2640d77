"""Which division a level character (市, 县, 省...) or an anaphor (该市, 全县)
refers to at a point of the article: the nearest such place named before it
in the sentence, else the article's focal place or its ancestor of that kind."""

from __future__ import annotations

from bisect import bisect_left

from kg.model import Document, EntityType
from kg.text import sentence_at

_KIND_ALIASES = {"州": ("州", "市"), "市": ("市",), "县": ("县", "旗"), "区": ("区",), "省": ("省",),
                 "旗": ("旗", "县"), "镇": ("镇",), "乡": ("乡",), "街道": ("街道",)}


# (mention list, its length, places, starts) of the document at hand. The
# list itself is held, so a new document's list is never mistaken for it (an
# id can be reused once the old list is freed); one tuple, swapped whole.
_PLACE_INDEX: tuple = (None, -1, [], [])


def _places_by_start(doc: Document) -> tuple[list, list[int]]:
    """The article's place mentions sorted by start, rebuilt only when the
    mention list has changed (one article is resolved at a time)."""
    global _PLACE_INDEX
    cached = _PLACE_INDEX
    if cached[0] is not doc.mentions or cached[1] != len(doc.mentions):
        places = sorted((m for m in doc.mentions if m.type is EntityType.PLACE), key=lambda m: m.start)
        cached = _PLACE_INDEX = (doc.mentions, len(doc.mentions), places, [m.start for m in places])
    return cached[2], cached[3]


def resolve_level(doc: Document, index, position: int, kind: str) -> dict | None:
    kinds = _KIND_ALIASES.get(kind, (kind,))
    sentence = sentence_at(doc, position)
    floor = sentence.start if sentence else 0
    places, starts = _places_by_start(doc)
    best = None
    for m in places[bisect_left(starts, floor):bisect_left(starts, position)]:
        if m.end > position:
            continue
        if m.attrs.get("kind") in kinds and (best is None or m.start > best.start):
            best = m
    if best is not None and any(ch in doc.text[best.end:position] for ch in "，；：。"):
        best = None  # only a place in the same phrase (岳阳市委书记、市人大常委会主任)
    if best is not None:
        return {"division_code": best.attrs["division_code"], "name": best.key, "kind": best.attrs["kind"]}
    focal = doc.context.get("focal")
    if not focal:
        return None
    code = focal["division_code"]
    while code:
        div = index.by_code.get(code)
        if div is None:
            return None
        if div.kind in kinds:
            return {"division_code": div.code, "name": div.name, "kind": div.kind}
        code = div.parent
    if kind in ("市", "县") and focal["kind"] in ("市", "县", "旗", "区"):
        return focal  # a county-level city is 市 and its county neighbours say 县
    return None
