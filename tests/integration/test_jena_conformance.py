"""Apache Jena (ARQ 5, tools/jena-check) gives the same rows as kg (Oxigraph)
for every query of queries/*.rq over the graph of ../shared/corpus: each
query without parameters and with the parameters its header names.

The graph goes to Jena as `kg export --format trig`; Jena's default graph is
the union of the article graphs, as kg's is. kg's default prefixes are
declared for Jena (the .rq files do not declare them). One JVM runs all the
queries (tools/jena-check RunQuery --batch). Needs java 17+ and Maven; the
first build downloads ~15 MB of jars. Under CI=true a missing tool fails.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from kg.queries import QUERY_DIR, available, sparql_term
from kg.store.vocab import PREFIXES
from tests.conftest import IN_CI, ROOT

JENA_DIR = ROOT / "tools" / "jena-check"
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 300

# Parameter sets per query (names from the corpus); each query also runs bare.
PARAMETERS: dict[str, list[dict[str, str]]] = {
    "located_in_place": [{"place": "十堰市"}, {"place": "丹江口市"}],
    "official_posts": [{"person": "武小凯"}],
    "place_companies": [{"place": "丹江口市"}],
    "relation_evidence": [{"type": "LEADS"}, {"type": "HOLDS_POST", "head": "武小凯"}],
    "who_leads_what_where": [],
    "who_leads_what_where_within": [{"within": "十堰市"}, {"within": "丹江口市"}],
}


def _unavailable(why: str) -> None:
    if IN_CI:
        pytest.fail(f"{why} (CI=true: the Jena conformance test must run)")
    pytest.skip(why)


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java") or ""


@pytest.fixture(scope="module")
def jena_classpath() -> str:
    if not _java():
        _unavailable("java (17+) is not on PATH and JAVA_HOME is not set")
    if not shutil.which("mvn"):
        _unavailable("mvn (Maven) is not on PATH")
    built = subprocess.run(["bash", str(JENA_DIR / "build.sh")], capture_output=True, text=True,
                           timeout=BUILD_TIMEOUT_S)
    assert built.returncode == 0, built.stderr[-4000:]
    return f"{JENA_DIR / 'target' / 'classes'}{os.pathsep}{JENA_DIR / 'target' / 'lib' / '*'}"


@pytest.fixture(scope="module")
def store(corpus_store) -> Path:
    return corpus_store


@pytest.fixture(scope="module")
def trig(store, tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path_factory.mktemp("jena-export") / "graph.trig"
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--format", "trig", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def cases() -> list[tuple[str, dict[str, str]]]:
    return [(name, {}) for name in available()] + [
        (name, params) for name in available() for params in PARAMETERS.get(name, [])]


def case_id(name: str, params: dict[str, str]) -> str:
    return name + "".join(f" {k}={v}" for k, v in params.items())


@pytest.fixture(scope="module")
def jena_rows(jena_classpath, trig) -> dict[str, list[dict]]:
    """Every case through one JVM; keyed by case_id."""
    jobs = "".join("\t".join([str(QUERY_DIR / f"{name}.rq")] + [f"{k}={sparql_term(v)}" for k, v in params.items()])
                   + "\n" for name, params in cases())
    command = [_java(), "-Xmx1g", "-cp", jena_classpath, "kg.jena.RunQuery", str(trig)]
    for prefix, iri in PREFIXES.items():
        command += ["--prefix", f"{prefix}={iri}"]
    ran = subprocess.run(command + ["--batch"], input=jobs, capture_output=True, text=True, encoding="utf-8",
                         timeout=RUN_TIMEOUT_S)
    assert ran.returncode == 0, ran.stderr[-4000:]
    answers = [json.loads(line) for line in ran.stdout.splitlines() if line.strip()]
    assert len(answers) == len(cases())
    out = {}
    for (name, params), answer in zip(cases(), answers):
        assert "error" not in answer, f"{case_id(name, params)}: {answer.get('error')}"
        out[case_id(name, params)] = answer["rows"]
    return out


def test_every_query_file_is_covered():
    assert set(available()) <= set(PARAMETERS), "add the new query's parameters to PARAMETERS"


def kg_rows(run_kg, store: Path, name: str, params: dict[str, str]) -> list[dict]:
    args = ["query", name, "--store", str(store), "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = run_kg(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("name,params", cases(), ids=[case_id(n, p) for n, p in cases()])
def test_jena_gives_the_same_rows(run_kg, store, jena_rows, name, params):
    ours = kg_rows(run_kg, store, name, params)
    theirs = jena_rows[case_id(name, params)]
    assert Counter(_row(r) for r in theirs) == Counter(_row(r) for r in ours)
    keys = order_keys((QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    assert [tuple(r[k] for k in keys) for r in theirs] == [tuple(r[k] for k in keys) for r in ours]


@pytest.mark.parametrize("name,params", cases(), ids=[case_id(n, p) for n, p in cases()])
def test_the_comparison_is_not_vacuous(run_kg, store, request, name, params):
    assert kg_rows(run_kg, store, name, params), f"{case_id(name, params)} finds no rows"


def _row(row: dict) -> tuple:
    return tuple(sorted(row.items()))


def order_keys(query: str) -> list[str]:
    """The variables of the ORDER BY clause: rows tied on them may come in any order."""
    match = re.search(r"ORDER\s+BY\s+(.+?)\s*(LIMIT|OFFSET|$)", query, re.IGNORECASE | re.DOTALL)
    return re.findall(r"\?(\w+)", match.group(1)) if match else []
