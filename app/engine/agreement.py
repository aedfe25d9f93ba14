"""Word forms the word before calls for: "he was play" (playing), "six week" (weeks), "to went" (go).

Weak spellers often drop or garble an ending, and the result is still a word, so nothing marks it.
Where the word just before is a telling cue (an auxiliary, a number, a third-person pronoun, a
modal or "to"), the other forms of the same word become options that the context layer weighs in
the sentence; it keeps the written form unless the model clearly prefers another.

Only these cues are used: offering every form of every word cost twice the time and made as many
false alarms as corrections on the dev half (children mix tenses; the tagging keeps most of them).
Lemmas and irregular forms come from `lemminflect` (a maintained lemmatiser and inflection table),
not from hand-written lists.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

# Forms of "be" (and its contractions) before a verb's plain form: a missing -ing ("was play").
BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "i'm", "you're", "he's", "she's", "it's",
                "we're", "they're"})
# Quantities before a singular noun: a missing plural ending ("six week").
MANY = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                  "twenty", "hundred", "many", "several", "these", "those", "both", "few"})
# One of something before a plural noun ("a girls").
ONE = frozenset({"a", "an", "one", "each", "every", "another"})
# Third-person subjects before a verb's plain form: a dropped -s or -ed ("he look", "it stop").
THIRD = frozenset({"he", "she", "it"})
# Subjects that take the plain form, before a third-person -s form ("they likes").
PLAIN_SUBJECT = frozenset({"i", "you", "we", "they"})
SUBJECT = THIRD | PLAIN_SUBJECT
# Words followed by a verb's plain form ("to went", "can saw", "didn't liked").
MODAL = frozenset({"to", "can", "could", "will", "would", "should", "must", "may", "might", "shall", "did",
                   "do", "does", "didn't", "don't", "doesn't", "can't", "won't", "couldn't", "wouldn't",
                   "shouldn't"})
# A share of a group before a singular noun: a missing plural ending ("one of my friend").
SHARE_OF_RE = re.compile(r"(?<![\w'])(?:one|each|some|any|none|many|most|all|both|several|either|neither) of "
                         r"(?:the|my|your|his|her|its|our|their|these|those) $", re.IGNORECASE)
CUES = BE | MANY | ONE | SUBJECT | MODAL  # every word after which another form may be wanted
# "do" is also a verb of its own ("do homework"): after it a non-verb is no sign of a slip.
DO = frozenset({"do", "does", "did"})
# Helping verbs after "be" are a different slip ("they are have"), not a missing -ing.
AUXILIARY = MODAL | {"have", "has", "had"}

_lock = threading.Lock()


def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    with _lock:  # its tables load on first use; two threads must not both load them
        return lemminflect.getAllLemmas(word)


def _form(lemma: str, tag: str) -> tuple[str, ...]:
    import lemminflect

    with _lock:
        return lemminflect.getInflection(lemma, tag) or ()


def is_verb(word: str) -> bool:
    lemmas = _lemmas(word.lower())
    return bool(lemmas.get("VERB") or lemmas.get("AUX"))


# lemminflect files pronouns under NOUN ("she", "this"); they own nothing and are owned by nobody.
PRONOUN_WORDS = frozenset({"i", "me", "my", "mine", "he", "him", "his", "she", "her", "hers", "it", "its", "we",
                           "us", "our", "ours", "they", "them", "their", "theirs", "you", "your", "yours", "who",
                           "whom", "whose", "what", "which", "this", "that", "these", "those"})


def is_noun(word: str) -> bool:
    low = word.lower()
    return low not in PRONOUN_WORDS and bool(_lemmas(low).get("NOUN"))


def is_singular_noun(word: str) -> bool:
    low = word.lower()
    return low not in PRONOUN_WORDS and low in _lemmas(low).get("NOUN", ())


def share_plurals(before: str, word: str) -> tuple[str, ...]:
    """The plural of a singular noun after "one of my" and the like ("one of my sister" ->
    sisters), or () where the words before are no such cue. `before` is the text before `word`."""
    low = word.lower()
    if not low.isalpha() or not SHARE_OF_RE.search(before) or not is_singular_noun(low):
        return ()
    return tuple(f for f in _form(low, "NNS") if f != low)


# What an article stands for where no noun can follow it: "the was" (there, they, he, she), "a said" (and).
ARTICLE_SLIPS = {"the": ("they", "there", "he", "she", "then"), "a": ("and", "at"), "an": ("and",)}


def article_slips(word: str, following: str) -> tuple[str, ...]:
    """What an article (`word`) may stand for where the word after it cannot start what an article
    introduces: a pronoun, or a verb form that is nothing else ("the was", "the sent", "a said")."""
    low, nxt = word.lower(), following.lower()
    if low not in ARTICLE_SLIPS:
        return ()
    if nxt in SUBJECT:  # a subject pronoun ("the she")
        return ARTICLE_SLIPS[low]
    lemmas = _lemmas(nxt)
    verbs = lemmas.get("VERB", ()) + lemmas.get("AUX", ())
    if not verbs or nxt in verbs or any(lemmas.get(t) for t in ("NOUN", "ADJ", "ADV", "PROPN")):
        return ()
    return ARTICLE_SLIPS[low]


# A plain ending and the forms it stands for: what a writer meant by adding it to a word.
_PLAIN_ENDINGS = (("s", ("NNS", "VBZ")), ("es", ("NNS", "VBZ")), ("ed", ("VBD", "VBN")), ("d", ("VBD", "VBN")),
                  ("ing", ("VBG",)), ("er", ("JJR",)), ("est", ("JJS",)), ("t", ("VBD", "VBN")))
# After these sounds -ed is said /t/, and a writer may spell it so ("helpt", "fixt"); "bant" is no "banned".
_VOICELESS = ("p", "k", "s", "f", "x", "ch", "sh")


def regular_slips(word: str, known) -> tuple[str, ...]:
    """The right forms of a word that a writer gave a plain ending English does not use there:
    "babys" -> babies, "stoped" -> stopped, "comeing" -> coming, "runned" -> ran, "catched" ->
    caught. `known(stem)` says whether a stem is a word. Weak spellers apply the regular rule where
    a spelling change or an irregular form is due, and an edit-distance model prices that slip as
    several letters ("catched" -> "caught" is four), so these forms come from the inflection table."""
    out: list[str] = []
    for ending, tags in _PLAIN_ENDINGS:
        stem = word[: -len(ending)]
        # "gass" is a doubled letter, not an ending; "killd" a dropped letter (-d ends words in -e)
        if (not word.endswith(ending) or len(stem) < 2 or (ending == "s" and stem.endswith("s"))
                or (ending == "d" and not stem.endswith("e"))):
            continue
        # "runned": the writer doubled the consonant too
        for base in dict.fromkeys([stem] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])):
            if not known(base):
                continue
            table = _inflections(base)
            for tag in tags:
                for form in table.get(tag, ()):
                    if ending == "t" and not (form.endswith("ed") and base.endswith(_VOICELESS)):
                        continue
                    # a past that is its verb's plain form ("hitted" -> hit), but no noun's own form
                    if form != word and (form != base or tag.startswith("VB")) and form not in out:
                        out.append(form)
    return tuple(out)


@lru_cache(maxsize=20000)
def _inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    with _lock:
        return lemminflect.getAllInflections(lemma)


def wants_verb(previous: str, word: str) -> bool:
    """True where `previous` (a subject pronoun, a modal, "to") calls for a verb and `word` is no
    verb at all, so a slip probably hides one ("I thing", "he tod", "we decider")."""
    prev = previous.lower()
    wanted = prev in SUBJECT or (prev in MODAL and prev not in DO)
    return wanted and word.isalpha() and not is_verb(word)


@lru_cache(maxsize=20000)
def word_forms(word: str) -> tuple[str, ...]:
    """Every form of every word `word` may be a form of ("walk": walks, walked, walking; "men":
    man, men's...), lemminflect's tables, `word` itself left out."""
    low = word.lower()
    out: set[str] = set()
    for lemmas in _lemmas(low).values():
        for lemma in lemmas:
            out.add(lemma)
            for forms in _inflections(lemma).values():
                out.update(forms)
    out.discard(low)
    return tuple(sorted(out))


def warm_up() -> None:
    """Load lemminflect's tables (about 0.7 s) before the first sentence needs them."""
    _lemmas("went")
    _form("go", "VBG")


@lru_cache(maxsize=20000)
def cued_forms(previous: str, word: str) -> tuple[str, ...]:
    """Other forms of `word` that `previous` (the word before it, lower case) makes likely;
    empty where `previous` is no cue. Not checked against any dictionary: callers keep known ones."""
    prev, low = previous.lower(), word.lower()
    if not low.isalpha() or prev not in CUES:
        return ()
    lemmas = _lemmas(low)
    verbs, nouns = lemmas.get("VERB", ()), lemmas.get("NOUN", ())
    out: list[str] = []
    if prev in BE and low in verbs and low not in AUXILIARY:
        out += _form(low, "VBG")
    if prev in THIRD and low in verbs:
        # "he look" is "looks" or, in a story, "looked": the sentence decides which
        out += _form(low, "VBZ") + _form(low, "VBD")
    if prev in PLAIN_SUBJECT:
        out += [v for v in verbs if low != v and low in _form(v, "VBZ")]
    if prev in MODAL:
        out += [v for v in verbs if v != low]
    if prev in MANY and low in nouns:
        out += _form(low, "NNS")
    if prev in ONE:
        out += [n for n in nouns if n != low and low in _form(n, "NNS")]
    return tuple(dict.fromkeys(f for f in out if f != low and f.isalpha()))
