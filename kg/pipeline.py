"""The extraction pipeline: a list of named stages, each taking the Document
and returning it with what it adds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kg.extract.companies import recognise_companies
from kg.extract.events import recognise_events
from kg.extract.gov_bodies import recognise_gov_bodies
from kg.extract.initiatives import recognise_initiatives
from kg.extract.organizations import recognise_organizations
from kg.extract.persons import recognise_persons
from kg.extract.places import focal_place, recognise_places
from kg.extract.posts import resolve_posts
from kg.extract.projects import recognise_projects
from kg.extract.tagged_persons import recognise_tagged_persons
from kg.extract.world_places import recognise_world_places
from kg.lexicon import Lexicon, shared_lexicon
from kg.model import Document
from kg.relations.base import RelationSet
from kg.relations.companies import companies
from kg.relations.holds_post import holds_post
from kg.relations.leads import lead_fallbacks, leads_and_participates
from kg.relations.located_in import located_in
from kg.relations.part_of import part_of
from kg.relations.participation import participation
from kg.resolve.identity import assign_ids
from kg.resolve.within import add_anaphors, group_entities, settle_overlaps

Stage = Callable[[Document, Lexicon], Document]


def _recogniser(fn) -> Stage:
    def stage(doc: Document, lex: Lexicon) -> Document:
        doc.mentions.extend(fn(doc, lex))
        return doc
    stage.__name__ = fn.__name__
    return stage


def find_focal_place(doc: Document, lex: Lexicon) -> Document:
    doc.context["focal"] = focal_place(doc, lex.divisions)
    return doc


def posts(doc: Document, lex: Lexicon) -> Document:
    resolve_posts(doc, lex)
    return doc


def anaphora(doc: Document, lex: Lexicon) -> Document:
    add_anaphors(doc, lex)
    return doc


def overlaps(doc: Document, lex: Lexicon) -> Document:
    settle_overlaps(doc)
    return doc


def entities(doc: Document, lex: Lexicon) -> Document:
    group_entities(doc, lex)
    assign_ids(doc, lex.divisions)
    return doc


def relations(doc: Document, lex: Lexicon) -> Document:
    rels = RelationSet(doc)
    holds_post(doc, rels)
    companies(doc, rels)
    leads_and_participates(doc, rels)
    participation(doc, rels)
    lead_fallbacks(doc, rels)
    located_in(doc, rels, lex.divisions)
    part_of(doc, rels, lex.divisions)
    doc.relations = rels.relations()
    return doc


STAGES: list[Stage] = [
    _recogniser(recognise_places),
    find_focal_place,
    _recogniser(recognise_persons),
    _recogniser(recognise_gov_bodies),
    _recogniser(recognise_companies),
    posts,
    _recogniser(recognise_events),
    _recogniser(recognise_projects),
    _recogniser(recognise_initiatives),
    _recogniser(recognise_organizations),
    _recogniser(recognise_world_places),
    _recogniser(recognise_tagged_persons),
    anaphora,
    overlaps,
    entities,
    relations,
]


class Pipeline:
    def __init__(self, stages: list[Stage] | None = None, lexicon: Lexicon | None = None):
        self.stages = list(stages or STAGES)
        self.lexicon = lexicon

    def load(self) -> "Pipeline":
        self.lexicon = self.lexicon or shared_lexicon()
        self.lexicon.load()
        return self

    @property
    def stage_names(self) -> list[str]:
        return [s.__name__ for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        if self.lexicon is None:
            self.load()
        for stage in self.stages:
            doc = stage(doc, self.lexicon)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def extraction_record(doc: Document) -> dict:
    """One line of `kg extract`: the gold format plus ids and evidence."""
    return {"doc": doc.id, "title": doc.title, "date": doc.date,
            "entities": [e.as_dict() for e in doc.entities],
            "relations": [r.as_dict() for r in doc.relations]}
