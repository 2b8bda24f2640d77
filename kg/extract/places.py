"""Places: official divisions by full name or short form, disambiguated by
the other divisions the article names; named geographic places (…大坝,
…水库) on a place prefix; villages and communities by grammar."""

from __future__ import annotations

import re
from collections import Counter

from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention
from kg.text import sentence_at

# A short county name is taken as a place only with support: followed by one
# of these, preceded by its province or city, or named in full elsewhere.
_PLACE_BOUND_AFTER = re.compile(r"(经开区|经济开发区|经济技术开发区|开发区|高新区|工业园|产业园|新区|综保区|"
                                r"县委|市委|区委|县政府|市政府|人民政府|籍|境内|境|城区|老城|等地|、)")
_GEO = re.compile(r"(大坝|水库|水电站|湖|港|机场|火车站|高铁站|湿地公园|国家森林公园|风景区|景区)")
_GEO_NAME = re.compile("大坝|水库|机场|湿地公园|国家森林公园")
_VILLAGE = re.compile(r"([\u4e00-\u9fff]{2,4}(?:村|社区))(?=[，。、；的党两委居民委员会和与及]|$)")
_VILLAGE_STOP = re.compile(r"(乡村|农村|新村|城乡|全村|各村|本村|该村|进村|驻村|包村|行政村|自然村|村村|社区$|各社区|"
                           r"城市社区|农村社区|美丽|示范|试点|和美|宜居|文明|振兴|中心村|贫困村|重点村|的)")


def recognise_places(doc: Document, lex: Lexicon) -> list[Mention]:
    index = lex.divisions
    by_code = index.by_code
    text = doc.text
    hits = index.find_all(text)
    full_codes = {code for hit in hits for code in hit[4]}
    accepted = []
    prev_end = -1
    for i, (start, end, surface, codes, full_of) in enumerate(hits):
        full = bool(full_of)
        glued = i and prev_end == start
        prev_end = end
        if full and len(surface) <= 3 and start > 0 and _is_han(text[start - 1]) and not glued:
            full = False  # 示范县, 包联乡: a short full name glued to a word
            if len(surface) == 2 or by_code[codes[0]].level == 4:
                continue
        if full or _short_is_supported(text, hits, i, index, full_codes):
            accepted.append((start, end, surface, codes, full))
    context = Counter()
    for start, end, surface, codes, full in accepted:
        if len(codes) == 1:
            context[codes[0]] += 2
            for anc in index.ancestors(codes[0]):
                context[anc] += 1
    mentions = []
    for start, end, surface, codes, full in accepted:
        code = _choose(codes, surface, index, context)
        if code is None:
            mentions.append(Mention(start, end, surface, EntityType.PLACE, surface, "division",
                                    {"ambiguous": True}))
            continue
        div = by_code[code]
        mentions.append(Mention(start, end, surface, EntityType.PLACE, div.name, "division",
                                {"division_code": code, "level": div.level, "kind": div.kind}))
    mentions.extend(_geographic(doc, mentions))
    mentions.extend(_villages(doc))
    return mentions


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _short_is_supported(text, hits, i, index, full_codes) -> bool:
    start, end, surface, codes, _ = hits[i]
    if not full_codes.isdisjoint(codes):
        return True
    by_code = index.by_code
    if min(by_code[c].level for c in codes) <= 2:
        return True
    if i > 0 and hits[i - 1][1] == start:
        prev_codes = set(hits[i - 1][3])
        if any(not prev_codes.isdisjoint(index.ancestors(c)) for c in codes):
            return True  # 湖南宁乡, 河北围场
    return bool(_PLACE_BOUND_AFTER.match(text, end))


def _choose(codes, surface, index, context) -> str | None:
    if len(codes) == 1:
        return codes[0]

    def support(code: str) -> tuple:
        own = context.get(code, 0)
        up = sum(context.get(a, 0) for a in index.ancestors(code))
        full = index.is_full_name(surface, code)
        return (own + up, full, -index.by_code[code].level)

    ranked = sorted(codes, key=support, reverse=True)
    best, runner = support(ranked[0]), support(ranked[1])
    if best[0] == 0 and index.by_code[ranked[0]].level >= 3 and best[1:] == runner[1:]:
        return None  # same-name towns with no context: leave unresolved
    return ranked[0]


def _geographic(doc: Document, places: list[Mention]) -> list[Mention]:
    """三门峡大坝: a known place name directly followed by a geographic head."""
    out = []
    text = doc.text
    for m in places:
        if "division_code" not in m.attrs:
            continue
        g = _GEO_NAME.match(text, m.end)
        if g:
            head = g.group()
            name = m.text + head
            out.append(Mention(m.start, m.end + len(head), name, EntityType.PLACE, name,
                               "geographic", {"within": m.attrs["division_code"]}))
    return out


def _villages(doc: Document) -> list[Mention]:
    out = []
    for m in _VILLAGE.finditer(doc.text):
        name = m.group(1)
        if _VILLAGE_STOP.search(name):
            continue
        out.append(Mention(m.start(1), m.end(1), name, EntityType.PLACE, name, "village", {"level": 5}))
    return out


def focal_place(doc: Document, index) -> dict | None:
    """The place the article is about: the most mentioned county-level
    division (then city, then town), counting the title twice."""
    counts: Counter = Counter()
    for m in doc.mentions:
        code = m.attrs.get("division_code") if m.type is EntityType.PLACE else None
        if not code:
            continue
        weight = 2 if (s := sentence_at(doc, m.start)) is not None and s.kind == "title" else 1
        counts[code] += weight
    for level in (3, 2, 4, 1):
        ranked = [(n, c) for c, n in counts.items() if index.by_code[c].level == level]
        if ranked:
            ranked.sort(reverse=True)
            div = index.by_code[ranked[0][1]]
            return {"division_code": div.code, "name": div.name, "level": div.level, "kind": div.kind}
    return None
