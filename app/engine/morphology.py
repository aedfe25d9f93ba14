"""Accepting inflections and US/UK variants of known words.

The packaged word lists miss many regular forms ("neighbors", "canceled", "practicing"). A word
that wordfreq has seen often enough is accepted when it is a regular form of a common word. Forms
that would hide classic misspellings are not derived: a consonant-vowel-consonant stem takes a
vowel suffix only with the doubled consonant ("stopped", never "stoped"; "occured" stays flagged),
unless the other spelling convention doubles it ("canceled" is accepted because "cancelled" is).
"""

from __future__ import annotations

_VOWELS = set("aeiou")

# US <-> UK spellings, applied in both directions.
_VARIANTS = (("or", "our"), ("ize", "ise"), ("yze", "yse"), ("ization", "isation"), ("er", "re"),
             ("og", "ogue"), ("ense", "ence"), ("eled", "elled"), ("eling", "elling"), ("eler", "eller"),
             ("led", "lled"), ("ling", "lling"), ("ler", "ller"), ("eled", "elled"), ("ment", "ement"))


def _cvc(stem: str) -> bool:
    return (
        len(stem) >= 3
        and stem[-1] not in _VOWELS | {"w", "x", "y"}
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    )


def stems(word: str) -> set[str]:
    """Words that `word` is a regular inflection of (with the doubling rule above)."""
    out: set[str] = set()
    for suffix in ("s", "es", "ed", "ing", "er", "ers", "est", "ly", "ness", "ment", "ments"):
        if not word.endswith(suffix) or len(word) - len(suffix) < 2:
            continue
        stem = word[: -len(suffix)]
        vowel_suffix = suffix[0] in _VOWELS
        if vowel_suffix:
            out.add(stem + "e")  # practic-ing -> practice
            if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                out.add(stem[:-1])  # stopp-ed -> stop
            if _cvc(stem):
                continue  # "stoped": the doubled form is the right one
        out.add(stem)
    if word.endswith(("ies", "ied")) and len(word) > 4:
        out.add(word[:-3] + "y")
    return out


def variants(word: str) -> set[str]:
    out = set()
    for us, uk in _VARIANTS:
        for a, b in ((us, uk), (uk, us)):
            i = word.rfind(a)
            if i > 0:
                out.add(word[:i] + b + word[i + len(a):])
    return out


def is_regular_form(word: str, known) -> bool:
    """True when `word` is an inflection or spelling variant of a word for which `known(w)` holds."""
    if any(known(v) for v in variants(word)):
        return True
    for s in stems(word):
        if known(s) or any(known(v) for v in variants(s)):
            return True
    return False


def inflections(stem: str) -> set[str]:
    """The regular forms a stem may take: plural or third person, past, -ing (not checked
    against any dictionary; callers keep the known ones)."""
    if len(stem) < 2 or not stem.isalpha():
        return set()
    out = {stem + "s", stem + "es", stem + "ed", stem + "ing"}
    if stem.endswith("e"):
        out |= {stem + "d", stem[:-1] + "ing"}
    if stem.endswith("y") and stem[-2] not in _VOWELS:
        out |= {stem[:-1] + "ies", stem[:-1] + "ied"}
    if _cvc(stem):
        out |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    return out
