"""The keys a word is filed under in the index, so the words near a misspelling are found by lookup.

Two kinds: SymSpell-style symmetric deletes (a misspelling and its word share a key when each is
at most two deletions from it) and sound codes (Double Metaphone, plus a few respellings it codes
apart). The index is built with these functions and queried with them, so both sides must agree.
"""

from __future__ import annotations

# SymSpell-style symmetric deletes: up to MAX_DELETES deletions within the first PREFIX letters.
PREFIX = 7
MAX_DELETES = 2


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
    """The sound codes a dictionary word is filed under: its own and its respellings'."""
    keys = sound_keys(word)
    for old, new in _RESPELLINGS:
        if old in word:
            keys |= sound_keys(word.replace(old, new))
    return keys
