"""GovBodies by the grammar of body names: [中共][place | level character |
anaphor] + party committee / government / congress / CPPCC / department
(full or abbreviated), leading groups and service centres on a place prefix.
The jurisdiction comes from the prefix, or from the article's focal place."""

from __future__ import annotations

import re

from kg.extract.jurisdiction import resolve_level
from kg.lexicon import Lexicon
from kg.lexicon.gov import DEPARTMENTS, NEEDS_PREFIX
from kg.model import Document, EntityType, Mention

# surface -> (canonical suffix, family). Family "party" for the committee
# and its departments, "gov" for the government and its departments.
_SURFACES: dict[str, tuple[str, str]] = {}
for canonical, abbrevs in DEPARTMENTS.items():
    family = "party" if canonical.startswith("委") or canonical == "纪委监委" else "gov"
    for form in (canonical, *abbrevs):
        _SURFACES.setdefault(form, (canonical, family))
_CORE = {
    "人民代表大会常务委员会": ("人大常委会", "congress"), "人大常委会": ("人大常委会", "congress"),
    "人大": ("人大常委会", "congress"), "人民政府": ("人民政府", "government"), "政府": ("人民政府", "government"),
    "政协": ("政协", "cppcc"), "党工委": ("党工委", "committee"), "党委": ("党委", "committee"),
    "委": ("委", "committee"),
}
_SURFACES.update(_CORE)
_BODY = re.compile("|".join(sorted(map(re.escape, _SURFACES), key=len, reverse=True)))

# What may not follow a party-committee 委 (市委员 is not 市委 + 员).
_NOT_AFTER_COMMITTEE = re.compile(r"员(?!会)|托|屈|婉|派|实|任")
_LEVEL_PREFIX = re.compile(r"(中共)?(该|我|本|全)?(省|市|县|区|州|旗|镇|乡|街道)(?=[\u4e00-\u9fff])")
_PREFIX_STOP = re.compile(r"(城|都|超|上|门|夜|股|楼|集|早|各|郊|社|园|景|片|新|开发|小|地|山|库|矿|街|辖|校|厂|"
                          r"示范|保税|林|老|灾|营|展|分|湾|节|反|省|县|市|该)$")
_GROUP = re.compile(r"([\u4e00-\u9fff]{2,18}?领导小组(?:办公室)?)")
_CENTRE = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:服务中心|管理中心|事务中心|发展中心|管理委员会|管委会|管理处|管理站))")
_GENERIC_STOP = re.compile(r"[的在到对与和及是为把将从向了等]|开展|推进|召开|举行|建设(?!局)|加快|全力|扎实|持续|推动|组织|成立")
_BARE_BEFORE = re.compile(r"(^|[、，,；：\s的和与及]|县|市|区)$")


def recognise_gov_bodies(doc: Document, lex: Lexicon) -> list[Mention]:
    index = lex.divisions
    text = doc.text
    out: list[Mention] = []
    taken: set[int] = set()

    def add(start: int, end: int, body_start: int, place: dict | None, body: str, prefix_kind: str) -> None:
        canonical, family = _SURFACES.get(body, (body, "other"))
        if family == "committee" and prefix_kind in ("镇", "乡", "街道") and canonical == "委":
            return
        name = _canonical_name(place, canonical, family, text[start:end])
        attrs = {"family": family, "canonical": canonical}
        if place:
            attrs["jurisdiction"] = place["division_code"]
            attrs["jurisdiction_name"] = place["name"]
        out.append(Mention(start, end, text[start:end], EntityType.GOV_BODY, name, "body_grammar", attrs))
        taken.update(range(start, end))

    # 1. A named place followed by a body: 宁乡市委, 长阳县发改局, 长沙市人大常委会.
    for m in list(doc.mentions):
        if m.type is not EntityType.PLACE or "division_code" not in m.attrs:
            continue
        place = {"division_code": m.attrs["division_code"], "name": m.key, "kind": m.attrs["kind"]}
        start = m.start - 2 if text[max(0, m.start - 2):m.start] == "中共" else m.start
        body = _match_body(text, m.end, place)
        if body:
            group = _GROUP.match(text, m.end + len(body)) if body in ("委", "人民政府", "政府") else None
            if group and not _GENERIC_STOP.search(group.group(1)):
                add(start, group.end(1), m.end, place, body + group.group(1), place["kind"])
            else:
                add(start, m.end + len(body), m.end, place, body, place["kind"])
            continue
        for pattern in (_GROUP, _CENTRE):
            g = pattern.match(text, m.end)
            if g and not _GENERIC_STOP.search(g.group(1)):
                add(start, g.end(1), m.end, place, g.group(1), place["kind"])
                break
    # 2. A level character or anaphor: 市委, 县发改局, 该市科经局, 中共市委.
    for lm in _LEVEL_PREFIX.finditer(text):
        if lm.start() in taken or _PREFIX_STOP.search(text[max(0, lm.start() - 2):lm.start()]):
            continue
        if text[lm.start() - 1:lm.start()] == "各":
            continue
        body = _match_body(text, lm.end(), None)
        if not body:
            continue
        place = resolve_level(doc, index, lm.start(), lm.group(3))
        add(lm.start(), lm.end() + len(body), lm.end(), place, body, lm.group(3))
    # 3. A bare department in a list: 县发改局、交通运输局、自然资源和规划局.
    for bm in _BODY.finditer(text):
        body = bm.group()
        if bm.start() in taken or body in _CORE or body in NEEDS_PREFIX or len(body) < 3:
            continue
        if not _BARE_BEFORE.search(text[max(0, bm.start() - 1):bm.start()]):
            continue
        place = _previous_jurisdiction(out, bm.start()) or doc.context.get("focal")
        add(bm.start(), bm.end(), bm.start(), place, body, "")
    return out


def _match_body(text: str, at: int, place: dict | None) -> str | None:
    m = _BODY.match(text, at)
    if not m:
        return None
    body = m.group()
    if body == "委" and _NOT_AFTER_COMMITTEE.match(text, m.end()):
        return None
    if body == "委" and text.startswith("员会", m.end()):
        return "委员会" if "委员会" in _SURFACES else body
    return body


def _canonical_name(place: dict | None, canonical: str, family: str, surface: str) -> str:
    if place is None:
        return surface
    name = place["name"]
    if canonical == "委" and place.get("kind") in ("镇", "乡", "街道"):
        canonical = "党委"
    return name + canonical


def _previous_jurisdiction(mentions: list[Mention], position: int) -> dict | None:
    """A bare department right after another body in a list shares its jurisdiction."""
    before = [m for m in mentions if m.end <= position and position - m.end <= 2 and "jurisdiction" in m.attrs]
    if not before:
        return None
    m = max(before, key=lambda x: x.end)
    return {"division_code": m.attrs["jurisdiction"], "name": m.attrs["jurisdiction_name"], "kind": ""}
