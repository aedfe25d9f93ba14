"""A verb one cheap slip away, where the word before wants a verb and the written word is none
("I thing" -> think, "he tod" -> told)."""

from __future__ import annotations

from typing import Iterator

from ...agreement import is_verb, wants_verb
from ...candidates.search import rank_corrections
from ...types import Kind
from ..source import Offer, Source, Written


def propose(word: Written) -> Iterator[Offer]:
    if word.cue is None or word.zipf <= 0 or not wants_verb(word.cue.group(1), word.low):
        return
    lex, tuning = word.lexicon, word.tuning
    # one cheap slip: the close search is enough
    for c in rank_corrections(lex, word.low, tuning.verb_options, wide=False):
        alt = c.text.lower()
        if c.cost <= tuning.verb_max_cost and lex.is_common(alt) and lex.zipf(alt) >= word.zipf and is_verb(alt):
            yield alt, VERB.name


VERB = Source("verb", Kind.SPELLING, propose=propose)
