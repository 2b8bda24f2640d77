"""Text normalisation and sentence splitting. All offsets in kg refer to the
normalised text, so normalisation happens once, before anything else."""

from __future__ import annotations

import re
import unicodedata

from kg.model import Sentence

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# ASCII punctuation that stands for its full-width form in Chinese text.
_ASCII_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！",
                  "(": "（", ")": "）"}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK.match(ch) is not None


def normalise(text: str) -> str:
    """Canonical form for extraction: full-width letters and digits become
    ASCII, ASCII punctuation between Chinese becomes full-width, spaces and
    line ends are tidied. Quotation marks are kept as written."""
    text = text.translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            ch = unicodedata.normalize("NFKC", ch)
        elif ch in "\u3000\u00a0\t":
            ch = " "
        out.append(ch)
    chars = out
    for i, ch in enumerate(chars):
        full = _ASCII_TO_FULL.get(ch)
        if full is None:
            continue
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch == "," and prev.isdigit() and nxt.isdigit():
            continue  # 1,000
        if ch == ":" and prev.isdigit() and nxt.isdigit():
            continue  # 17:19
        if _is_cjk(prev) or _is_cjk(nxt) or prev in "”’）)" or nxt in "“‘（(":
            chars[i] = full
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
