"""Initiatives: a quoted name with a head noun (“比学赶超”活动, “清单+闭环”
机制, “十四五”规划编制), or a quoted name alone as the object of an
initiative verb (推行“一网通办”). Slogans, 定位, 理念 and 要求 are not."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

HEADS = ("发展新格局|新格局|格局|工作思路|发展思路|思路|战略定位|战略|工作机制|长效机制|机制|工作模式|模式|"
         "专项行动|行动|攻坚战|工程|服务圈|小分队|专班|督办|规划编制工作|规划编制|规划|行动计划|计划|实施方案|方案|转化路径|路径|"
         "工作法|制度|体系|活动|调研活动|主题活动|实践锻炼|改革|试点|品牌|平台|专项整治|三年行动|服务")
_QUOTE = r"“[^“”]{1,24}”"
_WITH_HEAD = re.compile(rf"((?:{_QUOTE}[和、及与]?)+?)([\u4e00-\u9fff]{{0,4}}?)({HEADS})(?:工作)?")
_VERB_OBJECT = re.compile(rf"(?:开展|启动|推行|实施|构建|建立|实行|组建|探索|打造|推进|通过|以|贯彻|落实|践行|深化|坚持|创新|"
                          rf"启用|推广|部署|谋划|提出|形成|深入开展|大力实施|全面贯彻)((?:{_QUOTE})+)")
_NOT_INITIATIVE_AFTER = re.compile(r"^(的|之)?(定位|理念|要求|重要要求|精神|字|处|导向|目标|姿态|意识|口号|标语|问题|号召|"
                                   r"效率意识|发展定位|作为|为主要内容|为重点|为抓手)")
_SLOGAN_LIKE = re.compile(r"[，。！？；]")
_MEETING = re.compile(r"(?<!省|都)会$")  # 省会 and 都会 are cities


def recognise_initiatives(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    found: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int, key: str, rule: str, aliases=()) -> None:
        found[(start, end)] = Mention(start, end, text[start:end], EntityType.INITIATIVE, key, rule,
                                      {"aliases": [a for a in aliases if a != key]})

    for m in _WITH_HEAD.finditer(text):
        quotes = re.findall(_QUOTE, m.group(1))
        head = m.group(2) + m.group(3)
        if any(_SLOGAN_LIKE.search(q) for q in quotes) and m.group(3) not in ("活动", "调研活动", "发展新格局", "新格局"):
            continue
        if any(_MEETING.search(q.strip("“”")) for q in quotes):
            continue  # a quoted 会 (“开年第一会”) is an event
        if len(quotes) > 1 and re.fullmatch(rf"(?:{_QUOTE})+", m.group(1)):
            for q in re.finditer(_QUOTE, m.group(1)):
                s = m.start(1) + q.start()
                add(s, s + len(q.group()), q.group() + head, "quoted_list", (q.group(),))
            continue
        full = text[m.start():m.end()]
        key = full[:-2] if full.endswith("工作") and len(full) > 2 else full
        add(m.start(), m.end(), _key(key), "quoted_head", (m.group(1), full))
    for m in _VERB_OBJECT.finditer(text):
        for q in re.finditer(_QUOTE, m.group(1)):
            s = m.start(1) + q.start()
            e = s + len(q.group())
            if any(s >= a and e <= b for a, b in found):
                continue
            inner = q.group().strip("“”")
            if _SLOGAN_LIKE.search(inner) or len(inner) < 2 or _MEETING.search(inner):
                continue
            if _NOT_INITIATIVE_AFTER.match(text[m.end():m.end() + 8]) or re.match(r"[\u4e00-\u9fff]{0,4}(定位|理念)", text[m.end():]):
                continue
            add(s, e, q.group(), "verb_object")
    return list(found.values())


def _key(name: str) -> str:
    return name
