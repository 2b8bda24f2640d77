"""The SPARQL 1.1 Protocol's request side: a query or an update by GET,
by URL-encoded POST or by direct POST, with its dataset parameters, read
into a SparqlJob; anything malformed is a ProtocolError with its status."""

from __future__ import annotations

import hmac
from urllib.parse import parse_qsl

from starlette.requests import Request

from kg.errors import QueryError
from kg.serve.execute import SparqlJob

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"


class ProtocolError(QueryError):
    """A request the endpoint refuses, with the HTTP status that says why."""

    def __init__(self, status: int, cause: str, hint: str = ""):
        self.status = status
        super().__init__("", cause, hint)


async def read_job(request: Request, max_rows: int) -> SparqlJob:
    url_params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        params = url_params
        if _values(params, "update"):
            raise ProtocolError(400, "an update must be sent by POST, not GET")
    elif request.method == "POST":
        params = await _post_params(request, url_params)
    else:
        raise ProtocolError(405, f"{request.method} is not a SPARQL protocol method (use GET or POST)")
    queries, updates = _values(params, "query"), _values(params, "update")
    if queries and updates:
        raise ProtocolError(400, "a request carries either a query or an update, not both")
    if len(queries) > 1 or len(updates) > 1:
        raise ProtocolError(400, "only one query or update per request")
    if not queries and not updates:
        raise ProtocolError(400, "no query: pass query= (GET or form POST) or POST application/sparql-query")
    if updates and (_values(params, "using-graph-uri") or _values(params, "using-named-graph-uri")):
        raise ProtocolError(400, "using-graph-uri and using-named-graph-uri are not supported: "
                                 "name the graphs with USING / WITH in the update")
    operation = "query" if queries else "update"
    return SparqlJob(operation=operation, text=(queries or updates)[0],
                     accept=request.headers.get("accept", ""),
                     default_graphs=tuple(_values(params, "default-graph-uri")),
                     named_graphs=tuple(_values(params, "named-graph-uri")),
                     max_rows=max_rows)


async def _post_params(request: Request, url_params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    if content_type == FORM:
        return parse_qsl(text, keep_blank_values=True)
    # Direct POST: the body is the operation, the dataset is in the URL.
    if content_type == QUERY_BODY:
        return [("query", text)] + [p for p in url_params if p[0] != "query"]
    if content_type == UPDATE_BODY:
        return [("update", text)] + [p for p in url_params if p[0] != "update"]
    raise ProtocolError(415, f"cannot read a POST body of type {content_type or 'none'!r}; send "
                             f"{FORM}, {QUERY_BODY} or {UPDATE_BODY}")


def _values(params: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in params if key == name]


def check_update_allowed(request: Request, update_token: str | None) -> None:
    """Updates need a server started with --update-token and the same token
    as a bearer credential; the comparison takes constant time."""
    if not update_token:
        raise ProtocolError(403, "this endpoint is read-only: updates are refused",
                            hint="start kg serve with --update-token to allow them")
    scheme, _, credential = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(credential.strip().encode(), update_token.encode()):
        raise ProtocolError(403, "an update needs the server's token as 'Authorization: Bearer TOKEN'")
