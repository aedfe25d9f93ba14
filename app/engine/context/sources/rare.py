"""A rare word one cheap slip from a clearly commoner one ("boor" -> door, "ponds" -> pounds)."""

from __future__ import annotations

from typing import Iterator

from ...candidates.search import rank_corrections
from ...types import Kind
from ..source import Offer, Source, Written


def propose(word: Written) -> Iterator[Offer]:
    lex, tuning, low = word.lexicon, word.tuning, word.low
    if not lex.is_common(low) or word.zipf >= tuning.rare_max_zipf:
        return
    for c in rank_corrections(lex, low, tuning.rare_options):
        # a word, not a name: a real word is not asked about for a name it resembles
        if (c.cost <= tuning.rare_max_cost and lex.zipf(c.text) - word.zipf >= tuning.rare_commoner
                and lex.is_common(c.text.lower())):
            yield c.text.lower(), RARE.name


RARE = Source("rare", Kind.SPELLING, propose=propose)
