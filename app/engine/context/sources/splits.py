"""A word that may be two run together ("everyday" -> every day, "runaway" -> run away)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...types import Kind
from ..slot import Slot
from ..source import Offer, Source, Written

if TYPE_CHECKING:
    from ..engine import ContextEngine


def propose(word: Written) -> Iterator[Offer]:
    """Each cut into two common words that edited text writes apart at least as often as together
    (other splits are almost never meant)."""
    lex, low = word.lexicon, word.low
    if not lex.is_common(low):
        return
    for i in range(1, len(low)):
        a, b = low[:i], low[i:]
        if (len(a) > 1 or a in ("a", "i")) and len(b) > 1 and lex.is_common(a) and lex.is_common(b):
            if lex.bigram_zipf(a, b) >= max(word.tuning.split_min_pair_zipf, word.zipf):
                yield f"{a} {b}", SPLIT.name


def explain_spacing(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    return f"written as {'two words' if ' ' in chosen else 'one word'} here: {chosen}"


SPLIT = Source("split", Kind.SPACING, explain=explain_spacing, propose=propose, spacing=True)
