"""Shared fixtures: paths to ../shared, the loaded pipeline, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "dev.jsonl"
IN_CI = os.environ.get("CI") == "true"


def require_shared() -> None:
    if not CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"{CORPUS} is missing: CI must have ../shared beside the project")
        pytest.skip("../shared/corpus is not here")


@pytest.fixture(scope="session")
def pipeline():
    from kg.pipeline import Pipeline

    return Pipeline().load()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """../shared/corpus built once per test session with `kg build` (no
    graph.html). Tests only read it; one that writes copies it first."""
    from click.testing import CliRunner

    from kg.cli import main

    require_shared()
    store = tmp_path_factory.mktemp("corpus") / "store"
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--store", str(store), "--no-html"])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture()
def run_kg():
    """Run the kg CLI in-process; returns click's Result."""
    from click.testing import CliRunner

    from kg.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run
