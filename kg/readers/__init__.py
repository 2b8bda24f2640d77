"""Readers: files or folders of .txt, .html and .jsonl articles become
Documents. A file or line that cannot be read becomes a ReadFailure, and the
batch goes on."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Document
from kg.readers.encoding import decode
from kg.readers.page import PageParts, clean_page
from kg.text import normalise, split_sentences

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True, slots=True)
class ReadFailure:
    where: str
    cause: str

    def line(self) -> str:
        return f"{self.where}: {self.cause}"


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | ReadFailure]:
    """Expand folders recursively (sorted, so runs are reproducible)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            yield ReadFailure(str(path), "no such file or folder")


def read_documents(paths: Iterable[str | os.PathLike]) -> Iterator[Document | ReadFailure]:
    for item in iter_files(paths):
        if isinstance(item, ReadFailure):
            yield item
            continue
        try:
            yield from read_file(item)
        except InputError as exc:
            yield ReadFailure(exc.where, exc.cause + (f" ({exc.hint})" if exc.hint else ""))


def read_file(path: Path) -> Iterator[Document | ReadFailure]:
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"unreadable ({exc.strerror or exc})") from exc
    text = decode(data, str(path))
    if kind == "jsonl":
        yield from _read_jsonl(text, path)
    elif kind == "html":
        yield _from_html(text, path)
    else:
        yield document_from_parts(path.stem, clean_page(text), str(path))


def _read_jsonl(text: str, path: Path) -> Iterator[Document | ReadFailure]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"bad JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReadFailure(where, "a line must be a JSON object with \"id\" and \"text\"")
            continue
        doc_id, body = record.get("id"), record.get("text")
        if doc_id in (None, "") or not isinstance(body, str):
            yield ReadFailure(where, "missing \"id\" or \"text\"")
            continue
        if not body.strip():
            yield ReadFailure(where, f"empty text for id {doc_id}")
            continue
        parts = clean_page(body) if "\n" in body.strip() else _single(body)
        doc = document_from_parts(str(doc_id), parts, where)
        doc.title = str(record.get("title") or doc.title or "")
        doc.date = str(record.get("date") or doc.date or "")
        doc.url = str(record.get("url") or "")
        doc.source = str(record.get("source") or "")
        yield doc


def _single(body: str) -> PageParts:
    """A one-line text (a benchmark sentence) is all body: no furniture, no title."""
    parts = PageParts()
    parts.lines.append(("body", normalise(body)))
    return parts


def _from_html(text: str, path: Path) -> Document:
    import trafilatura

    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_recall=True)
    body = getattr(result, "text", None) if result is not None else None
    if not body:
        raise InputError(str(path), "no article text found in the HTML page")
    title = getattr(result, "title", None) or ""
    parts = clean_page((title + "\n" if title and not body.startswith(title) else "") + body)
    doc = document_from_parts(path.stem, parts, str(path))
    doc.date = getattr(result, "date", None) or doc.date
    doc.url = getattr(result, "url", None) or ""
    doc.source = getattr(result, "sitename", None) or ""
    author = getattr(result, "author", None)
    if author and not doc.bylines:
        doc.bylines = [a.strip() for a in author.replace(";", " ").split() if a.strip()]
    return doc


def document_from_parts(doc_id: str, parts: PageParts, where: str) -> Document:
    if not parts.lines:
        raise InputError(where, "no article text left after removing page furniture")
    lines, kinds, offset = [], {}, 0
    for kind, line in parts.lines:
        kinds[offset] = kind
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    doc = Document(id=doc_id, text=text, path=where, title=parts.title, date=parts.date,
                   section=parts.section, bylines=list(parts.bylines))
    doc.sentences = split_sentences(text, kinds)
    return doc
