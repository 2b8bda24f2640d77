"""The query library (queries/*.rq) on kg's Oxigraph-backed store against
rdflib's in-memory Dataset, over the same synthetic graph of >= 1M quads in
kg's shape (articles as named graphs, entities, posts, statements with
evidence), written with kg's own store code (GraphStore.write_document).
Prints p50/p95 latency per query for both and the ratio (rdflib / kg).

    .venv/bin/python bench/sparql.py [--quads 1000000] [--runs 5] [--budget 15]

Neither engine can cancel a query, so each (query, engine) runs in a forked
child that is stopped after --budget seconds; a row then shows ">15 s".
A third column, "merged", is a diagnostic: the same engine over the union
loaded as one in-memory default graph. kg's store keeps its default graph as
that set union (kg/store/oxigraph.py), so the two should be close; before it
did, Oxigraph's union-default-graph mode repeated a triple once per article
graph stating it, and joins over shared entities multiplied those copies.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from kg.model import Document, Entity, EntityType, Evidence, Relation, RelationType
from kg.queries import available, query_text, sparql_substitutions
from kg.store.oxigraph import GraphStore
from kg.store.vocab import PREFIXES

CHARS = "安宝北昌城川大德东丰福光广贵海和河红华怀嘉江金锦静康兰乐丽利林龙隆明南宁平浦清庆泉仁荣瑞山善盛石顺泰天通万文武西祥新兴秀阳怡永元云泽长正中竹"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TITLES = [("县委书记", 0), ("县长", 1), ("县委副书记", 0), ("副县长", 1)]


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    code: str
    level: int
    parent: "Place | None"


@dataclass
class World:
    """The shared cast of the synthetic articles: a division tree and pools
    of persons and companies, so articles overlap as real news does."""

    counties: list[Place] = field(default_factory=list)
    towns: dict[str, list[Place]] = field(default_factory=dict)
    persons: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)


def unique_names(rng: random.Random, count: int, length: int, first: str = CHARS) -> list[str]:
    if count > len(first) * len(CHARS) ** (length - 1):
        raise ValueError(f"cannot make {count} distinct names of {length} characters")
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(first) + "".join(rng.choice(CHARS) for _ in range(length - 1)))
    return sorted(names)


def build_world(rng: random.Random, provinces: int = 8, prefectures: int = 8, counties: int = 6,
                towns: int = 6) -> World:
    world = World()
    stems = iter(unique_names(rng, provinces * (1 + prefectures * (1 + counties * (1 + towns))), 2))
    for a in range(provinces):
        province = Place(f"place-{11 + a}0000", next(stems) + "省", f"{11 + a}0000", 1, None)
        for b in range(prefectures):
            prefecture = Place(f"place-{11 + a}{b + 1:02d}00", next(stems) + "市", f"{11 + a}{b + 1:02d}00", 2, province)
            for c in range(counties):
                code = f"{11 + a}{b + 1:02d}{c + 1:02d}"
                county = Place(f"place-{code}", next(stems) + "县", code, 3, prefecture)
                world.counties.append(county)
                world.towns[county.id] = [Place(f"place-{code}{d + 1:03d}", next(stems) + "镇", f"{code}{d + 1:03d}", 4, county)
                                          for d in range(towns)]
    world.persons = unique_names(rng, 20_000, 3, first=SURNAMES)
    world.companies = [name + "有限公司" for name in unique_names(rng, 4_000, 4)]
    return world


class ArticleWriter:
    """One synthetic article: the entities and relations kg would extract."""

    def __init__(self, doc_id: str, rng: random.Random):
        self.doc = Document(id=doc_id, text="", title=f"合成新闻 {doc_id}", date="2025-03-01")
        self.rng = rng
        self.ids: set[str] = set()

    def entity(self, entity_id: str, kind: EntityType, name: str, **attributes) -> str:
        if entity_id not in self.ids:
            self.ids.add(entity_id)
            self.doc.entities.append(Entity(entity_id, kind, name, attributes=attributes))
        return entity_id

    def place(self, place: Place) -> str:
        return self.entity(place.id, EntityType.PLACE, place.name, division_code=place.code, level=place.level)

    def relate(self, kind: RelationType, head: str, tail: str, title: str | None = None) -> None:
        index = len(self.doc.relations)
        sentence = f"第{index}句：{head}与{tail}的关系（{kind.value}）。"
        evidence = Evidence(self.doc.id, index, index * 40, index * 40 + len(sentence), sentence)
        self.doc.relations.append(Relation(kind, head, tail, title=title, evidence=[evidence]))


def synthetic_article(n: int, world: World, rng: random.Random) -> Document:
    art = ArticleWriter(f"syn-{n:06d}", rng)
    county = rng.choice(world.counties)
    prefecture, town = county.parent, rng.choice(world.towns[county.id])
    chain = [town, county, prefecture, prefecture.parent]
    ids = [art.place(p) for p in chain]
    for child, parent in zip(ids, ids[1:]):
        art.relate(RelationType.PART_OF, child, parent)
    bodies = [art.entity(f"body-{county.code}-{suffix}", EntityType.GOV_BODY, county.name + suffix,
                         jurisdiction=county.code) for suffix in ("委", "人民政府")]
    for body in bodies:
        art.relate(RelationType.LOCATED_IN, body, county.id)
    persons = []
    for title, body in rng.sample(TITLES, 3):
        name = rng.choice(world.persons)
        person = art.entity(f"person-{name}", EntityType.PERSON, name)
        art.relate(RelationType.HOLDS_POST, person, bodies[body], title=title)
        persons.append(person)
    companies = [art.entity(f"company-{name}", EntityType.COMPANY, name) for name in rng.sample(world.companies, 2)]
    for company in companies:
        art.relate(RelationType.LOCATED_IN, company, town.id)
        art.relate(RelationType.COOPERATES_WITH, company, county.id)
    stem = "".join(rng.choice(CHARS) for _ in range(4))
    initiatives = [art.entity(f"ini-{n}-{i}", EntityType.INITIATIVE, f"“{stem}{i}”行动") for i in range(3)]
    projects = [art.entity(f"prj-{n}-{i}", EntityType.PROJECT, f"{stem}产业园{i}期项目") for i in range(2)]
    event = art.entity(f"evt-{n}", EntityType.EVENT, f"{county.name}{stem}推进大会")
    leaders = [persons[0], bodies[0], ids[1], persons[1], companies[0], bodies[1]]
    for leader, target in zip(leaders, initiatives + projects + [event]):
        art.relate(RelationType.LEADS, leader, target)
    for target in initiatives + [event]:
        art.relate(RelationType.LOCATED_IN, target, county.id)
    for i, project in enumerate(projects):
        art.relate(RelationType.LOCATED_IN, project, town.id)
        art.relate(RelationType.OPERATES, companies[i], project)
    for person in persons:
        art.relate(RelationType.PARTICIPATES_IN, person, event)
    return art.doc


def write_store(path: Path, target_quads: int, seed: int) -> tuple[GraphStore, World]:
    rng = random.Random(seed)
    world = build_world(rng)
    store = GraphStore(path).open()
    written, n = 0, 0
    while written < target_quads:
        written += store.write_document(synthetic_article(n, world, rng))
        n += 1
    store.store.flush()
    return store, world


# ---------------------------------------------------------------- rdflib side
def rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        # rdflib tells "x" and "x"^^xsd:string apart; the queries write "Place".
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def rdflib_dataset(store: GraphStore) -> Dataset:
    """The same quads in rdflib's in-memory Dataset, its default graph the
    union of the named graphs (as kg queries Oxigraph)."""
    dataset = Dataset(default_union=True)
    graphs: dict[str, object] = {}
    batch = []
    for quad in store.store:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            continue  # kg's materialised union; rdflib builds its own (default_union)
        name = quad.graph_name.value
        if name not in graphs:
            graphs[name] = dataset.graph(URIRef(name))
        batch.append((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object), graphs[name]))
        if len(batch) >= 50_000:
            dataset.addN(batch)
            batch = []
    dataset.addN(batch)
    return dataset


# ------------------------------------------------------------------- timing
@dataclass
class Timing:
    seconds: list[float]
    rows: int
    complete: bool = True  # False: stopped at the budget

    def p(self, q: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


class OxigraphRunner:
    """kg's way: the on-disk store, default graph = union of the article
    graphs. Opened in the child process, never shared across a fork."""

    def __init__(self, path: Path):
        self.path = path
        self.store: GraphStore | None = None

    def __call__(self, text: str, params: dict) -> int:
        if self.store is None:
            self.store = GraphStore(self.path, read_only=True).open()
        return len(list(self.store.query(text, substitutions=sparql_substitutions(params))))


class MergedOxigraphRunner:
    """Diagnostic: the same engine over the union as a set (one in-memory
    default graph), which is what rdflib's union and Jena's union graph are;
    Oxigraph's union default graph repeats a triple once per article graph."""

    def __init__(self, store: GraphStore):
        self.store = ox.Store()
        self.store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in store.store
                               if not isinstance(q.graph_name, ox.DefaultGraph))

    def __call__(self, text: str, params: dict) -> int:
        return len(list(self.store.query(text, prefixes=PREFIXES, substitutions=sparql_substitutions(params))))


class RdflibRunner:
    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    def __call__(self, text: str, params: dict) -> int:
        from kg.queries import sparql_term

        bindings = {name: rdflib_term(sparql_term(value)) for name, value in params.items()}
        return len(list(self.dataset.query(text, initNs=PREFIXES, initBindings=bindings)))


def _runs_in_child(runner, text: str, params: dict, runs: int, conn) -> None:
    for _ in range(runs):
        started = time.perf_counter()
        rows = runner(text, params)
        conn.send((time.perf_counter() - started, rows))
    conn.close()


def timed(runner, text: str, params: dict, runs: int, budget: float) -> Timing:
    """`runs` runs in a forked child (the loaded data is shared copy-on-write),
    stopped when `budget` seconds have passed: neither engine can cancel a query."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    worker = context.Process(target=_runs_in_child, args=(runner, text, params, runs, child))
    worker.start()
    child.close()
    seconds, rows, deadline = [], 0, time.monotonic() + budget
    while len(seconds) < runs and parent.poll(max(0.0, deadline - time.monotonic())):
        try:
            elapsed, rows = parent.recv()
        except EOFError:
            break
        seconds.append(elapsed)
    complete = len(seconds) == runs
    if not complete:
        worker.kill()
    worker.join()
    parent.close()
    return Timing(seconds, rows, complete)


def bench_parameters(store: GraphStore) -> dict[str, dict[str, str]]:
    """For each parameterised query a value that finds rows: a prefecture, a
    county and a person that the articles name."""
    def first(sparql: str) -> str:
        return next(iter(store.query(sparql)))[0].value

    prefecture = first("SELECT ?n WHERE { ?p kg:divisionLevel 2 ; rdfs:label ?n } ORDER BY ?n LIMIT 1")
    county = first("SELECT ?n WHERE { ?c kg:cooperatesWith ?p . ?p kg:divisionLevel 3 ; rdfs:label ?n } ORDER BY ?n LIMIT 1")
    person = first("SELECT ?n WHERE { ?p org:holds ?x ; rdfs:label ?n } ORDER BY ?n LIMIT 1")
    return {"located_in_place": {"place": prefecture}, "official_posts": {"person": person},
            "place_companies": {"place": county}, "relation_evidence": {"type": "HOLDS_POST"},
            "who_leads_what_where_within": {"within": prefecture}}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per query and engine")
    parser.add_argument("--budget", type=float, default=15.0, help="seconds one engine may spend on one query")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        path = Path(tmp) / "store"
        started = time.perf_counter()
        store, _world = write_store(path, args.quads, args.seed)
        print(f"graph: {len(store):,} quads in {len(store.articles()):,} article graphs, written by "
              f"GraphStore.write_document in {time.perf_counter() - started:.1f} s", flush=True)
        params = bench_parameters(store)
        started = time.perf_counter()
        dataset = rdflib_dataset(store)
        print(f"rdflib Dataset: {len(dataset):,} distinct triples in the union, loaded in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        merged = MergedOxigraphRunner(store)
        store.close()  # the children open their own read-only store
        engines = {"oxigraph": OxigraphRunner(path), "rdflib": RdflibRunner(dataset), "merged": merged}
        print(f"{args.runs} runs per query and engine, at most {args.budget:.0f} s each; "
              f"ratio = rdflib p50 / oxigraph p50; merged: see MergedOxigraphRunner\n")
        header = (f"{'query':<28} {'rows':>6} | {'oxigraph p50':>12} {'p95':>9} | {'rdflib p50':>10} {'p95':>9} | "
                  f"{'ratio':>7} | {'merged p50':>10}")
        print(header + "\n" + "-" * len(header), flush=True)
        for name in available():
            text, given = query_text(name), params.get(name, {})
            timings = {engine: timed(runner, text, given, args.runs, args.budget) for engine, runner in engines.items()}
            print(report_line(name, timings, args.budget), flush=True)


def report_line(name: str, timings: dict[str, Timing], budget: float) -> str:
    ours, theirs, merged = timings["oxigraph"], timings["rdflib"], timings["merged"]

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"

    def cells(t: Timing) -> tuple[str, str]:
        return (ms(t.p(.5)), ms(t.p(.95))) if t.seconds else (f">{budget:.0f} s", "-")

    rows = next((str(t.rows) for t in (ours, theirs, merged) if t.seconds), "?")
    if ours.seconds and theirs.seconds:
        ratio = f"{theirs.p(.5) / ours.p(.5):.1f}x"
    elif theirs.seconds:
        ratio = f"<{theirs.p(.5) / budget:.2f}x"
    elif ours.seconds:
        ratio = f">{budget / ours.p(.5):.0f}x"
    else:
        ratio = "?"
    notes = [f"{engine}: {len(t.seconds)} runs in budget" for engine, t in timings.items()
             if t.seconds and not t.complete]
    notes += [f"{engine} rows {t.rows}" for engine, t in timings.items() if t.seconds and str(t.rows) != rows]
    return (f"{name:<28} {rows:>6} | {cells(ours)[0]:>12} {cells(ours)[1]:>9} | {cells(theirs)[0]:>10} "
            f"{cells(theirs)[1]:>9} | {ratio:>7} | {cells(merged)[0]:>10}" + ("  (" + "; ".join(notes) + ")" if notes else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
