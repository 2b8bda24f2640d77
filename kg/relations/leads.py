"""LEADS and PARTICIPATES_IN from the verbs of government news: an actor
before 召开/开展/启动/推行/构建… leads the initiatives, projects and events
after it in the clause; 出席/参加/陪同 and 在…会上 mean taking part."""

from __future__ import annotations

import re

from kg.model import Document, EntityType, RelationType
from kg.relations.base import ACTORS, TARGETS, RelationSet, clauses, pairs_between

LEAD_VERBS = re.compile(r"主持召开|主持|召开|举行|组织|启动|开展|实施|推行|构建|组建|谋划建设|投资建设|建立|实行|探索|宣布|"
                        r"打造|创新|通过|以|推进|加快|部署|全面贯彻|大力实施|践行|坚持|开启")
# Verbs that lead only when the actor is the article's own jurisdiction or a speaker's.
_WEAK_LEAD = {"通过", "以", "推进", "加快", "打造", "践行", "坚持", "全面贯彻", "创新", "开启"}
PARTICIPATE_VERBS = re.compile(r"出席|参加|陪同|致辞|参与")
_SPEAKER = re.compile(r"^(?:随后，)?([\u4e00-\u9fff]{2,4})(?:强调|要求|指出|表示|说)[，：]")
_AT_EVENT = re.compile(r"在$")
_WE = re.compile(r"我们")
_ON_BEHALF = re.compile(r"我代表")
_SAID = re.compile(r"(?:说|表示|指出|强调|要求|介绍)[，：]")
_UNDER_LEADERSHIP = re.compile(r"(?:的)?(?:坚强|正确|统一)?领导下")


def leads_and_participates(doc: Document, rels: RelationSet) -> None:
    pairs, starts = rels.mention_pairs()
    speaker = None
    we = _we_body(doc, pairs)
    for sentence in doc.sentences:
        in_sentence = pairs_between(pairs, starts, sentence.start, sentence.end)
        sm = _SPEAKER.match(sentence.text)
        if sm:
            speaker = next((e for m, e in in_sentence if m.text == sm.group(1) and e.type is EntityType.PERSON), None)
        elif _new_paragraph(doc, sentence) and not sentence.text.startswith(("他", "要")):
            speaker = None  # the speaker's words run to the end of the paragraph (他强调… goes on)
        if not any(e.type in TARGETS for m, e in in_sentence):
            continue  # every rule below relates a target named in the sentence
        for c_start, c_end in clauses(doc, sentence):
            clause_pairs = pairs_between(pairs, starts, c_start, c_end)
            for vm in LEAD_VERBS.finditer(doc.text, c_start, c_end):
                targets = [e for m, e in clause_pairs if m.start >= vm.end() and e.type in TARGETS]
                if not targets:
                    continue
                subjects = _subjects(doc, in_sentence, clause_pairs, vm.start(), c_start)
                if we and _WE.search(doc.text, sentence.start, vm.start()):
                    subjects = [we]  # 我们 in a report is the body that reads it
                elif not subjects and sentence.text.startswith("我们"):
                    subjects = []
                if not subjects and speaker is not None:
                    subjects = [speaker]
                weak = vm.group() in _WEAK_LEAD
                for target in targets:
                    if target.type is EntityType.EVENT and vm.group() not in ("主持召开", "主持", "召开", "举行", "组织", "宣布"):
                        continue
                    for subject in subjects:
                        if weak and subject.type is EntityType.PERSON and speaker is None:
                            continue
                        rels.add(RelationType.LEADS, subject.id, target.id, vm.start(), "verb_" + vm.group())
            for vm in PARTICIPATE_VERBS.finditer(doc.text, c_start, c_end):
                targets = [e for m, e in clause_pairs if m.start >= vm.end() and e.type in TARGETS]
                subjects = [e for m, e in in_sentence if m.start < vm.start() and e.type is EntityType.PERSON
                            and m.source != "byline"]
                for target in targets:
                    for subject in subjects:
                        if not rels.has(RelationType.LEADS, subject.id, target.id):
                            rels.add(RelationType.PARTICIPATES_IN, subject.id, target.id, vm.start(), "verb_" + vm.group())
        _at_event(doc, rels, in_sentence)


def _is_actor(doc: Document, m) -> bool:
    """Not a byline, and not the authority of 在X的领导下 (which frames the
    sentence; the subject comes after it)."""
    return m.source != "byline" and not _UNDER_LEADERSHIP.match(doc.text, m.end)


def _new_paragraph(doc: Document, sentence) -> bool:
    return sentence.start == 0 or doc.text[sentence.start - 1] == "\n"


def _subjects(doc, in_sentence, clause_pairs, verb_at: int, clause_start: int):
    """The actors before the verb in its clause; else the sentence's subject:
    its persons before the verb, or its nearest actor."""
    before = [(m, e) for m, e in clause_pairs if m.end <= verb_at and e.type in ACTORS and _is_actor(doc, m)]
    if not before:
        before = [(m, e) for m, e in in_sentence if m.end <= verb_at and e.type in ACTORS and _is_actor(doc, m)]
        said = _last_speech_marker(doc, in_sentence, verb_at)
        reported = [(m, e) for m, e in before if said is not None and m.start >= said]
        if reported:
            return [reported[0][1]]  # 甲说，我市实施…: the subject of what is said
        persons = [e for m, e in before if e.type is EntityType.PERSON]
        if persons:
            return _unique(persons)
        return [before[-1][1]] if before else []
    persons = [e for m, e in before if e.type is EntityType.PERSON]
    if persons:
        return _unique(persons)
    return [before[-1][1]]


def _last_speech_marker(doc, in_sentence, verb_at: int) -> int | None:
    if not in_sentence:
        return None
    start = min(m.start for m, e in in_sentence)
    found = None
    for m in _SAID.finditer(doc.text, start, verb_at):
        found = m.end()
    return found


def _unique(items):
    seen, out = set(), []
    for e in items:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


def _at_event(doc: Document, rels: RelationSet, in_sentence) -> None:
    """赵明远在…推进会上强调: taking part in the event."""
    for m, e in in_sentence:
        if e.type is not EntityType.EVENT or doc.text[m.end:m.end + 1] not in "上中":
            continue
        if doc.text[m.start - 1:m.start] != "在":
            continue
        for pm, pe in in_sentence:
            if pe.type is EntityType.PERSON and pm.end <= m.start and m.start - pm.end <= 2:
                rels.add(RelationType.PARTICIPATES_IN, pe.id, e.id, m.start, "at_event")


def _we_body(doc: Document, pairs):
    """我们 in a report read 'on behalf of' a body (我代表市人民政府) is that body."""
    for match in _ON_BEHALF.finditer(doc.text):
        for m, e in pairs:
            if m.start == match.end() and e.type is EntityType.GOV_BODY:
                return e
    return None


def lead_fallbacks(doc: Document, rels: RelationSet) -> None:
    """An initiative no rule gave a leader is led by the jurisdiction the
    article is about (the implied subject of government prose)."""
    focal = doc.context.get("focal")
    if not focal:
        return
    place = next((e for e in doc.entities if e.attributes.get("division_code") == focal["division_code"]
                  and e.type is EntityType.PLACE), None)
    if place is None:
        return
    for e in doc.entities:
        if e.type is EntityType.INITIATIVE and not rels.has(RelationType.LEADS, tail=e.id) \
                and not rels.has(RelationType.PARTICIPATES_IN, tail=e.id):
            rels.add(RelationType.LEADS, place.id, e.id, e.mentions[0].start, "focal_place")
