"""Real words weak spellers write for others ("mad" for "made"), from the training pairs
(`resources/real_words.yaml`): asked about for most words, and for the commonest words ("is" for
"his") only where a neighbouring word points to the other word ("broke is leg")."""

from __future__ import annotations

from typing import Iterator

from ...agreement import word_forms
from ...types import Kind
from ..source import Offer, Source, Written, phrase_zipf
from .forms import INFLECTION


def propose_real_words(word: Written) -> Iterator[Offer]:
    """The pairs of a word not among the commonest, unless far rarer than it. Another form of the
    word itself ("pick" for "picked") is a tense or number slip: it takes the inflection margin, as
    where the word before cues it."""
    tuning = word.tuning
    if word.zipf >= tuning.realword_max_zipf:
        return
    for alt in word.eng.real_words.get(word.low, ()):
        if word.zipf - phrase_zipf(word.lexicon, alt) <= tuning.max_rarer:
            yield alt, INFLECTION.name if alt in word_forms(word.low) else REALWORD.name


def propose_common(word: Written) -> Iterator[Offer]:
    """The commonest words are meant as written far more often: their pairs only on a cue."""
    for alt in word.eng.common_words.get(word.low, ()):
        if word.points_to(alt):
            yield alt, COMMON.name


REALWORD = Source("realword", Kind.SPELLING, propose=propose_real_words)
COMMON = Source("common", Kind.SPELLING, propose=propose_common)
