"""Persons: a surname and a given name, accepted by their context — a chain
of titles before the name (宁乡市委书记、市长X), a list after 领导, a
byline, or a speech verb after it — then found again wherever they recur."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon
from kg.lexicon.gov import LEADER_WORDS, ROLES
from kg.lexicon.names import COMPOUND_SURNAMES, NAME_FOLLOWERS, NOT_IN_NAME, SINGLE_SURNAMES
from kg.model import Document, EntityType, Mention

_ROLE = re.compile("|".join(map(re.escape, ROLES)))
_LEADERS = re.compile("(?<=[省市县区州旗镇乡政])(?:" + "|".join(LEADER_WORDS) + r")[：:]?")
_INLINE_BYLINE = re.compile(r"讯[（(]((?:[\u4e00-\u9fff]{2,4}[ 、，]?){1,6})[）)]")
_REPORTER = re.compile(r"(?:记者|通讯员|作者|撰稿|摄影)[：: ]?((?:[\u4e00-\u9fff]{2,4}(?: |、|，|\n|$)){1,6})")
_SPEECH = re.compile(r"(?:(?<=^)|(?<=[，。；：、“\n]))([\u4e00-\u9fff]{2,3})(?=强调|指出|表示|主持|要求|说，|说：)")
_CHAIN_SEP = "、"
_FOLLOWER_SET = frozenset(NAME_FOLLOWERS)
_FOLLOWER_LENGTHS = sorted({len(w) for w in NAME_FOLLOWERS})
_PUNCT_END = frozenset("，。、；：！？”）( （\n")


def surname_length(candidate: str) -> int:
    if candidate[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if candidate[:1] in SINGLE_SURNAMES else 0


def _followed_by_boundary(text: str, end: int) -> bool:
    if end >= len(text) or text[end] in _PUNCT_END:
        return True
    return any(text[end:end + n] in _FOLLOWER_SET for n in _FOLLOWER_LENGTHS)


def name_at(text: str, start: int, strict_end: bool = True) -> str | None:
    """The personal name starting at `start`, or None. The longest form
    (surname + two characters) wins when a boundary follows it."""
    sn = surname_length(text[start:start + 2])
    if not sn:
        return None
    for given in (2, 1):
        end = start + sn + given
        cand = text[start:end]
        if len(cand) < sn + given or not NOT_IN_NAME.isdisjoint(cand):
            continue
        if given == 2 and _followed_by_boundary(text, start + sn + 1):
            continue  # 杨军到, 宋勇陪同: the third character starts a follower word
        if not strict_end or _followed_by_boundary(text, end):
            return cand
    return None


def recognise_persons(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    found: dict[int, Mention] = {}

    def add(start: int, name: str, rule: str, posts: list | None = None) -> Mention:
        m = found.get(start)
        if m is None:
            m = Mention(start, start + len(name), name, EntityType.PERSON, name, rule, {"posts": []})
            found[start] = m
        if posts:
            m.attrs["posts"].extend(posts)
        return m

    # 1. Titles before a name, possibly a chain: 县委副书记、县长赵明远.
    for rm in _ROLE.finditer(text):
        pos = rm.end()
        if text[pos:pos + 1] == " ":
            pos += 1
        name = name_at(text, pos)
        if not name:
            continue
        posts = _title_chain(text, rm.start(), rm.end())
        if posts is None:
            continue
        add(pos, name, "title", posts)
        _list_after(text, pos + len(name), add)
    # 2. Lists after 领导: 县领导周立新、孙海、钱敏出席会议.
    for lm in _LEADERS.finditer(text):
        pos = lm.end()
        name = name_at(text, pos)
        if name:
            add(pos, name, "leader_list")
            _list_after(text, pos + len(name), add)
    # 3. Bylines.
    for pattern in (_INLINE_BYLINE, _REPORTER):
        for bm in pattern.finditer(text):
            chunk_start = bm.start(1)
            for part in re.finditer(r"[\u4e00-\u9fff]{2,4}", bm.group(1)):
                cand = part.group()
                if surname_length(cand) and not any(ch in NOT_IN_NAME for ch in cand):
                    add(chunk_start + part.start(), cand, "byline")
    for name in doc.bylines:
        at = text.find(name)
        if at >= 0 and surname_length(name):
            add(at, name, "byline")
    # 4. A name before a speech verb: 李某某强调.
    for sm in _SPEECH.finditer(text):
        cand = sm.group(1)
        if surname_length(cand) and not any(ch in NOT_IN_NAME for ch in cand) and len(cand) == 3:
            add(sm.start(1), cand, "speech")
    # 5. Every other occurrence of a name found above.
    names = {m.text for m in found.values()}
    for name in names:
        at = text.find(name)
        while at >= 0:
            if at not in found and _followed_by_boundary(text, at + len(name)):
                add(at, name, "recurrence")
            at = text.find(name, at + len(name))
    return sorted(found.values(), key=lambda m: m.start)


def _title_chain(text: str, role_start: int, role_end: int) -> list[dict] | None:
    """The titles written before a name: [{"text", "start", "end"}], nearest last.
    None when the role word is not a title here (e.g. inside a longer word)."""
    posts = []
    start = _segment_start(text, role_start)
    if start is None:
        return None
    posts.append({"text": text[start:role_end], "start": start, "end": role_end})
    while start > 0 and text[start - 1] == _CHAIN_SEP:
        prev_end = start - 1
        rm = None
        for m in _ROLE.finditer(text, max(0, prev_end - 8), prev_end):
            if m.end() == prev_end:
                rm = m
                break
        if rm is None:
            break
        seg = _segment_start(text, rm.start())
        if seg is None:
            break
        posts.append({"text": text[seg:prev_end], "start": seg, "end": prev_end})
        start = seg
    posts.reverse()
    return posts


_SEGMENT_STOP = frozenset("，。、；：！？“”‘’（）《》 \n")


def _segment_start(text: str, role_start: int) -> int | None:
    """Where the title holding this role begins: back to the previous
    delimiter, at most 24 characters."""
    i = role_start
    while i > 0 and text[i - 1] not in _SEGMENT_STOP and role_start - i < 24:
        i -= 1
    prefix = text[i:role_start]
    if role_start - i >= 24:
        return None
    # A title prefix names a body or place; a verb phrase before it does not.
    for verb in ("参加", "出席", "陪同", "会见", "带领", "率领", "邀请", "听取", "向", "对", "由", "在", "和", "与", "及", "的"):
        cut = prefix.rfind(verb)
        if cut >= 0:
            i = i + cut + len(verb)
            prefix = text[i:role_start]
    if re.search(r"\d|年|月|日", prefix):
        return None
    return i


def _list_after(text: str, pos: int, add) -> None:
    """Names that follow a recognised name in a 、-separated list."""
    while text[pos:pos + 1] == "、":
        name = name_at(text, pos + 1)
        if not name:
            return
        add(pos + 1, name, "list")
        pos = pos + 1 + len(name)
