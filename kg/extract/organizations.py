"""Organizations that are neither bodies nor companies: media, schools,
hospitals, associations, research institutes, by their head noun."""

from __future__ import annotations

import re

from kg.extract.spans import barrier_ends, clause_floor, is_generic, left_edge
from kg.lexicon import Lexicon
from kg.model import Document, EntityType, Mention

_HEAD = re.compile(r"日报社|报社|日报|晚报|电视台|广播电视台|广播电台|通讯社|新闻社|融媒体中心|大学|学院|职业技术学院|中学|小学|"
                   r"学校|幼儿园|医院|卫生院|疾控中心|协会|商会|学会|联合会|促进会|研究会|研究院|研究所|基金会|红十字会|俱乐部")
_GENERIC = re.compile(r"^(各|该|本|全|多|一|这|相关|有关|当地|基层|乡镇|县级|市级|省级|高等|中小|重点)")


def recognise_organizations(doc: Document, lex: Lexicon) -> list[Mention]:
    text = doc.text
    barriers = barrier_ends(doc.mentions, {EntityType.GOV_BODY, EntityType.PERSON, EntityType.COMPANY})
    out = []
    for m in _HEAD.finditer(text):
        start = left_edge(text, m.start(), clause_floor(doc, m.start()), 16, barriers)
        modifier = text[start:m.start()]
        if len(modifier) < 2 or _GENERIC.match(modifier) or is_generic(modifier):
            continue
        name = text[start:m.end()]
        out.append(Mention(start, m.end(), name, EntityType.ORGANIZATION, name, "org_head"))
    return out
