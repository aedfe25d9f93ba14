"""Another form of the word, where the words before call for it ("he was play" -> playing, "six
week" -> weeks, "one of my cousin" -> cousins; `engine.agreement`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...agreement import cued_forms, share_plurals
from ...types import Kind
from ..slot import Slot
from ..source import CUE_CHARS, Offer, Source, Written

if TYPE_CHECKING:
    from ..engine import ContextEngine


def propose(word: Written) -> Iterator[Offer]:
    if word.zipf <= 0:
        return
    lex = word.lexicon
    for form in share_plurals(word.text[max(0, word.start - CUE_CHARS) : word.start], word.low):
        if lex.is_common(form):
            yield form, INFLECTION.name
    if word.cue is not None:
        for form in cued_forms(word.cue.group(1), word.low):
            if lex.is_common(form):
                yield form, INFLECTION.name


def explain(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    return f"another form of {slot.original.lower()}: {chosen} fits the words before it"


INFLECTION = Source("inflection", Kind.GRAMMAR, explain=explain, propose=propose)
