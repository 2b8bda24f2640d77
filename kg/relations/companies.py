"""COOPERATES_WITH and OPERATES: a company that invests in, signs with or
builds capacity in a place; a company that owns the project it invests in
or whose name heads the project's name."""

from __future__ import annotations

import re

from kg.model import Document, EntityType, RelationType
from kg.relations.base import RelationSet, pairs_between

_INVESTED_BY = re.compile(r"由$")
_COOPERATION = re.compile(r"签约|签署|合作|投资|落户|入驻|形成|达成|携手|共建|战略合作")


def _projects_named_after(doc: Document) -> dict[str, list]:
    """Company name -> the projects whose name begins with it."""
    projects = [e for e in doc.entities if e.type is EntityType.PROJECT]
    out: dict[str, list] = {}
    for company in (e for e in doc.entities if e.type is EntityType.COMPANY):
        out[company.name] = [p for p in projects if p.name.startswith(company.name)]
    return out


def companies(doc: Document, rels: RelationSet) -> None:
    pairs, starts = rels.mention_pairs()
    focal = doc.context.get("focal") or {}
    focal_place = next((e for e in doc.entities if e.type is EntityType.PLACE
                        and e.attributes.get("division_code") == focal.get("division_code")), None)
    projects = [(m, e) for m, e in pairs if e.type is EntityType.PROJECT]
    projects_at: dict[int, list] = {}
    for pm, pe in projects:
        projects_at.setdefault(pm.start, []).append((pm, pe))
    named_after = _projects_named_after(doc)
    for m, e in pairs:
        if e.type is not EntityType.COMPANY:
            continue
        # 由X投资的Y项目
        tail = doc.text[m.end:m.end + 6]
        if doc.text[m.start - 1:m.start] == "由" and tail.startswith(("投资", "建设", "承建", "投建")):
            project = next((pe for pm, pe in projects if pm.start >= m.end and pm.start - m.end <= 8), None)
            if project is not None:
                rels.add(RelationType.LEADS, e.id, project.id, m.start, "invested_by")
                rels.add(RelationType.OPERATES, e.id, project.id, m.start, "invested_by")
                if focal_place is not None:
                    rels.add(RelationType.COOPERATES_WITH, e.id, focal_place.id, m.start, "invests_in_place")
        # 青禾…有限公司农机项目: the company's name heads the project's
        for pm, pe in projects_at.get(m.start, []) + [(m, pe) for pe in named_after.get(e.name, [])]:
            if pm is m or pm.end > m.end:
                rels.add(RelationType.LEADS, e.id, pe.id, pm.start, "name_heads_project")
                rels.add(RelationType.OPERATES, e.id, pe.id, pm.start, "name_heads_project")
    for sentence in doc.sentences:
        verb = _COOPERATION.search(sentence.text)
        if not verb:
            continue
        in_sentence = pairs_between(pairs, starts, sentence.start, sentence.end)
        verb_at = sentence.start + verb.start()
        for m, e in in_sentence:
            if e.type is not EntityType.COMPANY or m.start > verb_at:
                continue
            partner = next((pe for pm, pe in in_sentence if m.end <= pm.start <= verb_at
                            and pe.type in (EntityType.PLACE, EntityType.GOV_BODY)), None)
            if partner is not None:
                rels.add(RelationType.COOPERATES_WITH, e.id, partner.id, m.start, "cooperation_verb")
