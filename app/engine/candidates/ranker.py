"""A learned ranking of corrections for one misspelled word.

Severe misspellings ("dicuverd", "sneking") are often more than two slips from the intended word,
beyond what the symmetric-delete index finds. The *wide* pool adds words of similar length whose
letters overlap most (rapidfuzz, in C), words whose sound code is one step from the typo's, and the
words weak spellers' learned slips lead back to (`respell`: "nolij" -> knowledge).
Every candidate is then described by a few features (weighted edit cost, plain and phonetic
distances, shared first/last letters, frequency) and scored by a linear model whose weights were
fitted, as a softmax over each pool, on the *training* split of the training pairs
(`dyslexic-writer train ranker`; weights in resources/generated/ranker.yaml). The held-out split is never used.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, JaroWinkler, Levenshtein

from ...package_data import load_yaml
from .channel import load_channel
from .error_model import edit_cost

FEATURES = (
    "cost", "lev", "indel_sim", "jaro", "sound_dist", "sound_same", "first", "last", "len_gap",
    "zipf", "prefix", "bias_pool", "reversal", "respelled", "cheap", "name", "channel",
)
# The learned channel's log-probability of the slip (`engine.candidates.channel`: how weak spellers really
# write letters), floored: a slip it has no rule for is this unlikely. On the held-out pairs
# (`bench-words`) it took the ranker's top-1 from 51.3% to 57.2% and top-5 from 71.2% to 75.7%
# (fitted with the channel of the other half of the training words, so the feature is weighed as
# it does on words the channel never saw: `training.ranker`).
CHANNEL_FLOOR = -30.0
WIDE_LIMIT = 40  # letter-overlap neighbours taken into the pool
SOUND_LIMIT = 60  # sound-code neighbours kept (the closest in letters)
WIDE_MIN_ZIPF = 1.0  # the wide search looks only at words written at least once per 100M words
MAX_LEN_GAP = 3


@dataclass(frozen=True)
class Scored:
    word: str
    cost: float  # weighted edit cost (the error model)
    score: float  # the learned model's logit
    phonetic: bool
    reversal: bool


def sound_codes(word: str) -> set[str]:
    from doublemetaphone import doublemetaphone

    return {c for c in doublemetaphone(word) if c}


class WideIndex:
    """In-memory lists for the wide search, loaded from the compiled dictionary on first use."""

    def __init__(self, rows):
        """rows: (word, zipf) of common words."""
        self.by_len: dict[int, list[str]] = {}
        self.codes: dict[str, list[str]] = {}
        for w, z in rows:
            if z < WIDE_MIN_ZIPF or len(w) < 2 or "'" in w:
                continue
            self.by_len.setdefault(len(w), []).append(w)
            for c in sound_codes(w):
                self.codes.setdefault(c, []).append(w)
        self.code_list = list(self.codes)

    def letters_near(self, typo: str) -> list[str]:
        n = len(typo)
        choices = [w for k in range(max(2, n - MAX_LEN_GAP), n + MAX_LEN_GAP + 1) for w in self.by_len.get(k, ())]
        return [m[0] for m in process.extract(typo, choices, scorer=Indel.normalized_similarity, limit=WIDE_LIMIT)]

    def sounds_near(self, typo: str) -> list[str]:
        found: set[str] = set()
        for code in sound_codes(typo):
            for m in process.extract(code, self.code_list, scorer=Levenshtein.distance, score_cutoff=1, limit=None):
                found.update(w for w in self.codes[m[0]] if abs(len(w) - len(typo)) <= MAX_LEN_GAP)
        if len(found) > SOUND_LIMIT:
            # ties broken by the word: a set's order changes with Python's hash seed, run to run
            found = set(sorted(found, key=lambda w: (-Indel.normalized_similarity(typo, w), w))[:SOUND_LIMIT])
        return sorted(found)


_wide_lock = threading.Lock()
_wide: dict[str, WideIndex] = {}


def wide_index(lex) -> WideIndex:
    key = str(lex.path)
    with _wide_lock:
        if key not in _wide:
            _wide[key] = WideIndex(lex.common_rows())
        return _wide[key]


@lru_cache(maxsize=1)
def weights() -> tuple[float, ...]:
    data = load_yaml("ranker.yaml")
    return tuple(float(data["weights"][f]) for f in FEATURES)


def channel_feature(typo: str, word: str, channel=None) -> float:
    """log P(typo written | word meant) by the learned channel (the shipped one unless given),
    floored; a split ("a lot") is priced as its letters run together."""
    lp = (channel if channel is not None else load_channel()).log_prob(typo, word.replace(" ", ""))
    return max(CHANNEL_FLOOR, lp) / 10


def features(typo: str, word: str, zipf: float, in_pool: bool, sounds_same: bool,
             name: bool = False, channel=None) -> tuple[list[float], object]:
    """The feature vector of one candidate, and its error-model cost. `name`: the candidate is a
    name ("Wednesday"), which a writer means less often than an ordinary word as common.
    `channel`: the learned channel to price the slip with (training passes another fold's)."""
    c = edit_cost(typo, word, sounds_same=sounds_same)
    tc, wc = sound_codes(typo), sound_codes(word)
    sd = min((Levenshtein.distance(a, b) for a in tc for b in wc), default=3)
    n = max(len(typo), len(word))
    prefix = 0
    for a, b in zip(typo, word):
        if a != b:
            break
        prefix += 1
    vec = [
        c.value,
        OSA.distance(typo, word) / n,  # a swap of neighbours is one slip, not two
        Indel.normalized_similarity(typo, word),
        JaroWinkler.similarity(typo, word),
        min(sd, 3) / 3,
        float(bool(tc & wc)),
        float(typo[:1] == word[:1]),
        float(typo[-1:] == word[-1:]),
        min(abs(len(typo) - len(word)), 4) / 4,
        zipf / 7,
        min(prefix, 4) / 4,
        float(in_pool),
        float(c.reversal),  # b/d, p/q, swapped neighbours: the slips dyslexic writers make most
        float(c.phonetic),  # explained by a usual respelling of a sound ("fone")
        max(0.0, 1.0 - c.value),  # one cheap slip is far likelier than the cost's slope says
        float(name),
        channel_feature(typo, word, channel),
    ]
    return vec, c


def logit(vec: list[float]) -> float:
    return sum(a * b for a, b in zip(vec, weights()))


def softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    m = max(scores)
    e = [math.exp(s - m) for s in scores]
    t = sum(e)
    return [x / t for x in e]
