"""Persons without a title: a name the part-of-speech tagger (rjieba, a
fast Rust port of jieba) tags nr, accepted only where a name can stand —
after punctuation or a title, before a boundary, outside quotes and outside
every other mention."""

from __future__ import annotations

import rjieba

from kg.extract.persons import _followed_by_boundary as followed_by_boundary, surname_length
from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

_BEFORE = frozenset("，。、；：！？（）《》 \n由与和及同向对请让给被把")
_TITLE_BEFORE = ("领导", "书记", "市长", "县长", "区长", "镇长", "主任", "记者", "经理", "局长", "主席", "部长",
                 "同志", "代表", "委员", "董事长", "总裁", "教授", "院士", "专家", "先生", "女士")


def recognise_tagged_persons(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    taken = bytearray(len(text) + 1)
    for m in doc.mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    quoted = _quoted_cells(text)
    out, pos = [], 0
    for word, tag in rjieba.tag(text):
        start, end = pos, pos + len(word)
        pos = end
        if tag != "nr" or not 2 <= len(word) <= 3 or not surname_length(word):
            continue
        if any(taken[start:end]) or quoted[start]:
            continue
        before = text[start - 1] if start else "\n"
        if before not in _BEFORE and not text.endswith(_TITLE_BEFORE, 0, start):
            continue
        if not followed_by_boundary(text, end):
            continue
        out.append(Mention(start, end, word, EntityType.PERSON, word, "tagged_name", {"posts": []}))
    return out


def _quoted_cells(text: str) -> bytearray:
    cells = bytearray(len(text) + 1)
    depth = 0
    for i, ch in enumerate(text):
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
        elif depth:
            cells[i] = 1
    return cells
