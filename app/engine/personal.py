"""The writer's own words: never flagged. Kept as a UTF-8 text file, one word per line."""

from __future__ import annotations

import threading
from pathlib import Path

from ..paths import atomic_write_text, data_dir


def default_path() -> Path:
    return data_dir() / "personal_dictionary.txt"


def ignored_path() -> Path:
    """Words the writer chose to "ignore everywhere" (kept apart from the dictionary proper)."""
    return data_dir() / "ignored_words.txt"


class PersonalDictionary:
    def __init__(self, path: Path | None = None, words: set[str] | None = None):
        self.path = path
        self._lock = threading.Lock()
        self._words: set[str] = set(words or ())
        if path is not None and path.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
            self._words |= {line.strip() for line in text.splitlines() if line.strip()}
        self._lower = {w.lower() for w in self._words}

    def __contains__(self, word: str) -> bool:
        return word in self._words or word.lower() in self._lower

    def __len__(self) -> int:
        return len(self._words)

    def words(self) -> list[str]:
        return sorted(self._words)

    def add(self, word: str) -> None:
        word = word.strip()
        if not word or "\n" in word:
            raise ValueError("a dictionary entry is one word")
        with self._lock:
            self._words.add(word)
            self._lower.add(word.lower())
            self._save()

    def remove(self, word: str) -> None:
        with self._lock:
            self._words.discard(word)
            self._lower = {w.lower() for w in self._words}
            self._save()

    def _save(self) -> None:
        if self.path is not None:
            atomic_write_text(self.path, "".join(f"{w}\n" for w in sorted(self._words)))
