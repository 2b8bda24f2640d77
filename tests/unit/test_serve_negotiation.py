"""Accept-header negotiation of the SPARQL endpoint (kg.serve.negotiation)."""

import pytest

from kg.serve.negotiation import acceptable_at_all, choose, graph_format, solution_format

OFFERED = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]


@pytest.mark.parametrize("accept,expected", [
    (None, "application/sparql-results+json"),                       # no header: our default
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/csv, */*", "text/csv"),                                    # exact beats wildcard at equal q
    ("text/*", "text/csv"),
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv"),
    ("text/csv;q=0, */*;q=0.1", "application/sparql-results+json"),  # q=0 refuses
    ("image/png", None),
    ("garbage", "application/sparql-results+json"),                   # unparseable ranges are ignored
])
def test_choose(accept, expected):
    assert choose(accept, OFFERED) == expected


def test_result_families():
    assert solution_format("application/json")[1].media_type == "application/sparql-results+json"
    assert solution_format("text/turtle") is None
    assert graph_format("application/turtle,text/turtle")[0] in ("application/turtle", "text/turtle")
    assert graph_format("application/sparql-results+json") is None
    assert acceptable_at_all("text/turtle") and not acceptable_at_all("image/png")
