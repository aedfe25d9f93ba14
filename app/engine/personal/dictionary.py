"""The writer's own words: never flagged. Kept as a UTF-8 text file, one word per line."""

from __future__ import annotations

import threading
from pathlib import Path

from ...paths import atomic_write_text, data_dir


def default_path() -> Path:
    return data_dir() / "personal_dictionary.txt"


def ignored_path() -> Path:
    """Words the writer chose to "ignore everywhere" (kept apart from the dictionary proper)."""
    return data_dir() / "ignored_words.txt"


class PersonalDictionary:
    def __init__(self, path: Path | None = None, words: set[str] | None = None):
        self.path = path
        self._lock = threading.Lock()
        self._given: set[str] = set(words or ())
        self._words: set[str] = self._given | self._read()
        self._lower = {w.lower() for w in self._words}
        self._stamp = self._file_stamp()

    def _read(self) -> set[str]:
        if self.path is None or not self.path.exists():
            return set()
        text = self.path.read_text(encoding="utf-8", errors="replace")
        return {line.strip() for line in text.splitlines() if line.strip()}

    def _file_stamp(self) -> tuple[int, int] | None:
        """(modified time, size) of the file; None where there is none."""
        if self.path is None:
            return None
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def refresh(self) -> bool:
        """Read the file again if another program changed it since this object last read or wrote
        it (the editor adds a word while `serve` checks for another app). True when the words changed."""
        if self.path is None:
            return False
        with self._lock:
            stamp = self._file_stamp()
            if stamp == self._stamp:
                return False
            try:
                words = self._given | self._read()
            except OSError:
                return False  # being replaced right now: the next request reads it
            self._stamp = stamp
            if words == self._words:
                return False
            self._words, self._lower = words, {w.lower() for w in words}
            return True

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
            self._stamp = self._file_stamp()
