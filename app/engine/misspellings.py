"""Weak spellers' known misspellings (`training/misspellings.py`): which words they meant by a
non-word, and how often, from the training split of the Birkbeck+Holbrook pairs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

from .resources import read_text


class KnownMisspellings(Mapping):
    """written -> ((meant, times seen), ...), most often first. Each written word's meanings are
    kept as one string and read when asked for: 29,000 entries as tuples took 15 MB, this 9 MB,
    and only a text's non-words are ever looked up."""

    def __init__(self, rows: dict[str, str]):
        self._rows = rows

    def __getitem__(self, written: str) -> tuple[tuple[str, int], ...]:
        cells = self._rows[written].split("\t")
        return tuple((cells[i], int(cells[i + 1])) for i in range(0, len(cells), 2))

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def parse(text: str) -> KnownMisspellings:
    """resources/misspellings.tsv: written, meant, times seen per line; `#` comments. A written
    word's meanings keep the file's order (most often first)."""
    rows: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, meant, count = line.split("\t")
        entry = f"{meant}\t{int(count)}"
        rows[written] = f"{rows[written]}\t{entry}" if written in rows else entry
    return KnownMisspellings(rows)


@lru_cache(maxsize=1)
def load_misspellings() -> KnownMisspellings:
    return parse(read_text("dyslexic_writer.resources", "misspellings.tsv"))
