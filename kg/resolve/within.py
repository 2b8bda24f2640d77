"""Resolution within an article: settle overlapping mentions, resolve
anaphors (该市, 全县, 这座城市) to places, and group mentions into entities
with their aliases."""

from __future__ import annotations

import re

from kg.extract.jurisdiction import resolve_level
from kg.lexicon import Lexicon
from kg.lexicon.divisions import short_forms
from kg.model import Document, Entity, EntityType, Mention

_ANAPHOR = re.compile(r"(该|本|我|全)(市|县|区|州|旗|镇|乡|省)(?![委政人发科审自财教公民司交住水农商文卫统林城应医])|这座城市")
# Among overlapping non-place mentions the longer wins; on a tie, this order.
_PRIORITY = {EntityType.PERSON: 0, EntityType.EVENT: 1, EntityType.GOV_BODY: 2, EntityType.PROJECT: 3,
             EntityType.INITIATIVE: 4, EntityType.COMPANY: 5, EntityType.ORGANIZATION: 6, EntityType.PLACE: 7}
# A shorter mention of these types may sit inside a longer one of those.
_NESTABLE = {(EntityType.COMPANY, EntityType.PROJECT), (EntityType.GOV_BODY, EntityType.EVENT),
             (EntityType.PLACE, None)}


def add_anaphors(doc: Document, lex: Lexicon) -> None:
    taken = None  # the characters inside a mention, gathered at the first anaphor
    anaphors: list[Mention] = []  # added at the end: an anaphor resolves to named places only
    for m in _ANAPHOR.finditer(doc.text):
        if taken is None:
            taken = {i for x in doc.mentions for i in range(x.start, x.end)}
        if m.start() in taken:
            continue
        kind = m.group(2) if m.group(2) else "市"
        place = resolve_level(doc, lex.divisions, m.start(), kind) if m.group(1) != "全" or kind != "省" \
            else resolve_level(doc, lex.divisions, m.start(), "省")
        if m.group() == "这座城市":
            place = doc.context.get("focal")
        if not place:
            continue
        div = lex.divisions.by_code[place["division_code"]]
        anaphors.append(Mention(m.start(), m.end(), m.group(), EntityType.PLACE, div.name, "anaphor",
                                {"division_code": div.code, "level": div.level, "kind": div.kind}))
    doc.mentions.extend(anaphors)


def settle_overlaps(doc: Document) -> None:
    """Keep a consistent set of mentions: persons first, then longest
    non-place spans; places stay, marked nested when inside another entity.
    Overlaps are found through a map of the characters each kept span covers,
    so the cost grows with the article, not with its square."""
    persons = [m for m in doc.mentions if m.type is EntityType.PERSON]
    others = [m for m in doc.mentions if m.type not in (EntityType.PERSON, EntityType.PLACE)]
    places = [m for m in doc.mentions if m.type is EntityType.PLACE]
    person_cells = {i for m in persons for i in range(m.start, m.end)}
    person_ends = {m.start: m.end for m in persons}
    kept: list[Mention] = list(persons)
    chosen: list[Mention] = []
    cells: dict[int, list[int]] = {}  # character -> indices in `chosen`
    for m in sorted(others, key=lambda m: (-(m.end - m.start), _PRIORITY[m.type], m.start)):
        if not person_cells.isdisjoint(range(m.start, m.end)) and not _contains_person(m, person_ends):
            continue
        clash = False
        for c in _overlapping(chosen, cells, m.start, m.end):
            inside = c.start <= m.start and m.end <= c.end
            if inside and (m.type, c.type) in _NESTABLE:
                m.attrs["nested_in"] = c.type.value
                continue
            clash = True
            break
        if not clash:
            for i in range(m.start, m.end):
                cells.setdefault(i, []).append(len(chosen))
            chosen.append(m)
    for p in places:
        if not person_cells.isdisjoint(range(p.start, p.end)):
            continue
        for c in _overlapping(chosen, cells, p.start, p.end):
            if c.start <= p.start and p.end <= c.end and c.type is not EntityType.PLACE:
                p.attrs["nested_in"] = c.type.value
                break
            if not (c.start <= p.start and p.end <= c.end):
                p.attrs["nested_in"] = c.type.value  # straddles a name: not a mention of its own
                break
        kept.append(p)
    kept.extend(chosen)
    kept.sort(key=lambda m: (m.start, -(m.end - m.start)))
    doc.mentions = kept


def _overlapping(chosen: list[Mention], cells: dict[int, list[int]], start: int, end: int) -> list[Mention]:
    found = sorted({k for i in range(start, end) for k in cells.get(i, ())})
    return [chosen[k] for k in found]


def _contains_person(m: Mention, person_ends: dict[int, int]) -> bool:
    return any(person_ends.get(i, m.end + 1) <= m.end for i in range(m.start, m.end))


def group_entities(doc: Document, lex: Lexicon) -> None:
    """One entity per (type, key) in the article. Places and bodies nested in
    other names become entities only when also named on their own, or when
    the article is about them (the focal place)."""
    focal = doc.context.get("focal")
    by_key: dict[tuple, Entity] = {}
    for m in doc.mentions:
        key = (m.type, m.key)
        ent = by_key.get(key)
        if ent is None:
            ent = Entity(id="", type=m.type, name=m.key)
            by_key[key] = ent
        ent.mentions.append(m)
        ent.add_alias(m.text)
        for alias in m.attrs.get("aliases", ()):
            ent.add_alias(alias)
        for attr in ("division_code", "level", "jurisdiction", "jurisdiction_name", "family", "canonical"):
            if attr in m.attrs and attr not in ent.attributes:
                ent.attributes[attr] = m.attrs[attr]
    entities = []
    for ent in by_key.values():
        standalone = any("nested_in" not in m.attrs for m in ent.mentions)
        is_focal = ent.type is EntityType.PLACE and focal and ent.attributes.get("division_code") == focal["division_code"]
        if standalone or is_focal or ent.type is EntityType.COMPANY:
            entities.append(ent)
    _merge_variants(entities)
    for ent in entities:
        _add_generated_aliases(ent, lex)
    doc.entities = entities


_PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,5}?[省市县区州旗]")


def _event_core(name: str) -> str:
    """An event's name without the place that holds it: 某市X推进会 and its
    abbreviated 某X推进会 in a headline name one meeting."""
    core = _PLACE_PREFIX.sub("", name, count=1)
    return core if len(core) >= 8 else name


def _merge_abbreviated_events(entities: list[Entity]) -> None:
    events = sorted((e for e in entities if e.type is EntityType.EVENT), key=lambda e: -len(e.name))
    by_core: dict[str, Entity] = {}
    for e in events:
        core = _event_core(e.name)
        keep = by_core.get(core)
        if keep is None or core == e.name:
            by_core.setdefault(core, e)
            continue
        keep.add_alias(e.name)
        for a in e.aliases:
            keep.add_alias(a)
        keep.mentions.extend(e.mentions)
        entities[:] = [x for x in entities if x is not e]


def _merge_variants(entities: list[Entity]) -> None:
    """某某数据中心 and 某某数据中心（二期）, “三比” and “三比”活动: one entity."""
    _merge_abbreviated_events(entities)
    for kind in (EntityType.PROJECT, EntityType.INITIATIVE, EntityType.EVENT):
        group = sorted((e for e in entities if e.type is kind), key=lambda e: -len(e.name))
        merged: set[int] = set()  # by identity: comparing dataclasses field by field is slow
        for short in list(reversed(group)):
            if len(short.name) < 4:
                continue
            for long in group:
                if long is short or id(short) in merged:
                    continue
                if long.name.startswith(short.name) or long.name.endswith(short.name.strip("“”")):
                    long.add_alias(short.name)
                    for a in short.aliases:
                        long.add_alias(a)
                    long.mentions.extend(short.mentions)
                    merged.add(id(short))
                    break
        if merged:
            entities[:] = [e for e in entities if id(e) not in merged]


def _add_generated_aliases(ent: Entity, lex: Lexicon) -> None:
    """Standard variants of a body's name (长阳县委 for 长阳土家族自治县委)."""
    if ent.type is not EntityType.GOV_BODY or "jurisdiction" not in ent.attributes:
        return
    place = ent.attributes["jurisdiction_name"]
    div = lex.divisions.by_code.get(ent.attributes["jurisdiction"])
    if not div or not ent.name.startswith(place):
        return
    rest = ent.name[len(place):]
    for form in short_forms(div.name, div.level):
        if form.endswith(("县", "州")) and form != div.name:
            ent.add_alias(form + rest)
    if rest == "委":
        ent.add_alias("中共" + ent.name)
