"""An owner's apostrophe left out: a plural before a word of substance ("the boys name" -> boy's;
`possessive`), or the whole 's left off a singular noun or a name before a noun ("the boy mother",
"to Joyce house"; `owner`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...agreement import is_noun, is_singular_noun
from ...types import Kind
from ..slot import Slot
from ..source import NEXT_WORD_RE, Offer, Source, Written

if TYPE_CHECKING:
    from ..engine import ContextEngine


def possessive(eng: ContextEngine, low: str, after: re.Match | None) -> str:
    """A plural before a word of substance may be an owner: the owner's form, or "" where there is
    none to weigh. Short words ("his", "was", "its") are no owners, and before the commonest words
    ("the boys were", "Contributors to") nothing is owned."""
    tuning = eng.tuning
    if (after is None or not after.group(1).islower() or len(low) < tuning.possessive_min_len
            or not low.endswith("s") or low.endswith("ss") or not low.isalpha()
            or eng.lexicon.zipf(after.group(1)) >= tuning.possessive_max_next_zipf):
        return ""
    stem = low[:-1]
    return f"{stem}'s" if eng.lexicon.is_common(stem) or eng.lexicon.is_name(stem) else ""


def owner_before(eng: ContextEngine, low: str, after: re.Match | None) -> str:
    """A singular noun or a name just before a noun may have lost its 's: the owner's form, or ""
    where there is none to weigh. Two nouns edited text often writes side by side are a compound
    ("school bus", "car park"), not an owner and what is owned."""
    if after is None or not after.group(1).isalpha() or not after.group(1).islower():
        return ""
    nxt = after.group(1)
    lex, tuning = eng.lexicon, eng.tuning
    if (len(low) < tuning.owner_min_len or not low.isalpha() or low.endswith("s")
            or lex.zipf(low) >= tuning.realword_max_zipf or lex.zipf(nxt) >= tuning.possessive_max_next_zipf
            or lex.bigram_zipf(low, nxt) >= tuning.owner_max_pair_zipf or not is_noun(nxt)):
        return ""
    if not (lex.is_name(low) or (lex.is_common(low) and is_singular_noun(low))):
        return ""
    return f"{low}'s"


def propose_possessive(word: Written) -> Iterator[Offer]:
    owner = possessive(word.eng, word.low, word.after)
    if owner:
        yield owner, POSSESSIVE.name


def propose_owner(word: Written) -> Iterator[Offer]:
    owner = owner_before(word.eng, word.low, word.after)
    if owner:
        yield owner, OWNER.name


def owner_slot(eng: ContextEngine, text: str, start: int, end: int, w: str) -> Slot | None:
    """A name mid-sentence that may be its owner's form: a plural whose capital makes its stem a
    name, unless it is a name itself ("to Jeans house" -> Jean's, never "James"), or a name or a
    noun with no 's at all ("to Joyce house" -> Joyce's)."""
    low = w.lower()
    after = NEXT_WORD_RE.match(text, end)
    owner = "" if eng.lexicon.is_name(low) else possessive(eng, low, after)
    source = POSSESSIVE.name
    if not owner:
        owner, source = owner_before(eng, low, after), OWNER.name
    if not owner:
        return None
    return Slot(start, end, w, [owner], source, option_sources={owner: source})


def explain(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    return f"missing apostrophe: belonging to {chosen[:-2]} \u2192 {chosen}"


POSSESSIVE = Source("possessive", Kind.CONTRACTION, explain=explain, propose=propose_possessive)
OWNER = Source("owner", Kind.CONTRACTION, explain=explain, propose=propose_owner)
