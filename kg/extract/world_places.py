"""Countries and regions outside the division list (赴德国考察), as Places
when they stand on their own, not inside a longer name (美国通用公司)."""

from __future__ import annotations

import re

from kg.lexicon import Lexicon
from kg.lexicon.world import COUNTRIES, REGIONS
from kg.model import Document, EntityType, Mention

_NAMES = re.compile("|".join(sorted(COUNTRIES | REGIONS, key=len, reverse=True)))
# A country name followed by these is part of a longer name or a demonym.
_GLUED_AFTER = re.compile(r"[人籍式语文制产版队党]|公司|集团|大学|大使馆|领事馆|政府|驻")


def recognise_world_places(doc: Document, lex: Lexicon) -> list[Mention]:
    out = []
    for m in _NAMES.finditer(doc.text):
        if _GLUED_AFTER.match(doc.text, m.end()):
            continue
        out.append(Mention(m.start(), m.end(), m.group(), EntityType.PLACE, m.group(), "world_place",
                           {"level": 0}))
    return out
