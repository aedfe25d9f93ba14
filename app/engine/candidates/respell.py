"""Words a severe misspelling may stand for, found by running the learned slips backwards.

The close and wide searches (`search.candidate_pool`) find words that share letters or a sound
code with what was written; a weak speller's spelling can share neither ("nolij" for knowledge,
"sorw" for saw). The learned channel (`channel.py`) knows how such writers turn letters into other
letters, so here its rules are applied in reverse, left to right over the written word, growing
the words they could have come from. A best-first beam keeps the search small: each partial word
is ranked by the slips so far plus the frequency of the commonest word it can still become (an
upper bound, so a common word is not lost to a rare one that happens to start more cheaply).

No package offers a search by arbitrary learned rewrite rules; the word list is a sorted array
(bisect) with a sparse table for the "commonest word under this prefix" question, which keeps it
to a few megabytes.
"""

from __future__ import annotations

import bisect
import math
import threading
import weakref
from array import array
from collections import defaultdict

import numpy as np

from .channel import END, KEEP, START, Channel, load_channel

LN10 = math.log(10)
# Partial words kept for each written letter consumed, and the likeliest intended strings tried for
# one written string. On 1,000 training-split misspellings of four letters or more (each searched
# with a channel fitted without its word), the intended word was among the first ten for 681 with
# a beam of 40 and 24 rules (30 ms a word), 653 with 20 (17 ms), 641 with 15 (14 ms); with 12 rules
# and a beam of 40, 562 (12 ms): which slips are tried matters more than how many words are kept.
BEAM = 15
RULES_PER_SPELLING = 24
MIN_RULE_LOG_PROB = -8.0  # rarer slips are left to the letter searches
# Only words written at least once per 10 million (Zipf 2): on the same 1,000 words Zipf 1 (the wide
# search's floor) found 641 and Zipf 2 640, with 52,614 words to search instead of 86,936 (less
# memory, 12 ms a word instead of 14).
MIN_ZIPF = 2.0
# Nats behind the best partial word offered at the same point at which a slip is no longer tried
# (a partial word's score can rise no higher than its commonest completion allows).
WIDTH = 12.0
_HIGH = "\U0010ffff"


class Respeller:
    def __init__(self, channel: Channel, rows: list[tuple[str, float]]):
        """rows: (word, zipf) of the words that may be proposed."""
        self._rules: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for intended, spellings in channel.rules().items():
            for written, lp in spellings.items():
                if lp >= MIN_RULE_LOG_PROB:
                    self._rules[written].append((intended, lp))
        for written in self._rules:
            self._rules[written] = sorted(self._rules[written], key=lambda r: -r[1])[:RULES_PER_SPELLING]
        self._span = max((len(w) for w in self._rules), default=0)
        zipf = {START + w + END: z for w, z in rows
                if z >= MIN_ZIPF and len(w) >= 2 and w.isalpha() and w.islower()}
        self._keys = sorted(zipf)
        self._zipf = array("f", (zipf[k] for k in self._keys))
        self._table = _sparse_max(self._zipf)

    def words(self, written: str, limit: int = 10) -> list[str]:
        """The likeliest words meant by `written` (lower case), best first: slips' log-probability
        plus log frequency."""
        w = START + written + END
        m = len(w)
        bound = _Memo(self._bound)
        layers: list[dict[str, float]] = [{} for _ in range(m + 1)]
        best = [-math.inf] * (m + 1)  # the best priority offered to each layer so far

        def offer(t: int, prefix: str, score: float) -> None:
            layer = layers[t]
            if score > layer.get(prefix, -math.inf):
                b = bound[prefix]
                if b >= 0:
                    layer[prefix] = score
                    best[t] = max(best[t], score + LN10 * b)

        layers[0][""] = 0.0
        left_out = self._rules.get("", ())
        for j in range(m + 1):
            layer = layers[j]
            # intended letters the writer left out, where nothing written stands for them
            for p, s in list(layer.items()):
                for a, lp in left_out:
                    offer(j, p + a, s + lp)
            if len(layer) > BEAM:
                keep = sorted(layer, key=lambda p: -(layer[p] + LN10 * bound[p]))[:BEAM]
                layer = layers[j] = {p: layer[p] for p in keep}
            if j == m:
                break
            for p, s in layer.items():
                c = w[j]
                offer(j + 1, p + c, s + (0.0 if c in (START, END) else KEEP))
                # no word this prefix can become beats its own bound: rules (likeliest first) that
                # cannot come within WIDTH of the best already offered there are not tried
                cap = s + LN10 * bound[p]
                nexts = self._next_letters(p)
                for k in range(1, min(self._span, m - j) + 1):
                    floor = best[j + k] - WIDTH
                    for a, lp in self._rules.get(w[j : j + k], ()):
                        if cap + lp < floor:
                            break
                        if a[:1] in nexts:
                            offer(j + k, p + a, s + lp)
        done = [(s + LN10 * bound[p], p[1:-1]) for p, s in layers[m].items() if p.endswith(END)]
        done.sort(key=lambda t: (-t[0], t[1]))
        return [word for _, word in done[:limit] if word != written]

    def _next_letters(self, prefix: str) -> set[str]:
        """The letters some word continues `prefix` with, and "" (a rule may add nothing)."""
        keys = self._keys
        lo, hi = self._range(prefix)
        n = len(prefix)
        found = {""}
        while lo < hi:
            if len(keys[lo]) == n:  # the prefix is a whole word already
                lo += 1
                continue
            c = keys[lo][n]
            found.add(c)
            lo = bisect.bisect_left(keys, prefix + c + _HIGH, lo, hi)
        return found

    def _range(self, prefix: str) -> tuple[int, int]:
        """Where the words starting with `prefix` lie in the sorted list (empty where none does)."""
        lo = bisect.bisect_left(self._keys, prefix)
        return lo, bisect.bisect_left(self._keys, prefix + _HIGH, lo)

    def _bound(self, prefix: str) -> float:
        """The Zipf of the commonest word starting with `prefix` (a whole word where it ends in
        END), or -1 where none does."""
        lo, hi = self._range(prefix)
        if lo >= hi:
            return -1.0
        k = (hi - lo).bit_length() - 1
        level = self._table[k]
        return max(level[lo], level[hi - (1 << k)])


class _Memo(dict):
    """prefix -> bound, worked out once per search (many paths offer the same prefix)."""

    def __init__(self, fn):
        super().__init__()
        self._fn = fn

    def __missing__(self, prefix: str) -> float:
        value = self[prefix] = self._fn(prefix)
        return value


def _sparse_max(values: array) -> list[array]:
    """table[k][i] = max(values[i : i + 2**k]): any range's maximum in two lookups. Built with
    numpy (a tenth of a second faster on first use), read as plain arrays (faster item access)."""
    level = np.frombuffer(values.tobytes(), dtype=np.float32)
    table = [values]
    k = 1
    while (1 << k) <= len(values):
        level = np.maximum(level[: len(level) - (1 << (k - 1))], level[1 << (k - 1) :])
        table.append(array("f", level.tobytes()))
        k += 1
    return table


_lock = threading.Lock()
# channel -> lexicon path -> respeller; weak, so a channel fitted for training goes with its respeller
_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def respeller(lex, channel: Channel | None = None) -> Respeller:
    """The respeller over `lex`'s common words with the shipped channel (or `channel`, for
    training with a channel that never saw the word), built once."""
    channel = channel if channel is not None else load_channel()
    with _lock:
        built = _cache.setdefault(channel, {})
        key = str(lex.path)
        if key not in built:
            built[key] = Respeller(channel, lex.common_rows())
        return built[key]
