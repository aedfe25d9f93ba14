"""A clearly commoner word one cheap slip away, where a neighbouring word points to it ("in with
theme", "going the nest"): no data says weak spellers make the slip, so the sentence must be sure."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ...candidates.search import candidate_pool
from ...types import Kind
from ..source import Offer, Source, Written, channel_cost


def propose(word: Written) -> Iterator[Offer]:
    """A capitalised word is left alone: at a sentence's start it is as often a name ("Jean already
    had"); so are the rarest words and the commonest (which have their own training pairs)."""
    tuning, low = word.tuning, word.low
    if not (low.isalpha() and word.word[0].islower()
            and tuning.neighbour_min_zipf <= word.zipf < tuning.realword_max_zipf):
        return
    for alt in commoner_near(word.lexicon, low, tuning.neighbour_commoner, tuning.neighbour_max_cost):
        if word.points_to(alt):
            yield alt, NEIGHBOUR.name


@lru_cache(maxsize=8192)
def commoner_near(lex, low: str, commoner: float, max_cost: float) -> tuple[str, ...]:
    """Common words at most `max_cost` (error-model units) from `low` and at least `commoner` Zipf
    commoner (cached: it is asked for most words of every sentence, and the close search is slow)."""
    zw = lex.zipf(low)
    return tuple(sorted(alt for alt in candidate_pool(lex, low, wide=False)
                        if lex.zipf(alt) >= zw + commoner and lex.is_common(alt)
                        and channel_cost(low, alt) <= max_cost))


NEIGHBOUR = Source("neighbour", Kind.SPELLING, propose=propose)
