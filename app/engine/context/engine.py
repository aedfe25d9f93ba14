"""`ContextEngine`: the fast engine's suggestions, then a language model's choice between each
written word and the words it may stand for.

`check` splits the text into sentences; `_sentence` finds a sentence's slots (from the fast
engine's marks, joins, capitalised words, the sources a written word is asked about, and last its
likeliest slips), `decide` scores and decides them, and `render` makes the suggestions.
"""

from __future__ import annotations

import time
from typing import Callable, Iterable

from ..agreement import warm_up
from ..candidates.search import words_in_spelling
from ..candidates.channel import load_channel
from ..confusions import ConfusionSets, load_confusions, load_real_words
from ..contractions import load_rules
from ..text import SENTENCE_RE, is_sentence_start, overlaps, protected_spans, words
from ..types import CheckResult, Scorer, Suggestion, WrapsFast
from . import decide, render
from .registry import ASKED, UNWRITTEN
from .slot import Slot
from .source import CUE_CHARS, NEXT_WORD_RE, PREVIOUS_WORD_RE, Written, channel_cost
from .sources.apostrophes import CONTRACTION
from .sources.capitals import capital_slot
from .sources.joins import JOIN, join_slots, with_join
from .sources.nonwords import slot_from_fast
from .sources.own_slips import PERSONAL, personal_options
from .sources.owners import owner_slot
from .sources.slips import SLIP, learned_options, slip_slots
from .tuning import Tuning, shipped_tuning


class ContextEngine(WrapsFast):
    name = "model"

    def __init__(self, fast, scorer: Scorer, model_name: str = "model", confusions: ConfusionSets | None = None,
                 tuning: Tuning | None = None,
                 alternatives: Callable[[str], Iterable[str | tuple[str, float]]] | None = None):
        self.fast = fast
        self.scorer = scorer
        self.model_name = model_name
        self.tuning = tuning or shipped_tuning()
        self.confusions = confusions or load_confusions()
        self.real_words = load_real_words()
        self.common_words = load_real_words("common_words")
        self.rules = load_rules()
        self.lexicon = fast.lexicon
        self.channel = load_channel()
        # word -> extra real-word options to weigh in context (a writer profile's own slips, given
        # when the engine is built), each a word or a (word, weight) pair: the weight says how often
        # the writer meant it
        self.extra_alternatives = alternatives
        warm_up()  # here, on the thread that owns the engine, not in the middle of the first sentence

    def check(self, text: str) -> CheckResult:
        t0 = time.perf_counter()
        base = self.fast.check(text)
        protected = protected_spans(text)
        out: list[Suggestion] = []
        for m in SENTENCE_RE.finditer(text):
            s, e = m.span()
            if s == e or not text[s:e].strip():
                continue
            out.extend(self._sentence(text, s, e, [x for x in base.suggestions if s <= x.start < e], protected))
        return CheckResult(text, tuple(out), self.name, (time.perf_counter() - t0) * 1000)

    def slip_price(self, written: str, option: str) -> float:
        """How unlikely (nats) it is that a writer who meant `option` wrote `written`: learned from
        weak spellers' misspellings (`engine.candidates.channel`) for one word written for another, the edit
        model's price for the rest (a split, a join, an apostrophe)."""
        w, o = written.lower(), option.lower()
        if w.isalpha() and o.isalpha():
            return -self.channel.log_prob(w, o)
        return self.tuning.channel_weight * channel_cost(written, option)

    def _sentence(self, text: str, s: int, e: int, fast_suggestions: list[Suggestion], protected) -> list[Suggestion]:
        toks = list(words(text[s:e]))
        if len(toks) < 2:
            # A word on its own (a list, a heading, a word looked up, "Sory!"): the model has
            # nothing around it to weigh, and its bare preference ranks a non-word's corrections
            # worse than the fast engine's learned ranking.
            return list(fast_suggestions)
        fixed: list[Suggestion] = []
        slots: list[Slot] = []
        taken: list[tuple[int, int]] = []
        for sug in fast_suggestions:
            slot = slot_from_fast(self, sug)
            if slot is None:
                fixed.append(sug)
            else:
                slots.append(slot)
            taken.append((sug.start, sug.end))
        slots = [with_join(self, text, s, toks, slot, taken, protected) if slot.source in UNWRITTEN
                 else slot for slot in slots]
        taken.extend((slot.start, slot.end) for slot in slots)
        join_slots(self, text, s, toks, slots, taken, protected, fix=False)
        for tok in toks:
            start, end = s + tok.start, s + tok.end
            if overlaps(taken, start, end) or overlaps(protected, start, end):
                continue
            w = tok.text
            if w in self.fast.personal or w.lower() in self.fast.ignored:
                continue
            if w[0].isupper() and not is_sentence_start(text, start) and w != "I":
                slot = capital_slot(self, start, end, w) or owner_slot(self, text, start, end, w)
            else:
                slot = self._context_slot(text, start, end, w)
            if slot is not None:
                slots.append(slot)
                taken.append((slot.start, slot.end))
        # Then two words a slip away from one ("be for"): where a word is asked about already, its
        # slot takes the join in (a slot of their own would keep that question from the model).
        join_slots(self, text, s, toks, slots, taken, protected, fix=True)
        joins_already = UNWRITTEN | {JOIN.name}
        for k, slot in enumerate(slots):
            if slot.source not in joins_already and not slot.neighbour and " " not in slot.original:
                slots[k] = grown = with_join(self, text, s, toks, slot, taken, protected, fixed=True)
                if grown is not slot:
                    taken.append((grown.start, grown.end))
        # Last, every word nothing else asked about, for its likeliest slips (after the joins: "be
        # for" is one slot for "before", not a question about "be").
        slip_slots(self, text, s, toks, slots, taken, protected)
        slots.sort(key=lambda x: x.start)
        decide.decide(self, text, s, e, slots)
        return sorted(fixed + render.suggestions(self, text, slots), key=lambda x: x.start)

    def _context_slot(self, text: str, start: int, end: int, w: str) -> Slot | None:
        """A written word's slot: the options every source in `registry.ASKED` proposes for it,
        then the likeliest slips none of them names; None where nothing is proposed."""
        low = w.lower()
        lex, margins = self.lexicon, self.tuning.margins
        word = Written(self, text, start, end, w, low, lex.zipf(low),
                       cue=PREVIOUS_WORD_RE.search(text, max(0, start - CUE_CHARS), start),
                       after=NEXT_WORD_RE.match(text, end), personal=personal_options(self, low))
        options: dict[str, str] = {}

        def offer(alt: str, source: str) -> None:
            """An option several sources propose takes the loosest of their margins: each is
            evidence of its own that the writer may have meant it ("two night": weak spellers
            write "night" for "nights", and "two" wants the plural). A writer's own slip keeps the
            source it shares (`decide.margin` weighs the two together), and so does a homophone
            that is also a contraction ("its", "were"): no margin at all is for a contraction alone."""
            if alt not in options or (not {PERSONAL.name, CONTRACTION.name} & {source, options[alt]}
                                      and margins[source] < margins[options[alt]]):
                options[alt] = source

        for source in ASKED:
            for alt, name in source.propose(word):
                offer(alt, name)
        learned = learned_options(self, text, start, end, w, options)
        for alt in learned:
            offer(alt, SLIP.name)
        # The writer's spelling where both are offered ("he travel": travelled, not traveled too)
        options = {alt: options[alt] for alt in words_in_spelling(lex, list(options), lex.spelling)}
        if not options:
            return None
        # A slot takes the strictest margin among its sources, so one loose source cannot flip it.
        source = max(set(options.values()), key=lambda k: margins[k])
        return Slot(start, end, w, list(options), source, option_sources=options, personal=word.personal,
                    learned={alt: learned[alt] for alt in options if alt in learned})
