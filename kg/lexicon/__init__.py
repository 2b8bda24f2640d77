"""Lexicons of general knowledge: the official division list, body and
department names, post titles, surnames. Loaded once with Lexicon.load()."""

from __future__ import annotations

from kg.lexicon.divisions import DivisionIndex


class Lexicon:
    def __init__(self) -> None:
        self.divisions = DivisionIndex()
        self.loaded = False

    def load(self) -> "Lexicon":
        if not self.loaded:
            self.divisions.load()
            self.loaded = True
        return self


_SHARED: Lexicon | None = None


def shared_lexicon() -> Lexicon:
    """The process-wide lexicon, loaded on first use."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Lexicon().load()
    return _SHARED
