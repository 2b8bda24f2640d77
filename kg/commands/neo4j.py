"""Neo4j commands: `kg neo4j load` writes the graph to a server over Bolt,
`kg cypher` runs a query there (a query, a .cypher file, or a name in
queries/)."""

from __future__ import annotations

DEFAULT_URI = "bolt://localhost:7687"


def connection_options(fn):
    """--uri/--user/--password/--database, each also from NEO4J_* in the environment."""
    import click

    options = [
        click.option("--uri", envvar="NEO4J_URI", default=DEFAULT_URI, show_default=True, show_envvar=True,
                     help="Bolt URI of the server."),
        click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, show_envvar=True,
                     help="User to log in as."),
        # Never shown: no default printed, and errors name the URI, not this.
        click.option("--password", envvar="NEO4J_PASSWORD", default=None, show_envvar=True,
                     help="Password; better given as NEO4J_PASSWORD than on the command line."),
        click.option("--database", envvar="NEO4J_DATABASE", default="neo4j", show_default=True, show_envvar=True,
                     help="Database on the server (Community has only neo4j)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _settings(uri: str, user: str, password: str | None, database: str):
    from kg.errors import ConnectionFailure
    from kg.neo4j.client import Neo4jSettings

    settings = Neo4jSettings(uri, user, password or "", database)
    if password is None:
        raise ConnectionFailure(settings.shown_uri, "no password given", hint="set NEO4J_PASSWORD or --password")
    return settings


def register(main) -> None:
    import click

    from kg.cli import DEFAULT_STORE, KGGroup, format_option, render_rows, store_option

    @main.group(name="neo4j", cls=KGGroup)
    def neo4j_group():
        """Load the graph into a Neo4j server (5.x) over Bolt.

        Example: NEO4J_PASSWORD=secret kg neo4j load --store kg-store --uri bolt://localhost:7687
        """

    @neo4j_group.command(name="load")
    @click.argument("paths", nargs=-1, type=click.Path(exists=True))
    @store_option
    @connection_options
    @click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1),
                  help="Rows per UNWIND transaction.")
    @click.pass_context
    def load(ctx, paths, store_path, uri, user, password, database, batch_size):
        """Load the store (or articles, extracted first) into Neo4j.

        Idempotent: loading again changes nothing; loading new articles
        merges into the nodes already there and extends their sources.

        Example: kg neo4j load ../shared/corpus --uri bolt://localhost:7687 --password secret
        """
        from kg.build import BatchReport
        from kg.errors import KGError
        from kg.neo4j.client import Neo4jClient
        from kg.neo4j.loader import load_view, view_of_articles, view_of_store

        if paths and ctx.get_parameter_source("store_path") is not click.core.ParameterSource.DEFAULT:
            raise KGError("--store", "give either --store or PATH..., not both")
        settings = _settings(uri, user, password, database)
        extraction = BatchReport()
        with Neo4jClient(settings) as client:  # connect first: a wrong URI fails before extraction
            view = view_of_articles(paths, extraction) if paths else view_of_store(store_path or DEFAULT_STORE)
            report = load_view(client, view, batch_size)
        for failure in extraction.failures:
            click.echo(f"kg: {failure}", err=True)
        click.echo(f"neo4j {settings.shown_uri} ({database}): loaded {report.line()}", err=True)
        for kind, count in sorted(report.skipped.items()):
            click.echo(f"kg: skipped {count} of type {kind} (not in the Neo4j schema)", err=True)
        if extraction.failures:
            ctx.exit(1)

    @main.command(name="cypher")
    @click.argument("query")
    @connection_options
    @format_option
    @click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind $NAME (a string).")
    def cypher(query, uri, user, password, database, fmt, params):
        """Run Cypher on Neo4j: a query, a .cypher file, or a name in queries/.

        Parameters the query names but --param does not give are null.

        Example: kg cypher official_posts --param person=武小凯 --format json
        """
        from kg.neo4j.client import Neo4jClient
        from kg.neo4j.values import printable_rows, with_defaults
        from kg.queries import parse_params, query_text

        text = query_text(query, ".cypher")
        with Neo4jClient(_settings(uri, user, password, database)) as client:
            names, rows = client.query(text, with_defaults(text, parse_params(params)))
        click.echo(render_rows(names, printable_rows(rows, fmt), fmt), nl=False)
