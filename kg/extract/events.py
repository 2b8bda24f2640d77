"""Events: meetings and ceremonies by their head noun (…大会, …会议,
…座谈会, …开工仪式), congress sessions (第十八届人民代表大会第三次会议),
party congresses (党的二十大), quoted meeting names (“开年第一会”)."""

from __future__ import annotations

import re

from kg.extract.jurisdiction import resolve_level
from kg.extract.spans import barrier_ends, clause_floor, is_generic, left_edge
from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

_HEAD = re.compile(r"(?:推进大会|动员大会|表彰大会|代表大会(?:第[一二三四五六七八九十\d]+次会议)?|大会|常委会会议|常务会议|全体会议|"
                   r"工作会议|联席会议|会议|座谈会|推进会|拉练会|观摩会|现场会|调度会|动员会|务虚会|报告会|发布会|推介会|洽谈会|"
                   r"交易会|博览会|展览会|论坛|峰会|党代会|全会|开工仪式|签约仪式|揭牌仪式|启动仪式|竣工仪式|仪式|轮训|培训班)")
_PARTY_CONGRESS = re.compile(r"党的(?:第)?([一二三四五六七八九十]+)(?:大|次全国代表大会)")
# “开年第一会” is a meeting; “强省会”-like strategies are not (省会 is a city, and a
# strategy head follows).
_QUOTED_MEETING = re.compile(r"“([^“”]{1,11}(?<!省|都)会)”(?!战略|行动|工程|计划|机制|模式|思路|活动|建设)")
# Stop words that are ordinary parts of meeting names (重点项目观摩会).
_NAME_PART_WORDS = frozenset({"重点", "持续", "推进", "招商", "全面", "深化", "加快"})
# A count inside a name (招商引资12个项目集中开工仪式) is not part of its identity.
_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+|[一二三四五六七八九十两]+)个(?=[\u4e00-\u9fff])")
# 省、岳阳市农村工作会议: a level character coordinated with a place shares its meeting.
_SHARED_HEAD = re.compile(r"(省|市|县)、")
_LEVEL_CONGRESS = re.compile(r"(?<![\u4e00-\u9fff])?(省|市|县|区)(第?[一二三四五六七八九十]+次党代会)")
_ONLY_COUNT = re.compile(r"[\d次场个]+")
_COUNTED = re.compile(r"\d+(次|场)")
_COMMITTEE_MEETING = re.compile(r"([\u4e00-\u9fff]{2,8}?委)常委会(?!会议)")
_GENERIC = re.compile(r"^(召开|举行|相关|有关|专题|各类|这次|此次|本次|该|各|全体|一次|两次|例行|视频|电视电话|工作|调研|座谈)")


def recognise_events(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    barriers = barrier_ends(doc.mentions, {EntityType.PERSON, EntityType.COMPANY})
    body_ends = {m.end: m for m in doc.mentions if m.type is EntityType.GOV_BODY}
    found: dict[tuple[int, int], Mention] = {}
    bare: list[tuple[int, int]] = []

    def add(start: int, end: int, rule: str, key: str | None = None, aliases=()) -> None:
        found[(start, end)] = Mention(start, end, text[start:end], EntityType.EVENT, key or text[start:end], rule,
                                      {"aliases": list(aliases)})

    with_bodies = barriers | set(body_ends)
    for m in _HEAD.finditer(text):
        head = m.group()
        start = left_edge(text, m.start(), clause_floor(doc, m.start()), 30,
                          barriers if head.startswith("常") else with_bodies, keep=_NAME_PART_WORDS)
        modifier = text[start:m.start()].strip("“”")
        if head in ("会议", "大会", "仪式", "全会") and len(modifier) < 2:
            continue
        if not modifier or _GENERIC.match(modifier) or is_generic(modifier) or _ONLY_COUNT.fullmatch(modifier):
            bare.append((start, m.end()))
            continue
        if _COUNTED.match(modifier):
            continue
        name = text[start:m.end()]
        key = _COUNT.sub("", name.replace("“", "").replace("”", ""))
        if head == "常委会" or head.startswith("常委会") or name.endswith("委常委会"):
            key = key if key.endswith("会议") else key + "会议"
        add(start, m.end(), "event_head", key)
    for m in (_COMMITTEE_MEETING.finditer(text) if "常委会" in text else ()):
        if m.start(1) + len(m.group(1)) in body_ends:
            body = body_ends[m.start(1) + len(m.group(1))]
            add(body.start, m.end(), "committee_meeting", body.key + "常委会会议")
    for m in _PARTY_CONGRESS.finditer(text):
        add(m.start(), m.end(), "party_congress", "党的" + m.group(1) + "大")
        found[(m.start(), m.end())].attrs["national"] = True
    for m in _QUOTED_MEETING.finditer(text):
        add(m.start(), m.end(), "quoted_meeting", m.group())
    for m in (_LEVEL_CONGRESS.finditer(text) if "党代会" in text else ()):
        place = resolve_level(doc, lex.divisions, m.start(), m.group(1))
        number = m.group(2) if m.group(2).startswith("第") else "第" + m.group(2)
        key = (place["name"] if place else m.group(1)) + number
        add(m.start(), m.end(), "party_congress", key)
    _shared_head_meetings(doc, lex, found, add)
    _bare_references(text, bare, found, add)
    return _longest(list(found.values()))


def _shared_head_meetings(doc: Document, lex: Lexicon, found: dict, add) -> None:
    """贯彻省、市经济工作会议精神: the meeting of the level character is the
    same meeting held by its own jurisdiction."""
    divisions = {p.start: p for p in doc.mentions if p.type is EntityType.PLACE and "division_code" in p.attrs}
    place_ends = {p.end for p in doc.mentions if p.type is EntityType.PLACE}
    for (start, end), meeting in list(found.items()):
        if meeting.source != "event_head":
            continue
        place = divisions.get(start)
        if place is None:
            continue
        rest = meeting.key[len(place.key):] if meeting.key.startswith(place.key) else meeting.key[place.end - start:]
        at = start
        while at >= 2 and at - 1 not in place_ends and (m := _SHARED_HEAD.match(doc.text, at - 2)):
            resolved = resolve_level(doc, lex.divisions, at - 2, m.group(1))
            if resolved is None or resolved["name"] == place.key:
                break
            add(at - 2, at - 1, "shared_head", resolved["name"] + rest)
            at -= 2


def _bare_references(text: str, bare: list[tuple[int, int]], found: dict, add) -> None:
    """A bare head (开工仪式, 集中开工仪式) refers to the one meeting of the
    article whose name ends with it."""
    named = {m.key for m in found.values() if m.source == "event_head"}
    for start, end in bare:
        if any(s <= start < e for s, e in found):
            continue
        words = text[start:end].strip("“”")
        owners = {k for k in named if k.endswith(words) and k != words}
        if len(owners) == 1 and len(words) >= 4:
            add(start, end, "bare_reference", owners.pop())


def _longest(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
