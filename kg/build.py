"""Library entry points behind the CLI: extract articles, build the store."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kg.errors import KGError
from kg.model import Document
from kg.pipeline import Pipeline
from kg.readers import ReadFailure, read_documents


@dataclass
class BatchReport:
    read: int = 0
    failures: list[str] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)

    def count(self, doc: Document) -> None:
        self.read += 1
        self.entities.update(e.type.value for e in doc.entities)
        self.relations.update(r.type.value for r in doc.relations)

    @property
    def ok(self) -> bool:
        return not self.failures


def extract(paths: Iterable[str | os.PathLike], report: BatchReport,
            pipeline: Pipeline | None = None) -> Iterator[Document]:
    """Extracted documents; unreadable ones are recorded in the report."""
    pipeline = pipeline or Pipeline().load()
    for item in read_documents(paths):
        if isinstance(item, ReadFailure):
            report.failures.append(item.line())
            continue
        try:
            doc = pipeline(item)
        except KGError as exc:
            report.failures.append(exc.line())
            continue
        report.count(doc)
        yield doc


def build(paths: Iterable[str | os.PathLike], store, report: BatchReport,
          on_document: Callable[[Document], None] | None = None) -> BatchReport:
    """Extract and write each article to the open GraphStore, one
    transaction per article."""
    for doc in extract(paths, report):
        try:
            store.write_document(doc)
        except KGError as exc:
            report.failures.append(exc.line())
            report.read -= 1
            continue
        if on_document is not None:
            on_document(doc)
    return report
