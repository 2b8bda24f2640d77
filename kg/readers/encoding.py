"""Decode article bytes: the encoding is read from the bytes (BOM, strict
UTF-8, strict GB18030, then charset-normalizer), never from the extension."""

from __future__ import annotations

import codecs

from kg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, where: str) -> str:
    """Return the text of `data`, or raise InputError naming `where`."""
    if not data.strip():
        raise InputError(where, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(where, f"not valid {encoding} despite its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise InputError(where, "binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best)
    raise InputError(where, "undecodable bytes: not UTF-8, UTF-16 or GB18030",
                     hint="convert the file to UTF-8")


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control or private-use characters."""
    if not text:
        return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(text) < 0.01
