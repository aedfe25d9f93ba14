"""Offsets as LanguageTool's clients count them: in UTF-16 code units.

Its Java and JavaScript clients (LibreOffice, LTeX, the browser extension) index strings in UTF-16,
where a character outside the Basic Multilingual Plane (most emoji, some CJK) takes two units;
Python indexes code points. Every offset and length the server sends is converted here.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def utf16_len(text: str) -> int:
    """How many UTF-16 code units `text` takes."""
    return len(text) + sum(1 for _ in _ASTRAL_RE.finditer(text))


class Utf16Index:
    """Code point positions in one text turned into UTF-16 offsets (a bisect over its astral
    characters, so a long document is scanned once, however many matches it has)."""

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL_RE.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(offset, length) in UTF-16 units of the code point span start:end."""
        a = self(start)
        return a, self(end) - a
