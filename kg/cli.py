"""The kg command line: a thin click layer over the library."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from kg.errors import KGError

DEFAULT_STORE = "kg-store"


def store_option(fn):
    return click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True,
                        type=click.Path(file_okay=False), help="Folder of the on-disk RDF store.")(fn)


def format_option(fn):
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                        show_default=True, help="How to print the rows.")(fn)


class KGCommand(click.Command):
    """Turns a KGError into one line on stderr and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"kg: {exc.line()}", err=True)
            ctx.exit(1)


class KGGroup(click.Group):
    command_class = KGCommand


@click.group(cls=KGGroup)
@click.version_option(package_name="kg")
def main():
    """kg: a knowledge graph of who leads what initiative where, built from
    Chinese government and local news.

    Example: kg build examples/ && kg query who_leads_what_where
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", default="-", show_default=True, help="JSONL file to write, - for stdout.")
def extract(paths, output):
    """Extract entities and relations, one JSON line per article (the gold format).

    Example: kg extract ../shared/corpus -o dev.jsonl
    """
    from kg.build import BatchReport, extract as run
    from kg.pipeline import extraction_record

    report = BatchReport()
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        for doc in run(paths, report):
            out.write(json.dumps(extraction_record(doc), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    _finish(report, "extracted")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--html/--no-html", default=True, show_default=True, help="Also write graph.html beside the store.")
def build(paths, store_path, html):
    """Build or update the on-disk RDF store (one named graph per article).

    Example: kg build examples/ --store kg-store
    """
    from kg.build import BatchReport, build as run
    from kg.store.oxigraph import GraphStore

    report = BatchReport()
    show = sys.stderr.isatty()
    with GraphStore(store_path) as store:
        with click.progressbar(length=0, label="building", file=sys.stderr, show_pos=True) if show else _Null() as bar:
            run(paths, store, report, on_document=lambda doc: bar.update(1))
        totals = store.counts()
        quads = len(store)
        if html:
            _write_html(store, Path(store_path).resolve().parent / "graph.html")
    click.echo(f"store {store_path}: {quads} quads; in the graph: "
               + _counts(totals["entities"]) + "; " + _counts(totals["relations"]), err=True)
    _finish(report, "built")


@main.command()
@click.argument("query")
@store_option
@format_option
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query variable.")
def query(query, store_path, fmt, params):
    """Run SPARQL over the store: a query, a .rq file, or a name in queries/.

    Example: kg query official_posts --param name=张三
    """
    import pyoxigraph as ox

    from kg.queries import parse_params, query_text, sparql_substitutions
    from kg.store.oxigraph import GraphStore

    text = query_text(query)
    with GraphStore(store_path, read_only=True) as store:
        result = store.query(text, substitutions=sparql_substitutions(parse_params(params)))
        if hasattr(result, "variables"):
            names = [v.value for v in result.variables]
            rows = [[_term(sol[v]) for v in names] for sol in result]
            click.echo(render_rows(names, rows, fmt), nl=False)
        elif isinstance(result, (bool, ox.QueryBoolean)):
            click.echo("true" if bool(result) else "false")
        else:
            for triple in result:
                click.echo(f"{triple.subject} {triple.predicate} {triple.object} .")


@main.command()
@store_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["ttl", "trig", "nq", "jsonld", "jsonl", "html", "graphml", "gexf", "cytoscape"]))
@click.option("-o", "--output", required=True, help="File to write, - for stdout.")
@click.option("--focus", default=None, help="html: a node's name, alias or id to centre on.")
@click.option("--depth", default=2, show_default=True, help="html: hops around --focus.")
@click.option("--types", default=None, help="html: entity types to keep, comma-separated.")
def export(store_path, fmt, output, focus, depth, types):
    """Export the graph: RDF (ttl, trig, nq, jsonld), JSONL, or for viewing.

    Example: kg export --format ttl -o graph.ttl
    """
    from kg.store.oxigraph import FORMATS, GraphStore

    with GraphStore(store_path, read_only=True) as store:
        if fmt in FORMATS:
            if output == "-":
                buf = io.BytesIO()
                store.serialize(fmt, buf)
                sys.stdout.buffer.write(buf.getvalue())
            else:
                with open(output, "wb") as fh:
                    store.serialize(fmt, fh)
            return
        from kg.export.view import generate_jsonl, view_from_store

        view = view_from_store(store, title=Path(store_path).name)
    if fmt == "jsonl":
        _write_text(output, generate_jsonl(view))
    elif fmt == "html":
        from kg.export.html import focus_view, generate_html

        if focus or types:
            kinds = set(types.split(",")) if types else None
            try:
                view = focus_view(view, focus, depth, kinds) if focus else _filter_types(view, kinds)
            except ValueError as exc:
                raise KGError("--focus", str(exc)) from exc
        _write_text(output, generate_html(view))
    else:
        from kg.export import networks

        _write_text(output, networks.GENERATORS[fmt](view))


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors/--no-errors", default=True, show_default=True, help="List the mismatches.")
def evaluate(gold, pred, errors):
    """Score predictions against gold: per-type P/R/F1 and the errors.

    Example: kg eval ../shared/gold/dev.jsonl dev.jsonl
    """
    from kg.evaluate import format_report, score_files

    click.echo(format_report(score_files(gold, pred), show_errors=errors))


# ------------------------------------------------------------------ helpers
class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


def _filter_types(view: dict, kinds: set[str] | None) -> dict:
    if not kinds:
        return view
    nodes = [n for n in view["nodes"] if n["type"] in kinds]
    keep = {n["id"] for n in nodes}
    edges = [e for e in view["edges"] if e["source"] in keep and e["target"] in keep]
    return {**view, "nodes": nodes, "edges": edges}


def _write_html(store, path: Path) -> None:
    from kg.export.html import write_html
    from kg.export.view import view_from_store

    write_html(view_from_store(store, title="kg"), path)


def _write_text(output: str, chunks) -> None:
    if output == "-":
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    with open(output, "w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(chunk)


def _term(term) -> str:
    return "" if term is None else term.value


def _counts(counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "nothing"


def render_rows(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    return _table(names, rows)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _table(names: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells):
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip() + "\n"

    out = line(names) + "-+-".join("-" * w for w in widths) + "\n"
    out += "".join(line(r) for r in rows)
    return out + f"({len(rows)} rows)\n"


def _finish(report, verb: str) -> None:
    for failure in report.failures:
        click.echo(f"kg: {failure}", err=True)
    click.echo(f"{verb}: {report.read} documents read, {len(report.failures)} failed; "
               f"entities: {_counts(report.entities)}; relations: {_counts(report.relations)}", err=True)
    if report.failures:
        sys.exit(1)


def _register_commands() -> None:
    from kg.commands import register

    register(main)


_register_commands()
