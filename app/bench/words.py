"""Word-level benchmark on the held-out split of the Birkbeck corpus and the extra misspelling lists.

Both systems rank corrections for the misspelling alone (no context) and the misspelling itself
is never counted as an answer. The held-out pairs never feed any table the engine uses.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..training.sources import WordPair, is_held_out

# The pair sources scored (`training/pair_sources.yaml`): weak spellers' own slips and the public
# lists, not the GitHub typos, which are good typists' keyboard slips.
SCORED = ("birkbeck", "extra")


@dataclass
class WordScore:
    name: str
    pairs: int = 0
    top1: int = 0
    top5: int = 0
    seconds: float = 0.0

    def add(self, ranked: list[str], correct: str) -> None:
        want = correct.lower()
        got = [r.lower() for r in ranked]
        self.pairs += 1
        self.top1 += bool(got) and got[0] == want
        self.top5 += want in got[:5]

    def row(self) -> dict:
        n = self.pairs or 1
        return {
            "system": self.name,
            "pairs": self.pairs,
            "top1_pct": round(100 * self.top1 / n, 1),
            "top5_pct": round(100 * self.top5 / n, 1),
            "ms_per_word": round(1000 * self.seconds / n, 3),
        }


def split_pairs(pairs: list[WordPair], held_out: bool) -> list[WordPair]:
    """Single-word alphabetic pairs on one side of the held-out rule, deduplicated."""
    seen = set()
    out = []
    for p in pairs:
        key = (p.misspelling.lower(), p.correct.lower())
        if key in seen or key[0] == key[1] or not (p.correct.isalpha() and p.misspelling.isalpha()):
            continue
        if is_held_out(p.correct) == held_out:
            seen.add(key)
            out.append(p)
    return out


def load_corpora(data: Path) -> list[WordPair]:
    """Every pair of the scored sources in a data folder, both splits (`split_pairs` picks one)."""
    from ..training.pairs import read_source, source

    return [p for name in SCORED for p in read_source(data, source(name))]


def symspell_ranker():
    """Plain symspellpy: its bundled dictionary, edit distance 2, closest then most frequent."""
    from symspellpy import SymSpell, Verbosity

    from ..engine.lexicon import symspell_data_path

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    sym.load_dictionary(symspell_data_path("frequency_dictionary_en_82_765.txt"), 0, 1)

    def rank(word: str) -> list[str]:
        low = word.lower()
        return [s.term for s in sym.lookup(low, Verbosity.ALL, 2) if s.term != low][:5]

    return rank


def checked_choices(engine, word: str) -> list[str]:
    """What `check` offers for a word on a line of its own, in menu order: each mark's replacements,
    then its "maybe" words (an `unknown` mark has only those); nothing for a word it accepts."""
    return [c for s in engine.check(word).suggestions for c in (*s.replacements, *s.maybe)]


def score(name: str, rank, pairs: list[WordPair]) -> WordScore:
    s = WordScore(name)
    t0 = time.perf_counter()
    for p in pairs:
        s.add(rank(p.misspelling), p.correct)
    s.seconds = time.perf_counter() - t0
    return s


def marked_share(engine, pairs: list[WordPair], is_word) -> tuple[int, int]:
    """(marked, total) over the misspellings Hunspell rejects: does the engine mark the word when
    it is checked on its own? Any suggestion counts, an `unknown` mark too."""
    marked = total = 0
    seen = set()
    for p in pairs:
        w = p.misspelling.lower()
        if w in seen or is_word(w):
            continue
        seen.add(w)
        total += 1
        marked += bool(engine.check(w).suggestions)
    return marked, total
