"""Text normalisation and sentence splitting. All offsets in kg refer to the
normalised text, so normalisation happens once, before anything else."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from kg.model import Sentence

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# ASCII punctuation that stands for its full-width form in Chinese text.
_ASCII_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！",
                  "(": "（", ")": "）"}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK.match(ch) is not None


# One table for the per-character part: zero-width characters go, full-width
# digits and letters become ASCII (their NFKC form), odd spaces become " ".
_CHAR_TABLE = dict(_ZERO_WIDTH)
for _code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)):
    _CHAR_TABLE[_code] = unicodedata.normalize("NFKC", chr(_code))
for _ch in "\u3000\u00a0\t":
    _CHAR_TABLE[ord(_ch)] = " "
_ASCII_PUNCT = re.compile("[" + re.escape("".join(_ASCII_TO_FULL)) + "]")


def normalise(text: str) -> str:
    """Canonical form for extraction: full-width letters and digits become
    ASCII, ASCII punctuation between Chinese becomes full-width, spaces and
    line ends are tidied. Quotation marks are kept as written."""
    text = text.translate(_CHAR_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chars = None
    for m in _ASCII_PUNCT.finditer(text):
        if chars is None:
            chars = list(text)  # a change is seen by the next mark's look at its neighbours
        i = m.start()
        ch = chars[i]
        full = _ASCII_TO_FULL[ch]
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch == "," and prev.isdigit() and nxt.isdigit():
            continue  # 1,000
        if ch == ":" and prev.isdigit() and nxt.isdigit():
            continue  # 17:19
        if _is_cjk(prev) or _is_cjk(nxt) or prev in "”’）)" or nxt in "“‘（(":
            chars[i] = full
    if chars is not None:
        text = "".join(chars)
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{2,}", "\n", text)
    return text.strip()


_SENTENCE_END = re.compile(r"[。！？!?…]+[”’」』]?")


def split_sentences(text: str, kinds: dict[int, str] | None = None) -> list[Sentence]:
    """Split each line on sentence-final punctuation. A closing quote after the
    final mark stays with its sentence. `kinds` maps a line's start offset to
    its kind (title, byline, caption...)."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        kind = (kinds or {}).get(line_start, "body")
        start = 0
        for m in _SENTENCE_END.finditer(line):
            _append(sentences, text, line_start + start, line_start + m.end(), kind)
            start = m.end()
        _append(sentences, text, line_start + start, line_start + len(line), kind)
        line_start += len(line) + 1
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, kind: str) -> None:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end], kind))


# (sentence list, its length, start offsets) of the document at hand. The
# list itself is held, so a new list is never mistaken for it (an id could be
# reused once the old one is freed); one tuple, swapped whole, so threads
# never see the parts of two documents.
_STARTS: tuple = (None, -1, [])


def sentence_at(doc, offset: int) -> Sentence | None:
    """The sentence of `doc` that contains `offset`: Document.sentence_at by
    bisection over start offsets kept for the document at hand."""
    global _STARTS
    sentences = doc.sentences
    cached = _STARTS
    if cached[0] is not sentences or cached[1] != len(sentences):
        cached = _STARTS = (sentences, len(sentences), [s.start for s in sentences])
    i = bisect_right(cached[2], offset) - 1
    if i >= 0:
        s = sentences[i]
        if offset < s.end:
            return s
    return None
