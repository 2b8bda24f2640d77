"""Projects: names ending in a construction head noun (…项目, …基地,
…中心（二期）, …生产线, …工业园区, …开发区), quoted items sharing one head
(“甲”“乙”四大片区), and coordinated names sharing one (甲、乙、丙工业园区)."""

from __future__ import annotations

import re

from kg.extract.spans import barrier_ends, clause_floor, is_generic, left_edge
from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

HEADS = ("经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|综合保税区|综保区|工业园区|工业园|产业园区|产业园|"
         "物流园区|物流园|科技园|示范园区|示范区|园区|生产基地|产业基地|联运基地|基地|片区|厂区|生产线|智算中心|数据中心|算力中心|"
         "会展中心|物流中心|研发中心|交易中心|配送中心|水电站|电站|公路|铁路|高速公路|大桥|隧道|枢纽|码头|专列|项目")
_HEAD = re.compile(rf"(?:{HEADS})(?:[（(][一二三四五六七八九十\d]+期[）)])?(?:项目)?")
_PHASE = re.compile(r"[（(][一二三四五六七八九十\d]+期[）)]$")
_QUOTED_LIST = re.compile(r"((?:“[^”]{2,12}”){2,})(?:[一二三四五六七八九十\d]+大?)?(片区|项目|工程|基地|园区|板块)")
_COORDINATED = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+)([\u4e00-\u9fff]{2,6})(工业园区|产业园区|园区|工业园|产业园|片区|基地)")
_GENERIC_START = re.compile(r"^(该|本|各|这|那|全|新|多|一批|两个|上述|其他|部分|相关)")


def recognise_projects(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    barriers = barrier_ends(doc.mentions, {EntityType.GOV_BODY, EntityType.PERSON})
    found: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int, rule: str, key: str | None = None, aliases: tuple = ()) -> None:
        name = text[start:end]
        key = key or _canonical(name)
        found[(start, end)] = Mention(start, end, name, EntityType.PROJECT, key, rule, {"aliases": list(aliases)})

    for m in _HEAD.finditer(text):
        start = left_edge(text, m.start(), clause_floor(doc, m.start()), 26, barriers)
        modifier = text[start:m.start()]
        if len(modifier) < 2 or _GENERIC_START.match(modifier) or is_generic(modifier):
            continue
        if m.group() == "项目" and text[m.start() - 1:m.start()] in "个批":
            continue
        add(start, m.end(), "project_head")
    for m in _QUOTED_LIST.finditer(text):
        head = m.group(2)
        for q in re.finditer(r"“[^”]{2,12}”", m.group(1)):
            s = m.start(1) + q.start()
            add(s, s + len(q.group()), "quoted_list", q.group() + head, (q.group(),))
    for m in _COORDINATED.finditer(text):
        head = m.group(3)
        pos = m.start(1)
        for item in m.group(1).rstrip("、").split("、"):
            add(pos, pos + len(item), "coordinated", item + head, (item,))
            pos += len(item) + 1
    return _drop_nested(list(found.values()))


def _canonical(name: str) -> str:
    """陈家港…联运基地项目 is the base itself; …中心（二期） keeps its phase."""
    if name.endswith("项目") and re.search(rf"(?:{HEADS})(?:[（(][^）)]+[）)])?项目$", name[:-2] + "项目") and \
            re.search(r"(基地|中心|园区|工业园|产业园|开发区|经开区|片区|厂区)$", name[:-2]):
        return name[:-2]
    return name


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out
