"""Extraction throughput against jieba.posseg.cut on the same text, single
core, in the same process. Prints MB/s for both and the ratio (target >= 5x).

    .venv/bin/pip install jieba   # the baseline only
    .venv/bin/python bench/extract_speed.py [PATH ...]   (default ../shared/corpus)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.pipeline import Pipeline
from kg.readers import ReadFailure, read_documents


def main(paths: list[str]) -> None:
    docs = [d for d in read_documents(paths) if not isinstance(d, ReadFailure)]
    repeat = max(1, 2_000_000 // max(1, sum(len(d.text.encode()) for d in docs)))
    size = sum(len(d.text.encode()) for d in docs) * repeat
    pipeline = Pipeline().load()
    pipeline(docs[0])  # warm up
    start = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            d.mentions, d.entities, d.relations, d.context = [], [], [], {}
            pipeline(d)
    ours = size / (time.perf_counter() - start) / 1e6
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    text = "\n".join(d.text for d in docs)
    budget = max(1, repeat // 10)  # posseg is slow: a tenth of the text is enough
    start = time.perf_counter()
    for _ in range(budget):
        for _pair in jieba.posseg.cut(text):
            pass
    baseline = len(text.encode()) * budget / (time.perf_counter() - start) / 1e6
    print(f"text: {size / 1e6:.2f} MB ({len(docs)} documents x {repeat})")
    print(f"kg pipeline (extraction, all stages): {ours:.2f} MB/s")
    print(f"jieba.posseg.cut alone:               {baseline:.2f} MB/s")
    print(f"ratio: {ours / baseline:.1f}x (target >= 5x)")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")])
