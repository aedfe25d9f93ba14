"""Letter reversals that make a clearly commoner word ("bog" -> dog, "form" -> from): b/d, p/q,
m/w, n/u, or two neighbouring letters swapped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...candidates.error_model import COST_REVERSAL, substitution_cost
from ...types import Kind
from ..slot import Slot
from ..source import Offer, Source, Written

if TYPE_CHECKING:
    from ..engine import ContextEngine


def propose(word: Written) -> Iterator[Offer]:
    lex, low = word.lexicon, word.low
    if not lex.is_common(low):
        return
    for alt in reversal_variants(low):
        if alt != low and lex.is_common(alt) and lex.zipf(alt) >= word.zipf + word.tuning.reversal_commoner:
            yield alt, REVERSAL.name


def reversal_variants(word: str) -> set[str]:
    """Words one letter reversal (b/d, p/q, m/w, n/u) or one swap of neighbours away."""
    out = set()
    letters = "bdpqmwnu"
    for i, c in enumerate(word):
        for r in letters:
            if r != c and substitution_cost(c, r) == COST_REVERSAL:
                out.add(word[:i] + r + word[i + 1 :])
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return out


def explain(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    return f"letters mixed up: {chosen} fits the sentence"


REVERSAL = Source("reversal", Kind.REVERSAL, explain=explain, propose=propose)
