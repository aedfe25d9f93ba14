"""A writer's profile applied to any engine: the same `check(text)`, with the writer's habits in it.

- A non-word the writer has corrected before gets their usual word first (and is marked even where
  the engine found no candidate, or took it for a name).
- A real-word slip the writer has made before ("cave" for "gave") becomes an option the context
  model weighs in the sentence (a hook in `ContextEngine`), so it is marked only where the sentence
  supports it; with the fast engine alone, word-pair counts of the neighbours must support it.
- A suggestion the writer turned down in the same place stays away; repeated rejections lower it,
  and enough of them drop it.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right

from .profile import Profile, normalise
from ..text import match_case, protected_spans, words
from ..types import CheckResult, Kind, Suggestion

SOURCE = "personal"
FULL_WEIGHT = 3.0  # a pair corrected this often (recently) counts in full
BOOST = 0.5  # the share of the way to certainty a full-strength pair moves a suggestion
NEW_CONFIDENCE = (0.55, 0.9)  # a personal suggestion's confidence, from one correction to full weight
MAX_CONFIDENCE = 0.98
REJECT_FACTOR = 0.7  # confidence kept per net rejection
REJECT_DROP = 3.0  # net rejections (faded) after which a suggestion is not shown at all
# Fast engine only: a real-word pair is suggested when the intended word's word-pair counts with its
# neighbours beat the written word's by this much (zipf units, summed over both sides). Chosen on
# the Holbrook dev half with `bench-personal --engine fast`.
FAST_REAL_WORD_GAIN = 3.0
MAX_SPAN = 3
# A dictionary word this rare, corrected before to a word this much more frequent (zipf units), is
# treated as a misspelling: the writer's own history outweighs its rare correct uses.
WEAK_ZIPF = 3.0
WEAK_GAP = 1.0
JOIN_GAP = 0.5  # zipf units a joined word must beat its two halves' pair count by


def find_context(engine):
    """The `ContextEngine` inside an engine (itself, a combined engine's primary, a cache's engine)."""
    from ..context import ContextEngine

    seen = 0
    while engine is not None and seen < 8:
        if isinstance(engine, ContextEngine):
            return engine
        engine = getattr(engine, "primary", None) or vars(engine).get("engine")
        seen += 1
    return None


def lookup_keys(text: str) -> set[str]:
    """Every key a check of `text` may look up: each word and each run of up to three words."""
    low = [t.text.lower() for t in words(text)]
    keys = set(low)
    for n in range(2, MAX_SPAN + 1):
        keys.update(" ".join(low[i : i + n]) for i in range(len(low) - n + 1))
    return keys


class ProfileOptions:
    """A writer's own real-word slips as options for the context engine, which receives this when it
    is built (`ContextEngine(alternatives=...)`, `assemble.make_engine(profile=...)`): for a written
    word, the words this writer meant by it, with how often."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.paused = False  # `PersonalizedEngine.plain_check` asks the same engine without them

    def __call__(self, word: str) -> list[tuple[str, float]]:
        if self.paused or not self.profile.enabled:
            return []
        return [(i, w) for i, w in self.profile.intended_for(word) if self.profile.rejection(word, i)[1] < REJECT_DROP]


class PersonalizedEngine:
    """Wraps an engine with a writer's profile. Where the engine has a context layer, that layer was
    built with `options` (the profile's own slips as options to weigh in the sentence)."""

    def __init__(self, engine, profile: Profile, options: ProfileOptions | None = None):
        self.engine = engine
        self.profile = profile
        self.options = options
        self.context = find_context(engine)
        self.lexicon = _lexicon_of(engine)
        self.last_overhead_ms = 0.0
        if options is not None:
            options.profile = profile

    def use_profile(self, profile: Profile) -> None:
        """Apply another writer's profile from now on (a benchmark replays several writers)."""
        self.profile = profile
        if self.options is not None:
            self.options.profile = profile

    # What callers ask of any engine, answered by the wrapped one.
    @property
    def name(self) -> str:
        return self.engine.name

    @property
    def fast(self):
        return getattr(self.engine, "fast", None)

    @property
    def personal(self):
        return getattr(self.engine, "personal", None)

    @property
    def ignored(self):
        return getattr(self.engine, "ignored", None)

    @property
    def model_name(self) -> str:
        return getattr(self.engine, "model_name", "")

    @property
    def load_seconds(self):
        return getattr(self.engine, "load_seconds", None)

    @property
    def scorer(self):
        return getattr(self.engine, "scorer", None)

    def suggest_word(self, *args, **kwargs):
        return self.engine.suggest_word(*args, **kwargs)

    def _net_rejected(self, key: str, suggested: str) -> float:
        return self.profile.rejection(key, suggested)[1]

    def plain_check(self, text: str) -> CheckResult:
        """The wrapped engine's answer without the profile (benchmarks compare the two)."""
        if self.options is None:
            return self.engine.check(text)
        self.options.paused = True
        try:
            return self.engine.check(text)
        finally:
            self.options.paused = False

    def relevant(self, text: str) -> bool:
        """False when the profile cannot change this text's result (so a benchmark may skip it)."""
        return self.profile.enabled and self.profile.mentions(lookup_keys(text))

    def check(self, text: str) -> CheckResult:
        base = self.engine.check(text)
        if not self.profile.enabled or self.profile.empty:
            return base
        t0 = time.perf_counter()
        suggestions = self.apply(text, base.suggestions)
        self.last_overhead_ms = (time.perf_counter() - t0) * 1000
        return CheckResult(text, suggestions, base.engine, base.elapsed_ms + self.last_overhead_ms, base.notices)

    # -- post-processing ---------------------------------------------------------------------------
    def apply(self, text: str, suggestions) -> tuple[Suggestion, ...]:
        toks = words(text)
        starts = [t.start for t in toks]
        ends = [t.end for t in toks]

        def neighbours(start: int, end: int) -> tuple[str, str]:
            i, j = bisect_right(ends, start) - 1, bisect_left(starts, end)
            return (toks[i].text if i >= 0 else ""), (toks[j].text if j < len(toks) else "")

        out = []
        for s in suggestions:
            s = self._adjust(s)
            if s is not None:
                s = self._after_rejections(s, *neighbours(s.start, s.end))
            if s is not None:
                out.append(s)
        taken = sorted((s.start, s.end) for s in suggestions)
        for s in self._new(text, toks, taken):
            s = self._after_rejections(s, *neighbours(s.start, s.end))
            if s is not None:
                out.append(s)
        return tuple(sorted(out, key=lambda s: s.start))

    def _adjust(self, s: Suggestion) -> Suggestion | None:
        key = normalise(s.original)
        if self.profile.knows(key):
            return None  # the writer added it to the dictionary
        pairs = self.profile.intended_for(key)
        if not pairs:
            return s
        strength = min(1.0, pairs[0][1] / FULL_WEIGHT)
        boosted = round(s.confidence + (MAX_CONFIDENCE - s.confidence) * BOOST * strength, 3)
        mine = [match_case(s.original, i) for i, _w in pairs]
        if s.replacements and " " not in key and self._real_word(key, pairs[0][0]):
            # A real word: the engine weighed it in context; the writer's habit only adds certainty.
            if s.best.lower() in {m.lower() for m in mine}:
                return _with(s, confidence=boosted)
            return s
        reps = tuple(dict.fromkeys(mine + [r for r in s.replacements if r.lower() not in {m.lower() for m in mine}]))
        if not s.replacements or reps[0].lower() != s.best.lower():
            return _personal(s.start, s.end, s.original, reps, max(boosted, _new_confidence(strength)))
        return _with(s, replacements=reps, confidence=boosted)

    def _new(self, text: str, toks, taken) -> list[Suggestion]:
        """Personal suggestions where the engine said nothing."""
        protected = None  # computed only when a word matches: most texts never need it
        personal = getattr(self.engine, "personal", None) or ()
        ignored = getattr(self.engine, "ignored", None) or ()
        out: list[Suggestion] = []
        low = [t.text.lower() for t in toks]
        longest = min(MAX_SPAN, self.profile.longest)
        i = 0
        while i < len(toks):
            found = None
            for n in range(min(longest, len(toks) - i), 0, -1):
                span = toks[i : i + n]
                key = " ".join(low[i : i + n]) if n > 1 else low[i]
                pairs = self.profile.intended_for(key)  # a dictionary look-up first: the rest is rare
                if not pairs or self.profile.knows(key) or (n == 1 and (span[0].text in personal or key in ignored)):
                    continue
                start, end = span[0].start, span[-1].end
                protected = protected_spans(text) if protected is None else protected
                if _overlaps(taken, start, end) or _overlaps(protected, start, end):
                    continue
                if n > 1 and any(text[a.end : b.start] not in (" ", "  ") for a, b in zip(span, span[1:])):
                    continue
                if n == 1 and self._real_word(key, pairs[0][0]) and not self._fast_supports(toks, i, pairs[0][0]):
                    continue
                if n > 1 and not self._join_supported(span, pairs[0][0]):
                    continue
                original = text[start:end]
                reps = tuple(dict.fromkeys(match_case(original, p) for p, _w in pairs))
                found = _personal(start, end, original, reps, _new_confidence(min(1.0, pairs[0][1] / FULL_WEIGHT)))
                i += n
                break
            if found is None:
                i += 1
            else:
                out.append(found)
        return out

    def _join_supported(self, span, intended: str) -> bool:
        """Real words written apart ("some times") are joined only where the joined word is more
        usual than the pair as written ("bell ringing" stays two words)."""
        lex = self.lexicon
        if not all(lex.is_common(t.text.lower()) or lex.is_name(t.text.lower()) for t in span):
            return True  # a non-word in the span: the writer's correction stands
        if " " in intended or len(span) != 2:
            return False
        return lex.zipf(intended.lower()) >= lex.bigram_zipf(span[0].text, span[1].text) + JOIN_GAP

    def _real_word(self, key: str, intended: str) -> bool:
        """A word that is right in some sentences ("Joyce" may need no "'s"), so context must decide;
        a rare word the writer meant as a far more common one ("Jame" for James) is a slip anywhere."""
        lex = self.lexicon
        if not (lex.is_common(key) or lex.is_name(key)):
            return False
        zipf = lex.zipf(key)
        return not (zipf < WEAK_ZIPF and lex.zipf(intended.lower()) - zipf >= WEAK_GAP)

    def _fast_supports(self, toks, i: int, intended: str) -> bool:
        """A real-word pair without a context model: only where the neighbours' word-pair counts
        favour the intended word clearly (with a model, the model decides in its hook)."""
        if self.context is not None or " " in intended:
            return False
        lex, written = self.lexicon, toks[i].text.lower()
        gain = 0.0
        if i > 0:
            prev = toks[i - 1].text.lower()
            gain += lex.bigram_zipf(prev, intended) - lex.bigram_zipf(prev, written)
        if i + 1 < len(toks):
            nxt = toks[i + 1].text.lower()
            gain += lex.bigram_zipf(intended, nxt) - lex.bigram_zipf(written, nxt)
        return gain >= FAST_REAL_WORD_GAIN

    def _after_rejections(self, s: Suggestion, previous: str, following: str) -> Suggestion | None:
        if not s.replacements:
            return s
        here, net = self.profile.rejection(normalise(s.original), s.best, previous, following)
        if net <= 0:
            return s
        if here >= 1.0 or net >= REJECT_DROP:
            return None
        return _with(s, confidence=round(s.confidence * REJECT_FACTOR ** net, 3))


class _NoLexicon:
    """For an engine without a dictionary: every word might be right, and nothing supports a change."""

    def is_common(self, word):
        return True

    def is_name(self, word):
        return False

    def zipf(self, word):
        return 0.0

    def bigram_zipf(self, first, second):
        return 0.0


def _lexicon_of(engine):
    found = getattr(engine, "lexicon", None) or getattr(getattr(engine, "fast", None), "lexicon", None)
    return found if found is not None else _NoLexicon()


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets one of `spans` (sorted, not overlapping): a binary search, since a
    long document has many."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return any(s < end and start < e for s, e in spans[max(0, i) : i + 2])


def _new_confidence(strength: float) -> float:
    lo, hi = NEW_CONFIDENCE
    return round(lo + (hi - lo) * strength, 3)


def _with(s: Suggestion, **changes) -> Suggestion:
    from dataclasses import replace

    return replace(s, **changes)


def _personal(start: int, end: int, original: str, reps: tuple[str, ...], confidence: float) -> Suggestion:
    best = reps[0]
    if len(best.split()) != len(original.split()):
        kind = Kind.SPACING
    elif "'" in best and "'" not in original:
        kind = Kind.CONTRACTION
    else:
        kind = Kind.SPELLING
    return Suggestion(start, end, original, reps, kind, confidence, SOURCE, f"you have changed {original} to {best} before")
