"""Homophones and near-homophones ("their" for "there", "flour" for "flower"): the confusion sets
in `resources/confusions.yaml`, each word with a definition for the explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...types import Kind
from ..source import Offer, Source, Written, phrase_zipf
from ..slot import Slot

if TYPE_CHECKING:
    from ..engine import ContextEngine


def propose(word: Written) -> Iterator[Offer]:
    """A set's other members, unless far rarer than the written word: a rare one only where weak
    spellers are known to write the one for the other, or a neighbouring word points to it."""
    tuning = word.tuning
    for alt in word.eng.confusions.alternatives(word.low):
        rarer = word.zipf - phrase_zipf(word.lexicon, alt)
        if rarer > tuning.max_rarer or (rarer > tuning.homophone_rarer and not _attested(word, alt)
                                        and not word.points_to(alt)):
            continue
        yield alt, HOMOPHONE.name


def _attested(word: Written, alt: str) -> bool:
    """Whether weak spellers are known to write the word for `alt` (the training pairs)."""
    return alt in word.eng.real_words.get(word.low, ()) or alt in word.eng.common_words.get(word.low, ())


def explain(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    a, b = eng.confusions.define(slot.original), eng.confusions.define(chosen)
    if a and b:
        return f"{chosen}: {b} ({slot.original}: {a})"
    return f"sounds like {slot.original}, but the sentence needs {chosen}"


HOMOPHONE = Source("homophone", Kind.HOMOPHONE, explain=explain, propose=propose)
