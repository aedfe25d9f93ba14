"""Deciding a sentence's slots: the model scores each slot's choices in context, in batches, and
an option replaces the written word only where it beats it by its source's margin.

Slots are decided left to right, each seeing the decisions before it. All undecided slots are
scored in one batch with the current values around them; a slot is decided from that batch unless
a slot shortly before it changed, in which case it was scored with the old text and is scored again
in the next round. Further back than `rescore_words` an earlier change barely moves the comparison
between options, and re-scoring the rest of a long sentence after every change cost the most time.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..candidates.search import ranker_scores
from ..text import match_case
from .registry import SOURCES, SPACING, WORDLESS
from .slot import Slot
from .source import phrase_zipf
from .sources.own_slips import personal_bonus, personal_margin
from .sources.slips import SLIP

if TYPE_CHECKING:
    from .engine import ContextEngine


def decide(eng: ContextEngine, text: str, s: int, e: int, slots: list[Slot]) -> None:
    """Set each slot's `value` (and `scores`), for the sentence text[s:e]."""
    tuning = eng.tuning
    for slot in slots:
        slot.value = slot.original if slot.keep_original else match_case(slot.original, slot.options[0])
    choices = [choices_of(slot) for slot in slots]
    # what each option's slip costs does not change between rounds
    priors_of = [[-price(eng, slot, c) for c in cs] if priced(slot) else None for slot, cs in zip(slots, choices)]
    open_ = list(range(len(slots)))
    while open_:
        requests, floors, priors = [], [], []
        for k in open_:
            slot = slots[k]
            so_far = _render(text, s, slot.start, slots[:k])
            prefix = so_far.rstrip()
            lead = so_far[len(prefix) :] if prefix else ""  # the space before the word
            rest = _window(text, slot.end, e, slots[k + 1 :], tuning.window_words)
            requests.append((prefix, [lead + c + rest for c in choices[k]]))
            # Where the sentence so far is too short, its first token cannot tell the options apart
            # ("There dog is big.": after nothing, "There" starts far more sentences than "Their");
            # where a space is added or taken away, the written pair's first token is often the
            # joined word's first part ("with out": " with" against " without").
            floor = tuning.score_floor if priced(slot) else tuning.word_score_floor
            if len(prefix.split()) < tuning.floor_min_words or slot.source in SPACING:
                floor = math.inf
            floors.append(floor)
            priors.append(priors_of[k])
        results = _score_many(eng, requests, floors, priors)
        changed = -1  # end of the last slot that changed in this round
        still_open = []
        for k, scores in zip(open_, results):
            slot = slots[k]
            if changed >= 0 and len(text[changed : slot.start].split()) < tuning.rescore_words:
                still_open.append(k)
                continue
            before = slot.value
            choose(eng, slot, dict(zip(choices[k], scores)))
            if slot.value != before:
                changed = slot.end
        open_ = still_open


def choices_of(slot: Slot) -> list[str]:
    """What the model scores for a slot: the written word (where it may stay) and each option in
    the writer's capitals."""
    return list(dict.fromkeys(([slot.original] if slot.keep_original else []) + [
        match_case(slot.original, o) for o in slot.options
    ]))


def _score_many(eng: ContextEngine, requests: list[tuple[str, list[str]]], floors: list[float],
                priors: list[list[float] | None]) -> list[list[float]]:
    many = getattr(eng.scorer, "score_many", None)
    if many is not None:
        return many(requests, floor=floors, prior=priors)
    return [eng.scorer.score(prefix, conts) for prefix, conts in requests]


def choose(eng: ContextEngine, slot: Slot, scores: dict[str, float]) -> None:
    """Set `slot.value` from the model's scores of its choices."""
    slot.scores = scores
    choices = list(scores)
    for c in choices:
        if c != slot.original:
            slot.scores[c] -= price(eng, slot, c)
    options = [c for c in choices if c != slot.original] or [slot.original]
    if slot.keep_original:
        # Each option must clear the margin of the source it came from, or the slip margin.
        margins = {c: margin(eng, slot, c) for c in options if c != slot.original}
        passing = [c for c, m in margins.items() if gain(eng, slot, c) >= m or clears_as_slip(eng, slot, c)]
        bonus = personal_bonus(eng, slot)
        # The option that clears its own margin by the most: a homophone ("deer" for "dear") needs
        # less support than a letter slip ("bear"), so it may win on a slightly lower score.
        slot.value = max(passing, key=lambda c: slot.scores[c] - margins[c] + bonus.get(c.lower(), 0.0)
                         ) if passing else slot.original
    else:
        slot.value = max(options, key=lambda c: slot.scores[c])


def priced(slot: Slot) -> bool:
    """Whether every option pays its whole slip price in `choose` (a written word's options are
    weighed by margins instead, and pay only a slip of their own)."""
    return not slot.keep_original or slot.source in WORDLESS


def price(eng: ContextEngine, slot: Slot, option: str) -> float:
    """The slip (nats) an option pays against the written word before the model's score counts."""
    low = option.lower()
    if option == slot.original:
        return 0.0
    weight = eng.tuning.channel_weight
    if priced(slot):
        # Among corrections of a non-word, how likely each slip is counts as much as fit.
        cost = slot.channel.get(low)
        slip = eng.slip_price(slot.original, option) if cost is None else weight * cost
        return slip + ranker_price(eng, slot, low)
    # An option with a slip of its own pays for it ("be for" -> "before").
    if low in slot.channel:
        return weight * slot.channel[low]
    return slot.learned.get(low, 0.0)


def ranker_price(eng: ContextEngine, slot: Slot, low: str) -> float:
    """A non-word's correction pays a share of how far the fast ranker put it below its best: the
    ranker weighs what neither the slip's price nor the model sees (how the words sound, a
    misspelling weak spellers are known to make). An option it never weighed (a form added in
    context) pays as if it trailed by the most that counts."""
    if slot.keep_original or " " in slot.original:
        return 0.0  # a written word is weighed by margins; a slot grown over a neighbour has no one ranking
    if slot.trails is None:
        logits = ranker_scores(eng.lexicon, slot.original.lower())
        best = max(logits.values(), default=0.0)
        slot.trails = {w: best - v for w, v in logits.items()}
    if not slot.trails:
        return 0.0
    return eng.tuning.ranker_weight * min(eng.tuning.ranker_max_gap, slot.trails.get(low, math.inf))


def clears_as_slip(eng: ContextEngine, slot: Slot, option: str) -> bool:
    """Whether an option another source named clears the slip margin as a plain noisy channel too:
    its score, less the learned price of the word as written, against the written word's, with no
    frequency discount. A slip weak spellers often make is evidence of its own ("he cared on" ->
    carried needs the neighbour margin, but "cared" is a cheap slip)."""
    w, o = slot.original.lower(), option.lower()
    source = slot.source_of(o)
    if source == SLIP.name or source in WORDLESS or not (w.isalpha() and o.isalpha()):
        return False  # a word with no frequency of its own has paid its slip's price already
    return slot.scores[option] - slot.scores[slot.original] - eng.slip_price(w, o) >= eng.tuning.slip_clear_margin


def margin(eng: ContextEngine, slot: Slot, option: str) -> float:
    """How much an option must gain over the written word: its source's margin, or less where the
    writer has meant it here before."""
    low = option.lower()
    source = slot.source_of(low)
    weight = slot.personal.get(low)
    if weight is None:
        return eng.tuning.margins[source]
    return personal_margin(eng, slot, source, weight)


def gain(eng: ContextEngine, slot: Slot, option: str) -> float:
    """How much better `option` fits than the written word, its frequency prior partly removed: a
    common word ("flower") must not displace a rarer one the writer chose ("flour") on frequency
    alone. Only a more frequent option is held back; a rarer one gets no bonus for being rare."""
    delta = slot.scores[option] - slot.scores[slot.original]
    if not SOURCES[slot.source_of(option)].discounted:
        return delta
    lex = eng.lexicon
    prior = math.log(10) * max(0.0, phrase_zipf(lex, option.lower()) - phrase_zipf(lex, slot.original.lower()))
    return delta - eng.tuning.prior_discount * prior


def _render(text: str, s: int, upto: int, earlier: list[Slot]) -> str:
    """text[s:upto] with the earlier slots at their current values."""
    parts = []
    pos = s
    for sl in earlier:
        parts.append(text[pos : sl.start])
        parts.append(sl.value)
        pos = sl.end
    parts.append(text[pos:upto])
    return "".join(parts)


def _window(text: str, pos: int, e: int, later: list[Slot], size: int) -> str:
    """The next few words after a slot, with later slots at their current values."""
    end = pos
    count = 0
    for m in re.finditer(r"\S+", text[pos:e]):
        count += 1
        end = pos + m.end()
        if count >= size:
            break
    if count < size:
        end = e
    return _render(text, pos, end, [sl for sl in later if sl.end <= end]) if later else text[pos:end]
