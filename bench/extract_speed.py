"""Extraction throughput against jieba.posseg.cut on the same text, single
core, in the same process. Prints MB/s (UTF-8 bytes of normalised text per
CPU second) for both and their ratio (target >= 5x, aim >= 8x).

The machines are shared, so absolute MB/s move with the load of the moment;
the ratio is the figure of merit. Each round runs our pipeline and posseg
over the same documents, one right after the other, for about the same CPU
time, and the ratio is taken within the round; the report gives the medians
over the rounds. (On an idle machine posseg does about 0.2 MB/s, so 8x is
about 1.6 MB/s.)

    .venv/bin/pip install jieba   # the baseline only
    .venv/bin/python bench/extract_speed.py [--rounds N] [--seconds S] [PATH ...]
    (default ../shared/corpus; a .jsonl of single sentences such as
    ../shared/bench/msra/test.corpus.jsonl exercises other paths)
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kg.model import Document
from kg.pipeline import Pipeline
from kg.readers import ReadFailure, read_documents

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _fresh(doc: Document) -> Document:
    """The document as the reader gave it (the pipeline adds to it)."""
    doc.mentions, doc.entities, doc.relations, doc.context = [], [], [], {}
    return doc


def _sample(docs: list[tuple[Document, int]], limit: int) -> list[tuple[Document, int]]:
    """Every k-th document, so the sample spans the input and stays under
    `limit` bytes (posseg needs seconds for a large input)."""
    total = sum(n for d, n in docs)
    step = max(1, -(-total // limit))
    return docs[::step]


def _timed(run_one, docs: list[tuple[Document, int]], seconds: float) -> tuple[float, int]:
    """Whole passes of `run_one` over the documents until `seconds` of CPU
    time: MB/s and passes done."""
    passes = size = 0
    begin = time.process_time()
    while True:
        for doc, nbytes in docs:
            run_one(doc)
            size += nbytes
        passes += 1
        elapsed = time.process_time() - begin
        if elapsed >= seconds:
            return size / elapsed / 1e6, passes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.5, help="CPU seconds per contender per round")
    parser.add_argument("--sample-bytes", type=int, default=100_000, help="cap on the text measured")
    args = parser.parse_args()

    docs = [(d, len(d.text.encode())) for d in read_documents(args.paths) if not isinstance(d, ReadFailure)]
    if not docs:
        raise SystemExit("no readable documents")
    docs = _sample(docs, args.sample_bytes)
    total = sum(n for d, n in docs)

    pipeline = Pipeline().load()
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    # warm up both (lazy imports, the posseg model, regex caches)
    pipeline(_fresh(docs[0][0]))
    for _ in jieba.posseg.cut(docs[0][0].text):
        pass

    def ours(doc: Document) -> None:
        pipeline(_fresh(doc))

    def posseg(doc: Document) -> None:
        for _pair in jieba.posseg.cut(doc.text):
            pass

    rows = []
    for r in range(args.rounds):
        # alternate who goes first, so a drift in the machine's load favours neither
        if r % 2:
            base_mbs, n_base = _timed(posseg, docs, args.seconds)
            ours_mbs, n_ours = _timed(ours, docs, args.seconds)
        else:
            ours_mbs, n_ours = _timed(ours, docs, args.seconds)
            base_mbs, n_base = _timed(posseg, docs, args.seconds)
        rows.append((ours_mbs, base_mbs, ours_mbs / base_mbs))
        print(f"round {r + 1}: kg {ours_mbs:6.2f} MB/s ({n_ours} passes)  posseg {base_mbs:5.3f} MB/s "
              f"({n_base} passes)  ratio {ours_mbs / base_mbs:5.1f}x")
    ours_med = statistics.median(r[0] for r in rows)
    base_med = statistics.median(r[1] for r in rows)
    ratio_med = statistics.median(r[2] for r in rows)
    print(f"text: {total / 1e6:.3f} MB in {len(docs)} documents; {args.rounds} rounds of >= {args.seconds}s CPU each")
    print(f"kg pipeline (extraction, all stages): {ours_med:.2f} MB/s (median)")
    print(f"jieba.posseg.cut alone:               {base_med:.3f} MB/s (median)")
    print(f"ratio: {ratio_med:.1f}x (median of per-round ratios; target >= 5x, aim >= 8x)")


if __name__ == "__main__":
    main()
