"""Projects: names ending in a construction head noun (…项目, …基地,
…中心（二期）, …生产线, …工业园区, …开发区), quoted items sharing one head
(“甲”“乙”四大片区), and coordinated names sharing one (甲、乙、丙工业园区)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kg.extract.spans import barrier_ends, clause_floor, is_generic, left_edge
from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

HEADS = ("经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|综合保税区|综保区|工业园区|工业园|产业园区|产业园|"
         "物流园区|物流园|科技园|示范园区|示范区|园区|生产基地|产业基地|联运基地|基地|片区|厂区|生产线|智算中心|数据中心|算力中心|"
         "会展中心|物流中心|研发中心|交易中心|配送中心|水电站|电站|公路|铁路|高速公路|大桥|隧道|枢纽|码头|专列|项目")
_HEAD = re.compile(rf"(?:{HEADS})(?:[（(][一二三四五六七八九十\d]+期[）)])?(?:项目)?")
_PHASE = re.compile(r"[（(][一二三四五六七八九十\d]+期[）)]$")
_QUOTED_LIST = re.compile(r"((?:“[^”]{2,12}”){2,})(?:[一二三四五六七八九十两\d]+大?)?(片区|项目|工程|基地|园区|板块)")
_COORDINATED = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+)([\u4e00-\u9fff]{2,6}?)(工业园区|产业园区|园区|工业园|产业园|片区|基地)")
_GENERIC_START = re.compile(r"^(该|本|各|这|那|全|新|多|一批|两个|上述|其他|部分|相关)")
# An honour a zone receives (获评首批省级…示范园区) is a title, not a project.
_HONOUR_BEFORE = re.compile(r"(?:成为|获评|获批|入选|荣获|被评为|评为|列为|认定为|创建为)(?:首批|第[一二三四五六七八九十\d]+批)?$")
_HONOUR_HEAD = re.compile(r"(示范园区|示范区|示范基地|基地|园区)$")


def recognise_projects(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    barriers = barrier_ends(doc.mentions, {EntityType.GOV_BODY, EntityType.PERSON})
    companies = _Companies(doc)
    found: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int, rule: str, key: str | None = None, aliases: tuple = ()) -> None:
        name = text[start:end]
        key = key or _canonical(name)
        found[(start, end)] = Mention(start, end, name, EntityType.PROJECT, key, rule, {"aliases": list(aliases)})

    for m in _HEAD.finditer(text):
        start = left_edge(text, m.start(), clause_floor(doc, m.start()), 26, barriers)
        start = companies.heading(start, m.start())
        start = _after_leading_verb(text, start, m.start())
        modifier = text[start:m.start()]
        if len(modifier) < 2 or _GENERIC_START.match(modifier) or is_generic(modifier):
            continue
        if _is_honour(text, start, m.end()):
            continue
        if m.group() == "项目" and text[m.start() - 1:m.start()] in "个批":
            continue
        add(start, m.end(), "project_head")
    for m in _QUOTED_LIST.finditer(text):
        head = m.group(2)
        for q in re.finditer(r"“[^”]{2,12}”", m.group(1)):
            s = m.start(1) + q.start()
            add(s, s + len(q.group()), "quoted_list", q.group() + head, (q.group(),))
    for m in _coordinated(text):
        head = m.group(3)
        pos = m.start(1)
        for n, item in enumerate(m.group(1).rstrip("、").split("、")):
            start = left_edge(text, pos + len(item), clause_floor(doc, pos), 6, barriers) if n == 0 else pos
            if pos + len(item) - start >= 2:
                add(start, pos + len(item), "coordinated", text[start:pos + len(item)] + head, (text[start:pos + len(item)],))
            pos += len(item) + 1
    return _drop_nested(list(found.values()))


# Coordinated names are Han characters and 、 only: the runs of those that
# hold a 、 are all _COORDINATED needs to look at.
_HAN_LIST_RUN = re.compile(r"(?<![\u4e00-\u9fff、])[\u4e00-\u9fff]*+、[\u4e00-\u9fff、]*+")


def _coordinated(text: str):
    """_COORDINATED.finditer(text), looking only where it can match."""
    for run in _HAN_LIST_RUN.finditer(text):
        yield from _COORDINATED.finditer(text, run.start(), run.end())


class _Companies:
    """Company mentions found so far, by start offset."""

    def __init__(self, doc: Document) -> None:
        self.spans = sorted((m.start, m.end) for m in doc.mentions if m.type is EntityType.COMPANY)
        self.starts = [s for s, e in self.spans]

    def heading(self, start: int, head_start: int) -> int:
        """A company named at the front of a project's name starts the name
        (…工业园青禾机械有限公司农机项目 → 青禾机械有限公司农机项目):
        what precedes the company is where the project is, not its name."""
        best = start
        for s, e in self.spans[bisect_right(self.starts, start):bisect_left(self.starts, head_start)]:
            if e <= head_start:
                best = max(best, s)
        return best


_LEADING_VERB = re.compile(r"建设|建成|打造|新建")


def _after_leading_verb(text: str, start: int, head_start: int) -> int:
    """加快建设某某产业园: the verb before a name is not part of it (建设 is
    not a stop word because …基础设施建设项目 ends with it)."""
    m = _LEADING_VERB.match(text, start, head_start)
    return m.end() if m and head_start - m.end() >= 2 else start


def _is_honour(text: str, start: int, end: int) -> bool:
    return bool(_HONOUR_BEFORE.search(text, max(0, start - 8), start) and _HONOUR_HEAD.search(text, start, end)
                and re.search(r"示范|试点|先进|首批", text[max(0, start - 8):end]))


def _canonical(name: str) -> str:
    """某某港…物流基地项目 is the base itself; …中心（二期） keeps its phase."""
    if name.endswith("项目") and re.search(rf"(?:{HEADS})(?:[（(][^）)]+[）)])?项目$", name[:-2] + "项目") and \
            re.search(r"(基地|中心|园区|工业园|产业园|开发区|经开区|片区|厂区)$", name[:-2]):
        return name[:-2]
    return name


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Longest spans win, except that items sharing one head (“甲”“乙”两大片区)
    win over the span that joins them."""
    shared = [m for m in mentions if m.source in ("quoted_list", "coordinated")]
    mentions = [m for m in mentions if m.source != "project_head"
                or not any(m.start <= x.start and x.end <= m.end and (x.start, x.end) != (m.start, m.end) for x in shared)]
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out
