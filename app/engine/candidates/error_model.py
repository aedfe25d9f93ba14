"""How likely a writer who meant `word` is to have typed `typo`, as a cost (lower = likelier).

A weighted edit distance in which the slips dyslexic writers make most are cheap: b/d/p/q and
m/w/n/u reversals, swapped neighbours, doubled or dropped double letters, vowel swaps and
letters that sound alike. rapidfuzz finds the alignment (fast, in C); the weights are applied
here because no packaged metric takes per-letter-pair costs.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

VOWELS = frozenset("aeiouy")
_REVERSALS = {frozenset(p) for p in ("bd", "pq", "bp", "dq", "mw", "nu", "mn")}
_SOUND_ALIKE = {
    frozenset(p)
    for p in ("ck", "cs", "sz", "kq", "fv", "gj", "iy", "sc", "xz", "td", "gk", "fp", "wv", "jy", "ln")
}
_QUIET_LETTERS = frozenset("ehwkgub")

COST_REVERSAL = 0.35
COST_TRANSPOSE = 0.45
COST_DOUBLE = 0.3
COST_VOWEL = 0.55
COST_SOUND_ALIKE = 0.6
COST_QUIET = 0.65
COST_VOWEL_INDEL = 0.75
COST_DEFAULT = 1.0
FIRST_LETTER_PENALTY = 0.4
SOUND_MATCH_BASE = 0.8  # cost for a word that sounds the same, however it is spelt
SOUND_PER_EDIT = 0.25
RESPELL_COST = 0.25  # writing a sound with another usual spelling of it ("fone" for "phone")

# Usual spellings of the same sound, as (in the word, as the writer may spell it).
RESPELLINGS = (
    ("ph", "f"), ("ough", "uff"), ("ough", "o"), ("ough", "ow"), ("augh", "af"), ("ight", "ite"),
    ("igh", "i"), ("tion", "shun"), ("sion", "shun"), ("ck", "k"), ("wh", "w"), ("wr", "r"),
    ("kn", "n"), ("mb", "m"), ("sch", "sk"), ("ch", "k"), ("qu", "kw"), ("x", "ks"), ("ce", "se"),
    ("ci", "si"), ("ea", "ee"), ("ee", "ea"), ("ai", "ay"), ("ay", "ai"), ("oo", "u"), ("ou", "ow"),
    ("ow", "ou"), ("our", "or"), ("ture", "cher"), ("ous", "us"), ("le", "el"), ("y", "ee"),
    ("ey", "ee"), ("ue", "oo"), ("ew", "oo"), ("aw", "or"), ("al", "or"), ("s", "z"), ("c", "k"),
)
SPLIT_COST = 0.35  # a missing space ("alot")
JOIN_COST = 0.35  # a space too many ("some where")


@dataclass(frozen=True)
class Cost:
    value: float
    reversal: bool  # the slip includes a letter reversal or swapped neighbours
    edits: int  # plain edit operations
    phonetic: bool = False  # explained by how the word sounds rather than by slips


def substitution_cost(a: str, b: str) -> float:
    pair = frozenset((a, b))
    if pair in _REVERSALS:
        return COST_REVERSAL
    if a in VOWELS and b in VOWELS:
        return COST_VOWEL
    if pair in _SOUND_ALIKE:
        return COST_SOUND_ALIKE
    return COST_DEFAULT


def _indel_cost(s: str, i: int) -> float:
    """Cost of the letter s[i] being present in one spelling and absent in the other."""
    c = s[i]
    if (i > 0 and s[i - 1] == c) or (i + 1 < len(s) and s[i + 1] == c):
        return COST_DOUBLE
    if c in VOWELS:
        return COST_VOWEL_INDEL
    if c in _QUIET_LETTERS:
        return COST_QUIET
    return COST_DEFAULT


def edit_cost(typo: str, word: str, sounds_same: bool = False) -> Cost:
    """The cheapest story of how `word` became `typo`: plain slips, or slips after a respelling."""
    typo = typo.lower()
    word = word.lower()
    best = _plain_cost(typo, word)
    for old, new in RESPELLINGS:
        if old in word and new not in word:
            c = _plain_cost(typo, word.replace(old, new))
            value = c.value + RESPELL_COST
            if value < best.value:
                best = Cost(round(value, 4), c.reversal, c.edits, True)
    if sounds_same:
        # Double Metaphone codes are coarse, so the more letters differ the less a shared code says.
        sound = SOUND_MATCH_BASE + SOUND_PER_EDIT * best.edits
        if sound < best.value:
            best = Cost(round(sound, 4), best.reversal, best.edits, True)
    return best


def _plain_cost(typo: str, word: str) -> Cost:
    ops = Levenshtein.editops(typo, word)
    total = 0.0
    reversal = False
    used: set[int] = set()
    ops_list = list(ops)
    for k, op in enumerate(ops_list):
        if k in used:
            continue
        nxt = ops_list[k + 1] if k + 1 < len(ops_list) else None
        if op.tag == "replace":
            a, b = typo[op.src_pos], word[op.dest_pos]
            if (
                nxt is not None
                and nxt.tag == "replace"
                and nxt.src_pos == op.src_pos + 1
                and typo[nxt.src_pos] == b
                and word[nxt.dest_pos] == a
            ):
                total += COST_TRANSPOSE
                reversal = True
                used.add(k + 1)
                continue
            c = substitution_cost(a, b)
            if c == COST_REVERSAL:
                reversal = True
            if op.src_pos == 0 and op.dest_pos == 0 and c > COST_SOUND_ALIKE:
                c += FIRST_LETTER_PENALTY
            total += c
        elif op.tag == "delete":  # the writer typed a letter too many
            if (
                nxt is not None
                and nxt.tag == "insert"
                and abs(nxt.src_pos - op.src_pos) <= 2
                and word[nxt.dest_pos] == typo[op.src_pos]
            ):
                total += COST_TRANSPOSE  # a letter typed one place out ("gril" for "girl")
                reversal = True
                used.add(k + 1)
                continue
            total += _indel_cost(typo, op.src_pos)
        else:  # insert: the writer left a letter out
            if (
                nxt is not None
                and nxt.tag == "delete"
                and abs(nxt.src_pos - op.src_pos) <= 2
                and typo[nxt.src_pos] == word[op.dest_pos]
            ):
                total += COST_TRANSPOSE
                reversal = True
                used.add(k + 1)
                continue
            total += _indel_cost(word, op.dest_pos)
    return Cost(round(total, 4), reversal, len(ops_list), False)
