"""LEADS and PARTICIPATES_IN that need more than one clause: the leaders
listed as attending the article's current activity (市领导甲、乙出席),
bodies brought along to it (带领市商务局…负责人), the official who announces
a groundbreaking (宣布开工) and the projects it starts, the author of a
report read at a congress, and a body whose named plan it is (市委“X”工作思路)."""

from __future__ import annotations

import re

from kg.model import Document, Entity, EntityType, RelationType
from kg.relations.base import RelationSet, pairs_between

_ATTEND = re.compile(r"出席|参加|陪同|参与")
_BRING_ALONG = re.compile(r"带领|率领")
_ACTIVITY = (EntityType.EVENT, EntityType.INITIATIVE)
_PARTICIPANTS = (EntityType.PERSON, EntityType.GOV_BODY, EntityType.ORGANIZATION, EntityType.COMPANY)
_ANNOUNCE_START = re.compile(r"宣布[^，。；]{0,12}?开工")
_COMPLETED = re.compile(r"竣工|建成投产|投入使用")
_REPORT_TO = re.compile(r"向(?:大会|会议|全会)(?:作|做)?报告")
_AT_MEETING_LINE = re.compile(r"^[—\-\s]*(?:\d{4}年\d{1,2}月\d{1,2}日)?在$")


def participation(doc: Document, rels: RelationSet) -> None:
    pairs = _Pairs(*rels.mention_pairs())
    attendants_of_current_activity(doc, rels, pairs)
    presides_over_the_meeting(doc, rels, pairs)
    groundbreaking(doc, rels, pairs)
    report_at_meeting(doc, rels, pairs)
    plan_owner(doc, rels, pairs)
    prefer_leading(rels)


class _Pairs(list):
    """(mention, entity) pairs in text order, sliced by offsets in O(log n)."""

    def __init__(self, pairs, starts: list[int]) -> None:
        super().__init__(pairs)
        self.starts = starts

    def between(self, start: int, end: int):
        return pairs_between(self, self.starts, start, end)


def attendants_of_current_activity(doc: Document, rels: RelationSet, pairs) -> None:
    """县领导甲、乙、丙参加调研 / 市领导…陪同观摩: when the clause names no
    event, the attendants take part in the activity the article has just
    described (the nearest event or initiative in this or the previous
    paragraph); bodies led along (带领甲局、乙局负责人) take part in it too."""
    for sentence in doc.sentences:
        verb = _ATTEND.search(sentence.text) or _BRING_ALONG.search(sentence.text)
        if verb is None:
            continue
        verb_at = sentence.start + verb.start()
        if doc.text.startswith("下", verb_at + 2):
            continue  # 在老师带领下: led by, not leading anyone along
        clause_end = _clause_end(doc.text, verb_at, sentence.end)
        if any(e.type in _ACTIVITY for m, e in pairs.between(verb_at, clause_end)):
            continue  # the clause names what they attend: the clause rule handles it
        activity = _current_activity(doc, pairs, verb_at)
        if activity is None:
            continue
        if _BRING_ALONG.match(verb.group()):
            members = [e for m, e in pairs.between(verb_at + 1, clause_end)
                       if e.type in (EntityType.GOV_BODY, EntityType.ORGANIZATION, EntityType.COMPANY)]
        else:
            members = [(m, e) for m, e in pairs.between(sentence.start, verb_at)
                       if e.type is EntityType.PERSON and m.source != "byline"]
            principal = _accompanied(doc, members, verb.group())
            members = [e for m, e in members if e not in principal]
            for person in principal:
                rels.add(RelationType.LEADS, person.id, activity.id, verb_at, "accompanied_principal")
        for member in members:
            rels.add(RelationType.PARTICIPATES_IN, member.id, activity.id, verb_at, "attends_current_activity")


def _accompanied(doc: Document, persons, verb: str) -> list[Entity]:
    """甲，乙、丙陪同: the persons of the first comma-separated part are the
    ones accompanied (the principal of the visit), not companions."""
    if verb != "陪同" or len(persons) < 2:
        return []
    first_end = persons[0][0].end
    comma = doc.text.find("，", first_end, persons[-1][0].start)
    if comma < 0:
        return []
    return _unique([e for m, e in persons if m.end <= comma])


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[，；。]").search(text, start, limit)
    return m.start() if m else limit


def _paragraph_start(text: str, position: int, back: int) -> int:
    """Start of the paragraph `back` paragraphs before the one at position."""
    at = text.rfind("\n", 0, position) + 1
    for _ in range(back):
        at = text.rfind("\n", 0, max(0, at - 1)) + 1 if at > 0 else 0
    return at


def _current_activity(doc: Document, pairs, position: int) -> Entity | None:
    floor = _paragraph_start(doc.text, position, 1)
    recent = [(m, e) for m, e in pairs.between(floor, position) if e.type in _ACTIVITY]
    return recent[-1][1] if recent else None


_PRESIDE = re.compile(r"主持(?:召开)?(?:会议|大会|本次会议|座谈会|仪式)")


def presides_over_the_meeting(doc: Document, rels: RelationSet, pairs) -> None:
    """甲主持会议: the bare word stands for the meeting the article has just
    named (in this or the previous paragraph); who presides leads it."""
    for sentence in doc.sentences:
        for match in _PRESIDE.finditer(sentence.text):
            at = sentence.start + match.start()
            persons = [e for m, e in pairs.between(sentence.start, at)
                       if e.type is EntityType.PERSON and m.source != "byline"]
            if not persons:
                continue
            floor = _paragraph_start(doc.text, at, 1)
            events = [e for m, e in pairs.between(floor, at) if e.type is EntityType.EVENT]
            if events:
                rels.add(RelationType.LEADS, persons[-1].id, events[-1].id, at, "presides_over_meeting")


def groundbreaking(doc: Document, rels: RelationSet, pairs) -> None:
    """甲宣布…开工: the announcer leads the ceremony and each project it
    starts: those in the sentence and in the list that follows it (or, when
    none follows, those of the paragraph before), not those completed."""
    ceremonies = [e for e in doc.entities if e.type is EntityType.EVENT and "开工" in e.name]
    for sentence in doc.sentences:
        m = _ANNOUNCE_START.search(sentence.text)
        if m is None:
            continue
        at = sentence.start + m.start()
        announcers = [e for pm, e in pairs.between(sentence.start, at) if e.type is EntityType.PERSON]
        if not announcers:
            continue
        announcer = announcers[-1]
        for e in ceremonies:
            rels.add(RelationType.LEADS, announcer.id, e.id, at, "announces_groundbreaking")
        for project in _started_projects(doc, pairs, sentence):
            rels.add(RelationType.LEADS, announcer.id, project.id, at, "announces_groundbreaking")


def _started_projects(doc: Document, pairs, announcement) -> list[Entity]:
    projects = [e for m, e in pairs.between(announcement.start, announcement.end) if e.type is EntityType.PROJECT]
    following = doc.sentences[announcement.index + 1:]
    for n, sentence in enumerate(following):
        found = [(m, e) for m, e in pairs.between(sentence.start, sentence.end) if e.type is EntityType.PROJECT]
        if not found:
            if n == 0 and sentence.text.rstrip().endswith(("：", ":")):
                continue  # 开工项目如下：
            break
        if _COMPLETED.search(sentence.text):
            continue
        projects.extend(e for m, e in found)
    return _unique(projects)


def report_at_meeting(doc: Document, rels: RelationSet, pairs) -> None:
    """A report headed 在某县第N届人民代表大会第N次会议上 and signed 县长 甲:
    the author takes part in the meeting, and so does the body on whose
    behalf it is read (我代表市人民政府，向大会报告)."""
    for m, e in pairs:
        if e.type is not EntityType.EVENT or doc.text[m.end:m.end + 1] != "上":
            continue
        line_start = doc.text.rfind("\n", 0, m.start) + 1
        line_end = doc.text.find("\n", m.end)
        line_end = len(doc.text) if line_end < 0 else line_end
        if not _AT_MEETING_LINE.match(doc.text[line_start:m.start]) or doc.text[m.end + 1:line_end].strip():
            continue  # only a heading line that is nothing but 在…上
        next_lines_end = _line_end_after(doc.text, line_end, 2)
        for pm, pe in pairs.between(line_end + 1, next_lines_end):
            if pe.type is EntityType.PERSON:
                rels.add(RelationType.PARTICIPATES_IN, pe.id, e.id, m.start, "report_at_meeting")
        for rm in _REPORT_TO.finditer(doc.text):
            body = _reporting_body(doc, pairs, rm.start())
            if body is not None:
                rels.add(RelationType.PARTICIPATES_IN, body.id, e.id, rm.start(), "report_at_meeting")


def _line_end_after(text: str, position: int, lines: int) -> int:
    at = position
    for _ in range(lines):
        nxt = text.find("\n", at + 1)
        if nxt < 0:
            return len(text)
        at = nxt
    return at


def _reporting_body(doc: Document, pairs, position: int) -> Entity | None:
    """我代表X(，)向大会报告: the body X just before."""
    floor = doc.text.rfind("我代表", max(0, position - 20), position)
    if floor < 0:
        return None
    bodies = [e for m, e in pairs.between(floor, position) if e.type is EntityType.GOV_BODY]
    return bodies[0] if bodies else None


def plan_owner(doc: Document, rels: RelationSet, pairs) -> None:
    """市委“X”工作思路: the body of the article's own jurisdiction whose plan
    it is leads it (a higher body's plan is only followed, not led)."""
    focal = (doc.context.get("focal") or {}).get("division_code")
    if not focal:
        return
    for (bm, body), (tm, target) in zip(pairs, pairs[1:]):
        if body.type is not EntityType.GOV_BODY or target.type is not EntityType.INITIATIVE:
            continue
        if tm.start - bm.end > 1 or doc.text[bm.end:tm.start] not in ("", "的"):
            continue
        if body.attributes.get("jurisdiction") == focal:
            rels.add(RelationType.LEADS, body.id, target.id, bm.start, "plan_owner")


def prefer_leading(rels: RelationSet) -> None:
    """Who leads something does not also merely take part in it."""
    leads = {(r.head, r.tail) for r in rels.by_key.values() if r.type is RelationType.LEADS}
    for key, r in list(rels.by_key.items()):
        if r.type is RelationType.PARTICIPATES_IN and (r.head, r.tail) in leads:
            rels.remove(key)


def _unique(items: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for e in items:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out
