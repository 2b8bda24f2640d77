"""Companies: names ending in a legal form (…有限公司, …集团) and the items
of an enumeration headed by a company noun (X、Y、Z等15家知名水企); then
every other occurrence of a name found so."""

from __future__ import annotations

import re

from kg.extract.spans import barrier_ends, clause_floor, is_generic, left_edge
from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

_LEGAL = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|控股公司)|集团|公司|银行|农民专业合作社|合作社")
_ENUM = re.compile(r"((?:[^、，。；：\s]{2,14}、)+[^、，。；：\s]{2,14})(?:等|及)(?:\d+|[一二三四五六七八九十百多数几]+)?[家个]?"
                   r"[\u4e00-\u9fff]{0,6}?(?:企业|公司|水企|车企|药企|房企|集团|品牌|厂商|企)")
# An enumeration never crosses ，。；： or a space, and has a 、 then 等 or 及:
# the stretches between those marks that hold them are all _ENUM needs to
# look at (it backtracks a lot over long lists of other things).
_LIST_STRETCH = re.compile(r"(?<![^，。；：\s])[^，。；：\s、]*+、[^，。；：\s]*+")
_NOT_COMPANY_START = re.compile(r"^(该|本|子|分|总|各|其|这|那|全|两家|多家|一家|母|新|原|我)")
# Stop words that are ordinary parts of company names (…城市建设投资集团有限公司).
_NAME_PART_WORDS = frozenset({"投资", "促进", "开发", "建设", "发展"})
_PROJECT_HEAD = re.compile(r"(项目|开发区|经开区|园区|工业园|产业园|基地|中心)$")


def recognise_companies(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    barriers = barrier_ends(doc.mentions, {EntityType.GOV_BODY, EntityType.PERSON})
    # a village or landmark before a company name is where it is, not part of the name
    barriers |= {m.end for m in doc.mentions if m.type is EntityType.PLACE and m.attrs.get("level", 0) >= 5}
    found: dict[tuple[int, int], Mention] = {}
    zone_ends = _zone_ends(text)
    known_other = {(m.start, m.end) for m in doc.mentions
                   if m.type in (EntityType.GOV_BODY, EntityType.PLACE, EntityType.PERSON)}

    def add(start: int, end: int, rule: str) -> None:
        name = text[start:end]
        if len(name) < 2 or _NOT_COMPANY_START.match(name) or _PROJECT_HEAD.search(name):
            return
        found.setdefault((start, end), Mention(start, end, name, EntityType.COMPANY, name, rule))

    edges = barriers | zone_ends
    for m in _LEGAL.finditer(text):
        start = left_edge(text, m.start(), clause_floor(doc, m.start()), 24, edges, keep=_NAME_PART_WORDS)
        if m.start() - start < 2 or is_generic(text[start:m.start()]):
            continue
        add(start, m.end(), "legal_form")
    for m in _enumerations(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if not _PROJECT_HEAD.search(item) and (pos, pos + len(item)) not in known_other:
                add(pos, pos + len(item), "company_enumeration")
            pos += len(item) + 1
    names = {m.text for m in found.values() if m.source == "company_enumeration"}
    for name in names:
        at = text.find(name)
        while at >= 0:
            add(at, at + len(name), "recurrence")
            at = text.find(name, at + len(name))
    return list(found.values())


_ZONE = re.compile(r"工业园区?|开发区|经开区|产业园|园区")


def _enumerations(text: str):
    """_ENUM.finditer(text), looking only where it can match."""
    for stretch in _LIST_STRETCH.finditer(text):
        start, end = stretch.span()
        first = text.find("、", start, end)
        if text.find("等", first, end) >= 0 or text.find("及", first, end) >= 0:
            yield from _ENUM.finditer(text, start, end)


def _zone_ends(text: str) -> set[int]:
    return {m.end() for m in _ZONE.finditer(text)}


def _is_known_other(doc: Document, start: int, end: int) -> bool:
    return any(m.start == start and m.end == end and m.type in (EntityType.GOV_BODY, EntityType.PLACE, EntityType.PERSON)
               for m in doc.mentions)
