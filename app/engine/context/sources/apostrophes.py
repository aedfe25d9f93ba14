"""Contractions: a bare contraction that is also a word ("its", "were", "wont"), and the fast
engine's contraction fixes that a telling next word backs ("Wont be" -> Won't be)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...types import Kind
from ..slot import Slot
from ..source import Offer, Source, Written

if TYPE_CHECKING:
    from ..engine import ContextEngine


def propose(word: Written) -> Iterator[Offer]:
    amb = word.eng.rules.ambiguous.get(word.low)
    if amb is not None:
        yield amb[0].lower(), CONTRACTION.name


def explain(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    if "'" in slot.original or "\u2019" in slot.original:
        moved = "'" in chosen or "\u2019" in chosen
        return f"apostrophe in the wrong place: {chosen}" if moved else f"no apostrophe here: {chosen}"
    return f"missing apostrophe: {eng.rules.expansion(chosen)} \u2192 {chosen}"


CONTRACTION = Source("contraction", Kind.CONTRACTION, explain=explain, propose=propose, discounted=False)
# The fast engine's fix, cued by the next word: built from its suggestion (`nonwords.slot_from_fast`).
CONTRACTION_CUED = Source("contraction_cued", Kind.CONTRACTION, explain=explain, discounted=False)
