"""Ranking the corrections of one word: a noisy-channel score, log P(word) - λ·cost(typo | word)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from ..agreement import regular_slips
from .error_model import JOIN_COST, RESPELLINGS, SPLIT_COST, edit_cost
from ..lexicon import AMERICAN, BRITISH, Lexicon
from .misspellings import load_misspellings, on_table_change
from ..morphology import variants
from .ranker import features, logit, softmax, wide_index
from .respell import respeller
from ..types import Kind

MAX_DISTANCE = 2
# The words the learned slips lead back to (`respell`) that join a wide pool, likeliest first.
RESPELL_LIMIT = 10
_VOWELS = frozenset("aeiouy")
MAX_SOUND_LENGTH_GAP = 3
# Words this short get only the close search: a wide one finds hundreds of unrelated short words.
WIDE_MIN_LENGTH = 4
_SPLIT_PARTS_SINGLE = {"a", "i"}
# The right form of a word given a plain ending (`agreement.regular_slips`) is ranked first by this
# much (logit), and costs as little as a doubled letter, where the edit model prices it at least
# REGULAR_SLIP_MIN_COST (`slip_forms`).
REGULAR_SLIP_LEAD = 1.0
REGULAR_SLIP_COST = 0.3
REGULAR_SLIP_MIN_COST = 0.8
# A word weak spellers meant by this very misspelling (`misspellings`) gains SEEN_BONUS plus the log
# of the times it was seen on its logit, and costs no more than SEEN_COST, however far apart the
# letters are ("cort" -> caught).
SEEN_BONUS = 4.0
SEEN_COST = 0.1


@dataclass(frozen=True)
class Candidate:
    text: str
    cost: float  # the error model's cost of this slip
    score: float  # the ranker's logit (plus any context bonus)
    kind: str
    prob: float = 0.0  # the ranker's probability that this is the word meant, within its pool


def explain(kind: str, typo: str, word: str) -> str:
    """One line for the editor's popup."""
    if kind == Kind.SPACING:
        return f"'{typo}' is written as separate words: {word}"
    if kind == Kind.REVERSAL:
        return f"letters mixed up or in the wrong order: {word}"
    if kind == Kind.PHONETIC:
        return f"spelt the way it sounds: {word}"
    return f"not in the dictionary: did you mean {word}?"


def candidate_pool(lex: Lexicon, low: str, wide: bool | None = None, channel=None) -> dict[str, tuple[bool, bool]]:
    """word -> (found by the close search, sounds the same). `wide` adds the wider letter and sound
    searches; None adds them for words of WIDE_MIN_LENGTH letters or more (on the training split
    that raised top-5 from 70.6% to 72.6%, at about twice the time per word), with the words the
    learned slips lead back to (`respell`), traced with `channel` where given (training passes one
    fitted without the word) or the shipped one."""
    # Short words have hundreds of neighbours at distance 2, almost none of them meant.
    max_distance = 1 if len(low) <= 4 else MAX_DISTANCE
    pool: dict[str, tuple[bool, bool]] = {}
    for w in lex.near(low):
        if w != low and OSA.distance(low, w, score_cutoff=max_distance) <= max_distance:
            pool[w] = (True, False)
    for w in lex.sounds_like(low):
        # A shared sound code is loose ("wooly" and "all" share one); keep the first letter too.
        if w != low and abs(len(w) - len(low)) <= MAX_SOUND_LENGTH_GAP and _same_start(w, low):
            pool[w] = (True, True)
    if wide is None:
        wide = len(low) >= WIDE_MIN_LENGTH
    if wide:
        index = wide_index(lex)
        for w in index.letters_near(low) + index.sounds_near(low):
            if w != low and w not in pool:
                pool[w] = (False, False)
        if RESPELL_LIMIT:
            for w in respeller(lex, channel).words(low, RESPELL_LIMIT):
                if w not in pool:
                    pool[w] = (False, False)
    return pool


def rank_corrections(
    lex: Lexicon, typo: str, limit: int = 5, prev: str | None = None, nxt: str | None = None,
    wide: bool | None = None,
) -> list[Candidate]:
    """The best corrections for a word the dictionary does not know (or knows as rare).

    `prev` and `nxt`, the neighbouring words, let common word pairs break ties ("the weather" over
    "the whether").
    """
    out = list(_ranked(lex, typo.lower(), wide))
    spelling = lex.spelling  # read once: the editor's thread may change it while this one ranks
    if spelling:
        out = _in_spelling(lex, out, spelling)
    if prev or nxt:
        out = [_with_context(lex, c, prev, nxt) for c in out[:CONTEXT_POOL]]
        out.sort(key=lambda c: (-c.score, c.text))
    return out[:limit]


@lru_cache(maxsize=4096)
def _ranked(lex: Lexicon, low: str, wide: bool | None) -> tuple[Candidate, ...]:
    out: list[Candidate] = []
    pool = candidate_pool(lex, low, wide)
    for w, (close, same_sound) in pool.items():
        vec, c = features(low, w, lex.zipf(w), close, same_sound, lex.is_name(w))
        if c.phonetic:
            kind = Kind.PHONETIC
        elif c.reversal:
            kind = Kind.REVERSAL
        else:
            kind = Kind.SPELLING
        out.append(Candidate(lex.form(w), c.value, logit(vec), kind))
    for a, b, z in _splits(lex, low):
        out.append(Candidate(f"{a} {b}", SPLIT_COST, logit(split_features(low, a, b, z)), Kind.SPACING))
    seen = seen_forms(lex, low)
    if seen:
        # How often weak spellers meant a word by this very misspelling is evidence the ranker,
        # pricing letters, cannot see: it adds to the word's logit, so one noisy pairing ("gril"
        # for "go") does not outrank a close word.
        by_text = {c.text.lower(): c for c in out}
        for w, n in seen:
            parts = w.split(" ")
            close, same_sound = pool.get(w, (False, False))
            vec, cost = features(low, w, min(map(lex.zipf, parts)), close, same_sound, lex.is_name(parts[0]))
            if len(parts) > 1:
                kind = Kind.SPACING
            elif cost.phonetic or w not in by_text:
                kind = Kind.PHONETIC
            else:
                kind = Kind.REVERSAL if cost.reversal else Kind.SPELLING
            by_text[w] = Candidate(" ".join(map(lex.form, parts)), min(cost.value, SEEN_COST),
                                   logit(vec) + SEEN_BONUS + math.log(n), kind)
        out = list(by_text.values())
    slips = slip_forms(lex, low)
    if slips:
        # A plain ending where English wants another form ("babys", "catched"): the inflection
        # table knows what was meant, which the ranker, pricing letters, cannot see.
        top = max((c.score for c in out), default=0.0) + REGULAR_SLIP_LEAD
        out = [Candidate(lex.form(w), REGULAR_SLIP_COST, top - i * 0.1, Kind.SPELLING) for i, w in enumerate(slips)] + [
            c for c in out if c.text.lower() not in slips]
    probs = softmax([c.score for c in out])
    out = [Candidate(c.text, c.cost, c.score, c.kind, round(p, 4)) for c, p in zip(out, probs)]
    out.sort(key=lambda c: (-c.score, c.text))
    return tuple(out)


on_table_change(_ranked.cache_clear)  # its rankings weigh the known misspellings (`seen_forms`)


def ranker_scores(lex: Lexicon, low: str) -> dict[str, float]:
    """Every correction the ranker weighed for `low`, lower case, with its logit (no context bonus)."""
    return {c.text.lower(): c.score for c in _ranked(lex, low, None)}


def seen_forms(lex: Lexicon, low: str) -> tuple[tuple[str, int], ...]:
    """The words weak spellers meant by `low` (`misspellings`) that the lexicon offers, with how
    often each was seen. Not for a word the lexicon knows as a common one."""
    if " " not in low and lex.is_common(low):
        return ()
    return tuple((w, n) for w, n in load_misspellings().get(low, ()) if all(map(lex.is_valid, w.split(" "))))


@lru_cache(maxsize=4096)
def slip_forms(lex: Lexicon, low: str) -> tuple[str, ...]:
    """The common words a plain ending stands for (`agreement.regular_slips`) that the error model
    prices as more than one cheap slip: "babys" -> babies, "catched" -> caught, not "stoped" ->
    stopped, which it finds anyway (on the training pairs, leaving those to the ranker made 11 more
    first choices right of 382: "beting" is as often "beating" as "betting"). Cached: the fast
    ranking and the context layer both ask for a non-word's."""
    return tuple(w for w in regular_slips(low, lex.is_common)
                 if lex.is_common(w) and edit_cost(low, w).value >= REGULAR_SLIP_MIN_COST)


def _in_spelling(lex: Lexicon, ranked: list[Candidate], spelling: str) -> list[Candidate]:
    """Drop a correction in the other spelling where its counterpart in the writer's is also offered
    ("colur": color gives way to colour for a British writer), handing it its probability. One
    without a counterpart stays ("downtown" has no British spelling to give way to)."""
    twins = _twins(lex, [c.text.lower() for c in ranked], spelling)
    gained: dict[str, float] = {}  # a kept word -> the probability of its twins dropped
    for c in ranked:
        if c.text.lower() in twins:
            kept = twins[c.text.lower()]
            gained[kept] = gained.get(kept, 0.0) + c.prob
    return [replace(c, prob=round(c.prob + gained[c.text.lower()], 4)) if c.text.lower() in gained else c
            for c in ranked if c.text.lower() not in twins]


def words_in_spelling(lex: Lexicon, options: list[str], spelling: str | None) -> list[str]:
    """Words (lower case) less those in the other spelling whose counterpart in `spelling` is
    among them: "traveled" goes where "travelled" is also offered to a British writer."""
    if not spelling:
        return options
    twins = _twins(lex, options, spelling)
    return [w for w in options if w not in twins]


def _twins(lex: Lexicon, words: list[str], spelling: str) -> dict[str, str]:
    """Each of `words` (lower case) in the other spelling whose counterpart in `spelling` is among
    them -> that counterpart."""
    other = AMERICAN if spelling == BRITISH else BRITISH
    kinds = [lex.variety(w) for w in words]
    mine = {w for w, kind in zip(words, kinds) if kind == spelling}
    found = {w: _counterpart(w, mine) for w, kind in zip(words, kinds) if kind == other}
    return {w: twin for w, twin in found.items() if twin is not None}


def _counterpart(word: str, mine: set[str]) -> str | None:
    """`word`'s spelling in the other variety, if `mine` has it: a usual variant ending (-or/-our,
    -ize/-ise, -er/-re...) or one vowel for another ("gray", "grey"). The dictionaries' own
    differences are noisier than that ("mars" and "maras" are each in one only), so no looser match."""
    for m in variants(word):
        if m in mine:
            return m
    for m in mine:
        if len(m) == len(word):
            diff = [(a, b) for a, b in zip(word, m) if a != b]
            if len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS:
                return m
    return None


# Weight of word-pair association and how many leading candidates it may reorder.
MU = 0.5
CONTEXT_POOL = 12
_UNSEEN_PMI = -1.0


def _pmi(lex: Lexicon, a: str, b: str) -> float:
    """Pointwise mutual information of a word pair in log10 units, clipped to [-2, 4]."""
    bz = lex.bigram_zipf(a, b)
    if bz <= 0:
        return _UNSEEN_PMI
    return max(-2.0, min(4.0, bz - lex.zipf(a) - lex.zipf(b) + 9.0))


def _with_context(lex: Lexicon, c: Candidate, prev: str | None, nxt: str | None) -> Candidate:
    parts = c.text.lower().split(" ")
    bonus = 0.0
    if prev and lex.is_common(prev):
        bonus += _pmi(lex, prev.lower(), parts[0])
    if nxt and lex.is_common(nxt):
        bonus += _pmi(lex, parts[-1], nxt.lower())
    return Candidate(c.text, c.cost, c.score + MU * bonus, c.kind, c.prob)


def _same_start(word: str, typo: str) -> bool:
    """Same first letter, or a usual respelling of the word's first sound ("phone" for "fone")."""
    if word[:1] == typo[:1]:
        return True
    return any(word.startswith(old) and new[:1] == typo[:1] for old, new in RESPELLINGS)


def split_features(low: str, a: str, b: str, pair_zipf: float, channel=None) -> list[float]:
    """The ranker's features for reading `low` as the two words `a b` (one missing space)."""
    vec, _c = features(low, f"{a} {b}", pair_zipf, True, False, channel=channel)
    vec[0] = SPLIT_COST
    return vec


def _splits(lex: Lexicon, low: str) -> list[tuple[str, str, float]]:
    """"alot" -> "a lot": both halves common words that are often written together."""
    found = []
    for i in range(1, len(low)):
        a, b = low[:i], low[i:]
        if (len(a) < 2 and a not in _SPLIT_PARTS_SINGLE) or (len(b) < 2 and b not in _SPLIT_PARTS_SINGLE):
            continue
        if not (lex.is_common(a) and lex.is_common(b)):
            continue
        z = lex.bigram_zipf(a, b)
        if z > 0:
            found.append((a, b, z))
    return found


def join_candidate(lex: Lexicon, first: str, second: str) -> Candidate | None:
    """"some where" -> "somewhere" when the joined word is far more usual than the pair."""
    a, b = first.lower(), second.lower()
    if a in ("a", "an", "the", "i"):
        return None  # "a round", "a part" and "I ran" are fine pairs
    joined = a + b
    if not lex.is_common(joined) or joined in lex.contraction_bare_forms:
        return None
    if lex.form(joined)[:1].isupper():
        return None  # "I ran" is not "Iran"
    zj = lex.zipf(joined)
    if zj < 3.0:
        return None
    gap = zj - lex.bigram_zipf(a, b)
    if gap < JOIN_MIN_GAP:
        return None
    return Candidate(lex.form(joined), JOIN_COST, gap, Kind.SPACING)


# How much more frequent (in Zipf units) the joined word must be than the two-word pair.
JOIN_MIN_GAP = 0.35


def confidence(ranked: list[Candidate]) -> float:
    """How sure the top candidate is the one: the ranker's probability, after any context bonus."""
    if not ranked:
        return 0.0
    top = ranked[0].prob
    if len(ranked) > 1 and ranked[1].score > ranked[0].score - 1.0:
        top = min(top, 1 / (1 + math.exp(-(ranked[0].score - ranked[1].score))))
    return round(min(0.98, max(0.3, top)), 3)
