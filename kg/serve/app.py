"""The endpoint's routes: /sparql (the protocol), /health, the query page at
/ and the example queries it offers (queries/*.rq); run_server starts it."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.errors import QueryError, StoreError
from kg.queries import available, query_text
from kg.serve.config import ServeConfig
from kg.serve.negotiation import GRAPH_FORMATS, SOLUTION_FORMATS, acceptable_at_all
from kg.serve.pool import WorkerPool
from kg.serve.protocol import ProtocolError, check_update_allowed, read_job

PAGE = Path(__file__).resolve().parent / "assets" / "index.html"
log = logging.getLogger("kg.serve")


def create_app(config: ServeConfig) -> Starlette:
    pool = WorkerPool(config.store_path, config.read_only, config.worker_count)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        log.info("kg serve: %s (%d quads, %s) at http://%s:%d/sparql", config.store_path, pool.quads,
                 "read-only" if config.read_only else "updates with a token", config.host, config.port)
        try:
            yield
        finally:
            await pool.stop()

    async def sparql(request: Request) -> Response:
        try:
            job = await read_job(request, config.max_rows)
            if job.operation == "update":
                check_update_allowed(request, config.update_token)
            elif not acceptable_at_all(job.accept):
                raise ProtocolError(406, f"no result format matches Accept: {job.accept!r}; we give "
                                         f"{', '.join(SOLUTION_FORMATS)} (SELECT, ASK) and "
                                         f"{', '.join(GRAPH_FORMATS)} (CONSTRUCT, DESCRIBE)")
        except ProtocolError as exc:
            return PlainTextResponse(exc.line() + "\n", status_code=exc.status)
        outcome = await pool.run(job, config.timeout)
        return Response(outcome.body, status_code=outcome.status, media_type=outcome.media_type,
                        headers={"Vary": "Accept"})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "store": str(config.store_path), "quads": pool.quads,
                             "read_only": config.read_only, "workers": pool.size, "idle_workers": pool.idle,
                             "timeout_s": config.timeout, "max_rows": config.max_rows})

    async def page(request: Request) -> Response:
        return FileResponse(PAGE, media_type="text/html; charset=utf-8")

    async def examples(request: Request) -> Response:
        return JSONResponse([{"name": name, "text": query_text(name)} for name in available()])

    async def example(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in available():
            return PlainTextResponse(f"no query named {name!r}\n", status_code=404)
        try:
            return PlainTextResponse(query_text(name), media_type="application/sparql-query")
        except QueryError as exc:
            return PlainTextResponse(exc.line() + "\n", status_code=404)

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/health", health, methods=["GET"]),
        Route("/", page, methods=["GET"]),
        Route("/queries", examples, methods=["GET"]),
        Route("/queries/{name}.rq", example, methods=["GET"]),
    ]
    # Any origin may query (the data is public and there are no cookies);
    # Authorization is allowed so a browser client can send the update token.
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                      allow_headers=["Accept", "Authorization", "Content-Type"], max_age=3600)
    app = Starlette(routes=routes, middleware=[cors], lifespan=lifespan)
    app.state.pool = pool
    return app


def run_server(config: ServeConfig) -> None:
    """Serve until interrupted; the store must exist (kg build makes it)."""
    import uvicorn

    from kg.store.oxigraph import GraphStore

    if not config.store_path.is_dir():
        raise StoreError(str(config.store_path), "no store here", hint="run `kg build` first")
    # Open once here so a store that cannot be opened is one error line, not
    # a failed ASGI startup with a traceback.
    GraphStore(config.store_path, read_only=config.read_only).open().close()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    uvicorn.run(create_app(config), host=config.host, port=config.port, log_level="info",
                timeout_graceful_shutdown=5)
