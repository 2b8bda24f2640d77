"""Stable ids across articles: places by their official division code,
other entities by type and canonical name, plus the jurisdiction when the
name alone does not identify them (a person, a campaign, a meeting)."""

from __future__ import annotations

import hashlib

from kg.model import Document, Entity, EntityType


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def entity_id(ent: Entity, doc: Document, index) -> str:
    kind = ent.type.value.lower()
    code = ent.attributes.get("division_code")
    if ent.type is EntityType.PLACE and code:
        return f"place-{code}"
    focal = (doc.context.get("focal") or {}).get("division_code", "")
    if ent.type in (EntityType.GOV_BODY,):
        scope = "" if ent.attributes.get("jurisdiction") else focal
    elif ent.type is EntityType.PERSON:
        scope = _prefecture(focal, index)  # same name in the same city: the same official
    elif ent.type in (EntityType.PROJECT, EntityType.INITIATIVE, EntityType.EVENT, EntityType.PLACE):
        scope = focal
    else:
        scope = ""
    return f"{kind}-{_digest(ent.type.value, ent.name, scope)}"


def _prefecture(code: str, index) -> str:
    div = index.by_code.get(code) if code else None
    while div is not None and div.level > 2:
        div = index.by_code.get(div.parent)
    return div.code if div else ""


def assign_ids(doc: Document, index) -> None:
    for ent in doc.entities:
        ent.id = entity_id(ent, doc, index)
        for m in ent.mentions:
            m.attrs["entity"] = ent.id
