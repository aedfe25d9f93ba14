"""LanguageTool's annotated text (the `data` field): markup the checker skips, whose offsets still count.

`{"annotation": [{"text": "Hello "}, {"markup": "<b>"}, {"text": "wrld"}, {"markup": "</p>",
"interpretAs": "\\n\\n"}]}`: the checker reads the text parts plus each markup's `interpretAs` (a
paragraph break, say); the offsets it answers with count the whole document, markup included.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass


class AnnotationError(ValueError):
    """The `data` field is not LanguageTool's annotated-text JSON; the message says what is wrong."""


@dataclass(frozen=True)
class Document:
    """What the checker reads (`plain`), the document the offsets count (`original`), and the map
    between them: parallel tuples, one entry per part with something for the checker to read."""

    plain: str
    original: str
    plain_starts: tuple[int, ...] = ()
    original_starts: tuple[int, ...] = ()
    original_lengths: tuple[int, ...] = ()
    is_text: tuple[bool, ...] = ()

    def _part(self, i: int) -> int:
        return bisect_right(self.plain_starts, i) - 1

    def start_in_original(self, i: int) -> int:
        """Where the character at plain position `i` begins in the original (a markup's own start
        for the characters its `interpretAs` stands in for)."""
        if not self.plain_starts:
            return i
        if i >= len(self.plain):
            return len(self.original)
        k = self._part(i)
        return self.original_starts[k] + (i - self.plain_starts[k] if self.is_text[k] else 0)

    def end_in_original(self, j: int) -> int:
        """Where a span of plain text ending (exclusively) at `j` ends in the original."""
        if not self.plain_starts:
            return j
        if j <= 0:
            return self.start_in_original(0)
        k = self._part(j - 1)
        if self.is_text[k]:
            return self.original_starts[k] + (j - self.plain_starts[k])
        return self.original_starts[k] + self.original_lengths[k]


def plain_document(text: str) -> Document:
    """A `text` field: the checker reads it as it is."""
    return Document(text, text)


def parse_annotation(data: str) -> Document:
    """The document a `data` field describes; AnnotationError names the first thing wrong with it."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise AnnotationError(f"'data' is not valid JSON ({exc})") from None
    items = raw.get("annotation") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise AnnotationError("'data' must be a JSON object with an 'annotation' list")
    plain: list[str] = []
    original: list[str] = []
    starts, orig_starts, orig_lengths, is_text = [], [], [], []
    p = o = 0
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise AnnotationError(f"annotation item {n} is not an object")
        text, markup, interpret = item.get("text"), item.get("markup"), item.get("interpretAs", "")
        if (text is None) == (markup is None):
            raise AnnotationError(f"annotation item {n} needs either 'text' or 'markup'")
        if not isinstance(text if markup is None else markup, str) or not isinstance(interpret, str):
            raise AnnotationError(f"annotation item {n}: 'text', 'markup' and 'interpretAs' must be strings")
        if markup is None:
            read, written, literal = text, text, True
        else:
            read, written, literal = interpret, markup, False
        if read:
            starts.append(p)
            orig_starts.append(o)
            orig_lengths.append(len(written))
            is_text.append(literal)
            plain.append(read)
            p += len(read)
        original.append(written)
        o += len(written)
    return Document("".join(plain), "".join(original), tuple(starts), tuple(orig_starts), tuple(orig_lengths),
                    tuple(is_text))
