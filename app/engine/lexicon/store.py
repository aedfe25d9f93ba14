"""The compiled dictionary's tables and the reader that answers questions from them.

Words come in tiers. *Common* words (Hunspell or extra) are never flagged as misspellings.
*Rare* words are written often enough on the web (wordfreq) but unknown to Hunspell ("alot",
"goin", "babys"): they are suspicious, and a far more frequent word a cheap slip away is offered.
*Names* are capitalised dictionary entries. Everything else is unknown and always marked.

The tables live in one SQLite file (`build.build_index` writes it): an indexed file opens in
milliseconds and answers a lookup in microseconds, where symspellpy's own in-memory index takes
seconds to build or unpickle on a 2-core machine.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from ...package_data import load_yaml
from .keys import deletes, sound_keys
from .postings import unpack_ids

# Which of the two dictionaries accepts a word, where only one does ("colour": British, "color":
# American); empty where both do or neither is asked. `settings.spelling_preference` returns these.
BRITISH = "british"
AMERICAN = "american"

TIER_COMMON = 1
TIER_RARE = 2
TIER_NAME = 3

# The tables `build.build_index` fills: every known word with its frequency (Zipf, in thousandths:
# two bytes where a REAL takes eight; the sources give three decimals), tier, written
# form (NULL when it is the word itself) and variety (BRITISH, AMERICAN, or NULL); the words offered
# as corrections, by id; the delete keys and sound codes they are filed under (`postings`: packed
# ids per key); word pairs' frequencies; and the fingerprint of the sources the file was built from.
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE words(word TEXT PRIMARY KEY, zipf_milli INTEGER, tier INTEGER, form TEXT, variety TEXT)
    WITHOUT ROWID;
CREATE TABLE targets(id INTEGER PRIMARY KEY, word TEXT);
CREATE TABLE deletes(key TEXT PRIMARY KEY, ids BLOB) WITHOUT ROWID;
CREATE TABLE sounds(code TEXT PRIMARY KEY, ids BLOB) WITHOUT ROWID;
CREATE TABLE bigrams(pair TEXT PRIMARY KEY, zipf_milli INTEGER) WITHOUT ROWID;
"""


def stored_fingerprint(path: Path) -> str | None:
    """The fingerprint an index file was built with; None for a missing or unreadable file."""
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


class Lexicon:
    """Read-only queries against the compiled dictionary; safe to share between threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._word_cache: dict[str, tuple[float, int, str, str] | None] = {}
        # BRITISH or AMERICAN: corrections in the other spelling give way to this one's where both
        # are offered (`candidates.rank_corrections`); "" offers both as the ranker orders them.
        self.spelling = ""
        bare = load_yaml("contractions.yaml")["safe"]
        self.contraction_bare_forms = frozenset(bare)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    def _entry(self, word: str) -> tuple[float, int, str, str] | None:
        w = word.lower()
        if w in self._word_cache:
            return self._word_cache[w]
        row = self._con().execute(
            "SELECT zipf_milli / 1000.0, tier, form, variety FROM words WHERE word=?", (w,)
        ).fetchone()
        entry = (row[0], row[1], row[2] or w, row[3] or "") if row else None
        if len(self._word_cache) > 50_000:
            self._word_cache.clear()
        self._word_cache[w] = entry
        return entry

    def zipf(self, word: str) -> float:
        e = self._entry(word)
        return e[0] if e else 0.0

    def is_valid(self, word: str) -> bool:
        return self._entry(word) is not None

    def is_common(self, word: str) -> bool:
        e = self._entry(word)
        return e is not None and e[1] == TIER_COMMON

    def is_rare(self, word: str) -> bool:
        e = self._entry(word)
        return e is not None and e[1] == TIER_RARE

    def is_name(self, word: str) -> bool:
        e = self._entry(word)
        return e is not None and e[1] == TIER_NAME

    def form(self, word: str) -> str:
        """How the dictionary writes a word: "london" -> "London"."""
        e = self._entry(word)
        return e[2] if e else word

    def variety(self, word: str) -> str:
        """BRITISH or AMERICAN for a word only that dictionary accepts; "" otherwise."""
        e = self._entry(word)
        return e[3] if e else ""

    def bigram_zipf(self, first: str, second: str) -> float:
        row = self._con().execute(
            "SELECT zipf_milli / 1000.0 FROM bigrams WHERE pair=?", (f"{first.lower()} {second.lower()}",)
        ).fetchone()
        return row[0] if row else 0.0

    def near(self, word: str) -> set[str]:
        """Common words and names within two deletions of `word` on either side (a superset of edit
        distance 2)."""
        return self._filed_under("deletes", "key", list(deletes(word.lower())))

    def sounds_like(self, word: str) -> set[str]:
        return self._filed_under("sounds", "code", list(sound_keys(word.lower())))

    def _filed_under(self, table: str, column: str, keys: list[str]) -> set[str]:
        """The words filed under any of `keys` in `table`."""
        con = self._con()
        ids: set[int] = set()
        for chunk in _chunks(keys):
            q = f"SELECT ids FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})"
            for (packed,) in con.execute(q, chunk):
                ids.update(unpack_ids(packed))
        found: set[str] = set()
        for chunk in _chunks(sorted(ids)):
            q = f"SELECT word FROM targets WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(w for (w,) in con.execute(q, chunk))
        return found

    def common_rows(self) -> list[tuple[str, float]]:
        """(word, zipf) of every common word, for searches the indexed tables cannot answer (names
        are left to the close search: "wensday" is two slips from Wednesday)."""
        return self._con().execute(
            "SELECT word, zipf_milli / 1000.0 FROM words WHERE tier=?", (TIER_COMMON,)
        ).fetchall()

    def count(self) -> int:
        return self._con().execute("SELECT COUNT(*) FROM words").fetchone()[0]


def _chunks(items: list, size: int = 500) -> list[list]:
    """`items` in slices small enough for one query's parameters."""
    return [items[i : i + size] for i in range(0, len(items), size)]
