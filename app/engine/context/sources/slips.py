"""A common word's likeliest slips ("broke is leg" -> his, "the corer of the street" -> corner):
the words a close search, the word's own other forms and the training pairs name, priced by the
learned channel (`engine.candidates.channel`), and the few that a bigram noisy channel finds likely enough
beside the words around. The model's score pays the slip's price, with no frequency discount.

Asked about every word no other source asks about (after the joins: "be for" is one slot for
"before", not a question about "be"), and, where others do ask, for the options none of them names.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

from ...agreement import word_forms
from ...candidates.search import candidate_pool, words_in_spelling
from ...text import overlaps
from ...types import Kind
from ..slot import Slot
from ..source import CUE_CHARS, NEXT_WORD_RE, PREVIOUS_WORD_RE, Source

if TYPE_CHECKING:
    from ..engine import ContextEngine

# Zipf is log10 of a word's frequency per billion words: two words side by side by chance.
ZIPF_PER_BILLION = 9.0


def slip_options(eng: ContextEngine, text: str, start: int, end: int, w: str) -> dict[str, float]:
    """The likeliest common words a writer who wrote `w` may have meant, each with the learned
    price of the slip (nats): the few a bigram noisy channel ranks highest, and only those it finds
    no less than `slip_min_odds` as likely as the word as written."""
    low, lex, tuning = w.lower(), eng.lexicon, eng.tuning
    if not w.isalpha() or not w.islower() or not lex.is_common(low):
        return {}  # a capital may start a name; a word we do not know has the fast engine's marks
    pool = slip_pool(lex, eng.channel, low, eng.real_words.get(low, ()) + eng.common_words.get(low, ()),
                     tuning.slip_max_price, tuning.slip_min_zipf)
    if not pool:
        return {}
    cue = PREVIOUS_WORD_RE.search(text, max(0, start - CUE_CHARS), start)
    before = cue.group(1).lower() if cue else ""
    after = NEXT_WORD_RE.match(text, end)
    nxt = after.group(1).lower() if after else ""
    zw = lex.zipf(low)

    def pair(a: str, b: str) -> float:
        # a pair the list lacks (it stops at Zipf 4.17) is rarer than its rarest pair: as rare as
        # chance makes it, or that
        return lex.bigram_zipf(a, b) or min(tuning.bigram_unseen, lex.zipf(a) + lex.zipf(b) - ZIPF_PER_BILLION)

    # the written word's own pairs, asked once (each is a lookup in the index)
    as_left = pair(before, low) if before else 0.0
    as_right = pair(low, nxt) if nxt else 0.0
    prices = dict(pool)
    odds = {}
    for alt, price in prices.items():
        rarer = lex.zipf(alt) - zw
        # P(before alt next) / P(before w next) from pair counts; a side with no word on it counts
        # the two words' own frequencies
        left = pair(before, alt) - as_left if before else rarer
        right = pair(alt, nxt) - as_right if nxt else rarer
        odds[alt] = math.log(10) * (left + right - rarer) - price
    best = sorted((alt for alt in odds if odds[alt] >= tuning.slip_min_odds), key=lambda a: (-odds[a], a))
    return {alt: prices[alt] for alt in words_in_spelling(lex, best[: tuning.slip_options], lex.spelling)}


@lru_cache(maxsize=8192)
def slip_pool(lex, channel, low: str, named: tuple[str, ...], max_price: float,
              min_zipf: float) -> tuple[tuple[str, float], ...]:
    """Common words within `max_price` of `low` (learned channel, nats), with that price: the close
    search's, `low`'s own other forms ("look": looked) and those the training pairs `named` (cached:
    asked for most words of every sentence)."""
    found = set(candidate_pool(lex, low, wide=False)) | set(word_forms(low)) | set(named)
    out = []
    for alt in sorted(found):
        if alt != low and alt.isalpha() and lex.is_common(alt) and lex.zipf(alt) >= min_zipf:
            price = -channel.log_prob(low, alt)
            if price <= max_price:
                out.append((alt, price))
    return tuple(out)


def learned_options(eng: ContextEngine, text: str, start: int, end: int, w: str,
                    offered: dict[str, str]) -> dict[str, float]:
    """A word other sources ask about is asked about for the slips none of them names too: theirs
    are the margins chosen for those options."""
    if not offered:
        return {}
    return {alt: price for alt, price in slip_options(eng, text, start, end, w).items() if alt not in offered}


def slip_slots(eng: ContextEngine, text: str, s: int, toks, slots: list[Slot], taken, protected) -> None:
    """A slot for each word nothing else asked about whose slips are likely enough."""
    for tok in toks:
        start, end, w = s + tok.start, s + tok.end, tok.text
        if (overlaps(taken, start, end) or overlaps(protected, start, end) or w in eng.fast.personal
                or w.lower() in eng.fast.ignored):
            continue
        slips = slip_options(eng, text, start, end, w)
        if slips:
            slots.append(Slot(start, end, w, list(slips), SLIP.name, option_sources=dict.fromkeys(slips, SLIP.name),
                              learned=slips))
            taken.append((start, end))


# Its options are proposed by `learned_options` and `slip_slots`, not through `registry.ASKED`: they
# depend on what the other sources proposed.
SLIP = Source("slip", Kind.SPELLING, discounted=False)
