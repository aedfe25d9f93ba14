"""Slots for the words the fast engine marked: a non-word and its corrections (some option must
win), a word we do not know at all for which it had no correction to stand behind (`unknown`), a
web-only form with a far commoner word a cheap slip away ("alot"; `rare_form`), and its cued
contractions and joins, which the model may still overrule."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ...candidates.search import REGULAR_SLIP_COST, SEEN_COST, rank_corrections, seen_forms, slip_forms, words_in_spelling
from ...fast import NAME_MIN_ZIPF, without_dear_names
from ...morphology import inflections
from ...types import Kind, Suggestion
from ..slot import Slot
from ..source import Source, as_option
from .apostrophes import CONTRACTION_CUED
from .joins import JOIN

if TYPE_CHECKING:
    from ..engine import ContextEngine


def slot_from_fast(eng: ContextEngine, sug: Suggestion) -> Slot | None:
    """The slot for one of the fast engine's suggestions; None keeps the suggestion as it is."""
    low, lex, tuning = sug.original.lower(), eng.lexicon, eng.tuning
    if sug.kind == Kind.CONTRACTION:
        if low in eng.rules.safe:
            return None
        return Slot(sug.start, sug.end, sug.original, [r.lower() for r in sug.replacements], CONTRACTION_CUED.name)
    if sug.kind == Kind.GRAMMAR:
        return None
    if sug.kind == Kind.UNKNOWN:
        # No candidate was close enough for the fast engine; the sentence may still pick one.
        near = rank_corrections(lex, sug.original, tuning.max_options)
        if sug.original[0].isupper():
            near = without_dear_names(lex, near)
        near = [as_option(lex, c.text) for c in near]
        if not near:
            return None
        return with_seen(eng, Slot(sug.start, sug.end, sug.original, near, UNKNOWN.name, fallback=sug))
    if sug.kind == Kind.SPACING and " " in sug.original:
        return Slot(sug.start, sug.end, sug.original, [sug.best.lower()], JOIN.name)
    if lex.is_rare(low):
        # Hunspell rejects it and the fast engine found a far commoner word a cheap slip away
        # ("alot", "teh"): a misspelling unless the sentence clearly wants it as written.
        return with_seen(eng, Slot(sug.start, sug.end, sug.original,
                                   [as_option(lex, r) for r in sug.replacements[: tuning.max_options]],
                                   RARE_FORM.name))
    options = [as_option(lex, r) for r in sug.replacements]
    slot = Slot(sug.start, sug.end, sug.original, options, NONWORD.name, keep_original=False)
    add_inflections(eng, slot)
    add_regular_slips(eng, slot)
    with_seen(eng, slot)
    if sug.original.islower() and lex.is_name(low) and lex.zipf(low) >= NAME_MIN_ZIPF:
        # A name written in lower case ("in hungary"): the sentence weighs the name too.
        slot.options.append(lex.form(low))
        slot.channel[low] = 0.0
    return slot


def add_inflections(eng: ContextEngine, slot: Slot) -> None:
    """Weak spellers often drop an ending with the spelling ("wark" for "walked"): the regular
    forms of the likeliest corrections join the options, one cheap slip dearer than their stem, or
    at the learned price of the form itself where that is lower ("opon": opened)."""
    lex, tuning = eng.lexicon, eng.tuning
    low, weight = slot.original.lower(), tuning.channel_weight
    for stem in slot.options[: tuning.inflect_stems]:
        if " " in stem:
            continue
        base = eng.slip_price(low, stem) / weight
        for form in words_in_spelling(lex, sorted(inflections(stem)), lex.spelling):
            if form not in slot.options and form not in slot.channel and lex.is_common(form):
                slot.channel[form] = min(base + tuning.inflect_cost, eng.slip_price(low, form) / weight)
                slot.family[form] = stem
    slot.options.extend(slot.channel)


def add_regular_slips(eng: ContextEngine, slot: Slot) -> None:
    """A plain ending where English wants another form ("babys", "catched", "runned"): the right
    form joins the options as a cheap slip (`agreement.regular_slips`)."""
    lex = eng.lexicon
    forms = words_in_spelling(lex, list(slip_forms(lex, slot.original.lower())), lex.spelling)
    for form in forms:
        if form not in slot.options:
            slot.options.append(form)
        slot.channel[form] = min(slot.channel.get(form, math.inf), REGULAR_SLIP_COST)
        # forms of one word ("runned": ran, run) do not make each other less sure of it
        slot.family.setdefault(form, forms[0])


def with_seen(eng: ContextEngine, slot: Slot) -> Slot:
    """A word weak spellers meant by this very misspelling (`candidates.seen_forms`) is a slip no
    dearer than SEEN_COST, however its letters differ: "cort" is as likely "caught" as "court"."""
    for w, _n in seen_forms(eng.lexicon, slot.original.lower()):
        option = as_option(eng.lexicon, w)
        if option not in slot.options:
            continue
        slot.channel[w] = min(slot.channel.get(w, math.inf),
                              eng.slip_price(slot.original, w) / eng.tuning.channel_weight, SEEN_COST)
    return slot


NONWORD = Source("nonword", Kind.SPELLING, unwritten=True)
UNKNOWN = Source("unknown", Kind.SPELLING, wordless=True, unwritten=True, discounted=False)
RARE_FORM = Source("rare_form", Kind.SPELLING, wordless=True, unwritten=True, discounted=False)
