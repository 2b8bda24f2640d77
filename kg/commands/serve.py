"""`kg serve`: the store over the SPARQL 1.1 Protocol (kg.serve)."""

from __future__ import annotations

import click

from kg.serve.config import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_S, DEFAULT_WORKERS


def register(main) -> None:
    from kg.cli import KGCommand, store_option

    @main.command(cls=KGCommand)
    @store_option
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
    @click.option("--timeout", default=DEFAULT_TIMEOUT_S, show_default=True, type=click.FloatRange(min=0.1),
                  help="Seconds a query may run before it is stopped (answered 503).")
    @click.option("--max-rows", default=DEFAULT_MAX_ROWS, show_default=True, type=click.IntRange(min=1),
                  help="Largest result (rows or triples) answered; a larger one is refused.")
    @click.option("--update-token", default=None, envvar="KG_UPDATE_TOKEN",
                  help="Accept SPARQL updates that carry 'Authorization: Bearer TOKEN' (store opened "
                       "read-write); without it the endpoint is read-only. Also read from $KG_UPDATE_TOKEN.")
    @click.option("--workers", default=DEFAULT_WORKERS, show_default=True, type=click.IntRange(min=1),
                  help="Query worker processes (read-only endpoints; one when updates are allowed).")
    def serve(store_path, host, port, timeout, max_rows, update_token, workers):
        """Serve the store as a SPARQL 1.1 endpoint at /sparql, with a query page at /
        and /health.

        Example: kg serve --store kg-store --port 7878  (then open http://127.0.0.1:7878/)
        """
        from pathlib import Path

        from kg.serve.app import run_server
        from kg.serve.config import ServeConfig

        run_server(ServeConfig(store_path=Path(store_path), host=host, port=port, timeout=timeout,
                               max_rows=max_rows, update_token=update_token or None, workers=workers))
