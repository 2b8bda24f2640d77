"""kg's SPARQL 1.1 Protocol endpoint (`kg serve`): /sparql over the on-disk
Oxigraph store, a query page at /, and /health. Entry points:
kg.serve.app.create_app / run_server with a kg.serve.config.ServeConfig.

Why Starlette + uvicorn: both are maintained by the Encode team with regular
releases, small (no ORM or templating we would not use) and ASGI, so one
event loop keeps answering /health and other requests while queries run
elsewhere; Starlette brings the CORS middleware and little else. A WSGI
stack (Flask) would tie up one thread per waiting request.

Where queries run: pyoxigraph releases the GIL, but it cannot cancel a
query and a thread cannot be killed, so each query runs in a worker process
that holds the store open and is killed when the per-query timeout passes
(kg.serve.worker, kg.serve.pool).

This package imports nothing heavy, so `kg --help` stays fast.
"""
