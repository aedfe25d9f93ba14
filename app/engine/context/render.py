"""Turning decided slots into suggestions: the chosen option first, a confidence from its lead,
the kind and wording of the source that proposed it, and an honest "not sure" mark where a
non-word's best correction barely leads."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from ..fast import MAYBE_WORDS, unknown_note
from ..types import Kind, Suggestion
from .registry import SOURCES
from .slot import Slot
from .sources.joins import JOIN

if TYPE_CHECKING:
    from .engine import ContextEngine

SOURCE = "model"  # the suggestions' `source`


def suggestions(eng: ContextEngine, text: str, slots: list[Slot]) -> list[Suggestion]:
    """A suggestion for each slot whose value changed, and each kept `unknown` mark."""
    out = []
    for slot in slots:
        if slot.value != slot.original:
            out.append(trimmed(text, slot, unsure(eng, slot) or suggestion(eng, slot, list(slot.scores))))
        elif slot.fallback is not None:
            out.append(slot.fallback)
    return out


def suggestion(eng: ContextEngine, slot: Slot, choices: list[str]) -> Suggestion:
    # The chosen option first (a personal bonus may have chosen it over a better-scored one).
    ranked = sorted((c for c in choices if c != slot.original and slot.scores[c] > -math.inf),
                    key=lambda c: (c != slot.value, -slot.scores[c]))
    runner = slot.scores.get(slot.original, -math.inf) if slot.keep_original else (
        slot.scores[ranked[1]] if len(ranked) > 1 else -math.inf
    )
    if runner == -math.inf:
        runner = slot.scores[slot.value] - 4
    lead = slot.scores[slot.value] - runner
    # a lead of a nat or two is a fair bet; the confidence never claims certainty or dismisses
    conf = round(min(0.98, max(0.3, 1 / (1 + math.exp(-0.8 * (lead - 1))))), 3)
    source = SOURCES[slot.source_of(slot.value)]
    kind, explanation = source.kind, source.explain(eng, slot, slot.value)
    if slot.value.lower() == slot.original.lower():
        kind, explanation = Kind.GRAMMAR, f"a name starts with a capital letter: {slot.value}"
    return Suggestion(slot.start, slot.end, slot.original, tuple(ranked[: eng.tuning.max_options]), kind, conf,
                      SOURCE, explanation)


def unsure(eng: ContextEngine, slot: Slot) -> Suggestion | None:
    """An `unknown` mark naming the likely words, for a non-word whose best correction barely leads
    the next: a guess the writer would have to undo helps less than an honest "not sure"."""
    if slot.keep_original:
        return None
    ranked = sorted((c for c, v in slot.scores.items() if v > -math.inf), key=lambda c: -slot.scores[c])
    # Forms of one word ("walk", "walked") do not make each other less sure of the word.
    stem = _stem(slot, ranked[0]) if ranked else ""
    rivals = [c for c in ranked[1:] if _stem(slot, c) != stem]
    if ranked and (not rivals or slot.scores[ranked[0]] - slot.scores[rivals[0]] >= eng.tuning.nonword_min_lead):
        return None
    maybe = tuple(ranked[:MAYBE_WORDS])
    return Suggestion(slot.start, slot.end, slot.original, (), Kind.UNKNOWN, 0.5, SOURCE,
                      unknown_note(slot.original, maybe), maybe)


def _stem(slot: Slot, option: str) -> str:
    low = option.lower()
    return slot.family.get(low, low)


def trimmed(text: str, slot: Slot, sug: Suggestion) -> Suggestion:
    """Unless the join won, the suggestion leaves the neighbour its slot took in alone."""
    if not slot.neighbour or slot.option_sources.get(slot.value.lower()) == JOIN.name:
        return sug
    n = len(slot.neighbour) + 1
    start, end = (slot.start + n, slot.end) if slot.neighbour_first else (slot.start, slot.end - n)
    word = slot.neighbour.lower()

    def strip(option: str) -> str:
        low = option.lower()
        if slot.neighbour_first:
            return option[n:] if low.startswith(word + " ") else ""
        return option[:-n] if low.endswith(" " + word) else ""

    reps = tuple(r for r in map(strip, sug.replacements) if r)
    maybe = tuple(r for r in map(strip, sug.maybe) if r)
    chosen = strip(slot.value)
    note = sug.explanation.replace(slot.value, chosen) if chosen else sug.explanation
    return replace(sug, start=start, end=end, original=text[start:end], replacements=reps, maybe=maybe,
                   explanation=note)
