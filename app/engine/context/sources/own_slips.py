"""The writer's own slips: real words this writer has written for others before ("cave" for
"gave"), from their profile through `ContextEngine.extra_alternatives` (`engine.personal.personalize`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterator

from ...types import Kind
from ..slot import Slot
from ..source import Offer, Source, Written

if TYPE_CHECKING:
    from ..engine import ContextEngine


def personal_options(eng: ContextEngine, low: str) -> dict[str, float]:
    """The hook's options for a word: {option: weight}, the weight saying how often the writer meant it."""
    if eng.extra_alternatives is None:
        return {}
    found: dict[str, float] = {}
    for item in eng.extra_alternatives(low):
        alt, weight = (item, 1.0) if isinstance(item, str) else item
        if alt and alt.lower() != low:
            found[alt.lower()] = max(found.get(alt.lower(), 0.0), weight)
    return found


def propose(word: Written) -> Iterator[Offer]:
    for alt in word.personal:
        yield alt, PERSONAL.name


def personal_margin(eng: ContextEngine, slot: Slot, source: str, weight: float) -> float:
    """The margin of an option the writer has meant here before, whatever else proposed it: less
    support from the sentence, the less the more often they made the slip; with the commonest words
    it still needs a real-word margin, since one slip with "to" or "the" would otherwise put that
    word up in nearly every sentence after it."""
    tuning = eng.tuning
    repeated = weight >= tuning.personal_repeated
    if eng.lexicon.zipf(slot.original.lower()) >= tuning.realword_max_zipf:
        mine = tuning.common_repeated_margin if repeated else tuning.margins["realword"]
    else:
        mine = tuning.personal_repeated_margin if repeated else tuning.margins[PERSONAL.name]
    return mine if source == PERSONAL.name else min(tuning.margins[source], mine)


def personal_bonus(eng: ContextEngine, slot: Slot) -> dict[str, float]:
    """Each personal option's bonus among the options that clear their margins: the writer's usual
    word gets the whole preference, a less usual one less by the log of its weight's share. Where
    the sentence fits two words about equally ("they" -> "the" or "their"), habit breaks the tie."""
    top = max(slot.personal.values(), default=0.0)
    return {alt: eng.tuning.personal_preference + (math.log(w / top) if w > 0 and top > 0 else 0.0)
            for alt, w in slot.personal.items()}


PERSONAL = Source("personal", Kind.SPELLING, propose=propose)
