"""Weak spellers' known misspellings (`training/misspellings.py`): which words they meant by a
non-word, and how often (weighed by how much each source looks like weak spellers' writing), from
the training split of the training pairs."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from ...package_data import read_text


class KnownMisspellings(Mapping):
    """written -> ((meant, times seen), ...), most often first; a time seen may be a fraction (a pair
    from a source less like weak spellers' writing counts less). Each written word's meanings are
    kept as one string and read when asked for: 29,000 entries as tuples took 15 MB, this 9 MB,
    and only a text's non-words are ever looked up."""

    def __init__(self, rows: dict[str, str]):
        self._rows = rows

    def __getitem__(self, written: str) -> tuple[tuple[str, float], ...]:
        cells = self._rows[written].split("\t")
        return tuple((cells[i], float(cells[i + 1])) for i in range(0, len(cells), 2))

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def parse(text: str) -> KnownMisspellings:
    """resources/generated/misspellings.tsv: written, meant, times seen per line; `#` comments. A
    written word's meanings keep the file's order (most often first)."""
    rows: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, meant, count = line.split("\t")
        entry = f"{meant}\t{float(count)!r}"  # a number, checked once here
        rows[written] = f"{rows[written]}\t{entry}" if written in rows else entry
    return KnownMisspellings(rows)


@lru_cache(maxsize=1)
def shipped_misspellings() -> KnownMisspellings:
    return parse(read_text("dyslexic_writer.resources", "misspellings.tsv"))


# Any mapping of the same shape will do (tests stand in plain dicts).
_in_use: Mapping[str, tuple[tuple[str, float], ...]] | None = None
# Called when the table in use changes: caches of results worked out from it register here
# (`on_table_change`), so this module need not know them.
_listeners: list[Callable[[], None]] = []


def on_table_change(forget: Callable[[], None]) -> None:
    """Call `forget` whenever `use_misspellings` swaps the table (such as a cache's `cache_clear`)."""
    _listeners.append(forget)


def load_misspellings() -> Mapping[str, tuple[tuple[str, float], ...]]:
    """The table the engines use: the shipped one unless `use_misspellings` set another."""
    return shipped_misspellings() if _in_use is None else _in_use


def use_misspellings(table: Mapping[str, tuple[tuple[str, float], ...]] | None) -> None:
    """Make the engines use `table` (None: the shipped one again). For tests, which stand in a small
    table so the shipped one's spellings do not decide them."""
    global _in_use
    _in_use = table
    for forget in _listeners:  # results made with the old table
        forget()
