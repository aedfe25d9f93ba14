"""The profile applied to an engine's results, with small fake engines and word lists so every
decision is exact (and one run through the real context layer with a fake model)."""

import statistics

import pytest

from dyslexic_writer.engine.personal import personalize as pz
from dyslexic_writer.engine.personal.personalize import PersonalizedEngine, ProfileOptions, find_context
from dyslexic_writer.engine.personal.profile import Profile
from dyslexic_writer.engine.types import CheckResult, Kind, Suggestion


class FakeLexicon:
    def __init__(self, common=(), names=(), zipf=None, bigrams=None):
        self.common, self.names = set(common), set(names)
        self._zipf, self._bigrams = zipf or {}, bigrams or {}

    def is_common(self, w):
        return w.lower() in self.common

    def is_name(self, w):
        return w.lower() in self.names

    def zipf(self, w):
        return self._zipf.get(w.lower(), 4.0 if w.lower() in self.common else 0.0)

    def bigram_zipf(self, a, b):
        return self._bigrams.get(f"{a.lower()} {b.lower()}", 0.0)


class FakeEngine:
    """Answers with the suggestions it is given (placed by their original word)."""

    name = "fake"

    def __init__(self, lexicon, said=()):
        self.lexicon = lexicon
        self.said = said
        self.personal, self.ignored = set(), set()

    def check(self, text):
        out = []
        for original, reps, kind, conf in self.said:
            i = text.find(original)
            if i >= 0:
                out.append(Suggestion(i, i + len(original), original, tuple(reps), kind, conf, "fast"))
        return CheckResult(text, tuple(out), self.name)

    def suggest_word(self, word, limit=5):
        return ["word"]


class FakeScorer:
    """A language model that likes some words: each one in a continuation adds 6 nats."""

    def __init__(self, liked=()):
        self.liked = set(liked)

    def score(self, prefix, continuations):
        return [-len(c.split()) + 6.0 * sum(t in self.liked for t in c.lower().replace(".", " ").split()) for c in continuations]


COMMON = ["i", "we", "were", "where", "going", "home", "the", "place", "met", "my", "came", "he", "me", "a", "book",
          "some", "times", "sometimes", "bell", "ringing", "saw", "today", "sister", "sitter", "john"]


@pytest.fixture
def lex():
    return FakeLexicon(common=COMMON, names=["john"], zipf={"sometimes": 5.5},
                       bigrams={"we were": 5.0, "were going": 4.5, "we where": 2.0, "where going": 2.0,
                                "place where": 4.0, "where we": 4.5, "place were": 1.0, "were we": 3.0,
                                "some times": 3.0, "bell ringing": 3.0})


def test_a_non_word_gets_the_writers_usual_word_first(lex):
    base = FakeEngine(lex, [("siter", ["sitter", "sister"], Kind.SPELLING, 0.5)])
    p = Profile()
    e = PersonalizedEngine(base, p)
    assert e.check("My siter came.").suggestions[0].best == "sitter"
    p.record_accepted("siter", "sister")
    (s,) = e.check("My siter came.").suggestions
    assert s.replacements == ("sister", "sitter") and s.confidence > 0.5 and s.source == "personal"


def test_an_unknown_word_with_no_replacement_gets_the_personal_one(lex):
    base = FakeEngine(lex, [("xyzzq", [], Kind.UNKNOWN, 0.4)])
    p = Profile()
    p.record_self("xyzzq", "quiz")
    (s,) = PersonalizedEngine(base, p).check("A xyzzq today.").suggestions
    assert (s.best, s.kind) == ("quiz", Kind.SPELLING)


def test_a_word_the_engine_took_for_a_name_is_marked_after_a_correction(lex):
    p = Profile()
    p.record_accepted("jonn", "john")
    (s,) = PersonalizedEngine(FakeEngine(lex), p).check("I saw Jonn today.").suggestions
    assert (s.original, s.best, s.start) == ("Jonn", "John", 6)
    assert PersonalizedEngine(FakeEngine(lex), p).check("I saw John today.").suggestions == ()


def test_fast_only_a_real_word_slip_needs_its_neighbours_support(lex):
    p = Profile()
    p.record_accepted("where", "were")
    e = PersonalizedEngine(FakeEngine(lex), p)
    (s,) = e.check("We where going home.").suggestions
    assert (s.original, s.best) == ("where", "were")
    assert e.check("This is the place where we met.").suggestions == ()


def test_real_words_written_apart_are_joined_only_where_the_joined_word_is_usual(lex):
    p = Profile()
    p.record_accepted("some times", "sometimes")
    p.record_accepted("bell ringing", "bellringing")
    e = PersonalizedEngine(FakeEngine(lex), p)
    (s,) = e.check("We saw some times a bell ringing.").suggestions
    assert (s.original, s.best, s.kind) == ("some times", "sometimes", Kind.SPACING)


def test_rejections_stay_away_in_the_same_place_and_lower_it_elsewhere(lex):
    base = FakeEngine(lex, [("flour", ["flower"], Kind.HOMOPHONE, 0.8)])
    p = Profile()
    e = PersonalizedEngine(base, p)
    p.record_rejected("flour", "flower", "the", "was")
    assert e.check("So the flour was soft.").suggestions == ()
    (s,) = e.check("A flour here.").suggestions
    assert s.confidence == pytest.approx(0.8 * pz.REJECT_FACTOR, abs=0.01)
    p.record_rejected("flour", "flower", "x", "y")
    p.record_rejected("flour", "flower", "y", "z")
    assert e.check("A flour here.").suggestions == ()  # three times anywhere: not shown at all
    for _ in range(4):
        p.record_accepted("flour", "flower")
    assert len(e.check("A flour here.").suggestions) == 1  # accepting it later outweighs the noes


def test_words_added_to_the_dictionary_are_never_marked(lex):
    p = Profile()
    p.record_word("Grizzlebop")
    base = FakeEngine(lex, [("Grizzlebop", ["grizzle"], Kind.SPELLING, 0.6)])
    assert PersonalizedEngine(base, p).check("Grizzlebop is here.").suggestions == ()


def test_learning_switched_off_changes_nothing(lex):
    base = FakeEngine(lex, [("siter", ["sitter", "sister"], Kind.SPELLING, 0.5)])
    p = Profile()
    p.record_accepted("siter", "sister")
    p.enabled = False
    e = PersonalizedEngine(base, p)
    assert e.check("My siter came.").suggestions[0].best == "sitter"
    assert not e.relevant("My siter came.")


def test_everything_else_passes_through(lex):
    e = PersonalizedEngine(FakeEngine(lex), Profile())
    assert e.name == "fake" and e.suggest_word("x") == ["word"] and e.personal == set()


def test_with_the_context_layer_the_model_decides_a_real_word_slip(engine):
    from dyslexic_writer.engine.context import ContextEngine

    p = Profile()
    p.record_accepted("cave", "moon")  # a pair no other source would offer, so the profile alone brings it

    def built_with_profile(scorer):  # as assemble.make_engine(profile=...) builds it
        options = ProfileOptions(p)
        return PersonalizedEngine(ContextEngine(engine, scorer, alternatives=options), p, options)

    liked = built_with_profile(FakeScorer(liked=["moon"]))
    (s,) = liked.check("He cave me a book.").suggestions
    assert (s.original, s.best, s.source) == ("cave", "moon", "model")
    assert liked.plain_check("He cave me a book.").suggestions == ()  # the same engine without the profile
    assert liked.check("He cave me a book.").suggestions  # and with it again after
    neutral = built_with_profile(FakeScorer())
    assert neutral.check("They hid in a cave near the sea.").suggestions == ()


def test_wrapping_changes_nothing_in_the_wrapped_engine(engine):
    from dyslexic_writer.engine.context import ContextEngine

    ctx = ContextEngine(engine, FakeScorer())
    PersonalizedEngine(ctx, Profile())
    assert ctx.extra_alternatives is None


def test_profile_options_follow_the_profile_in_use(lex):
    first, second = Profile(), Profile()
    first.record_accepted("cave", "gave")
    options = ProfileOptions(first)
    assert [w for w, _ in options("cave")] == ["gave"]
    options.paused = True
    assert options("cave") == []
    options.paused = False
    PersonalizedEngine(FakeEngine(lex), first, options).use_profile(second)
    assert options.profile is second and options("cave") == []


def test_the_context_engine_is_found_inside_wrappers(engine):
    from dyslexic_writer.engine.cache import SentenceCache
    from dyslexic_writer.engine.context import ContextEngine
    from dyslexic_writer.engine.combined import CombinedEngine

    ctx = ContextEngine(engine, FakeScorer())
    assert find_context(SentenceCache(CombinedEngine(ctx, engine))) is ctx
    assert find_context(engine) is None


def test_make_engine_wraps_with_a_profile(engine):
    from dyslexic_writer.assemble import make_engine

    e = make_engine("fast", fast=engine, profile=Profile())
    assert isinstance(e, PersonalizedEngine) and e.engine is engine


def test_profile_lookups_cost_well_under_a_millisecond_a_sentence(lex):
    p = Profile()
    with p.batch():
        for i in range(2000):
            p.record_accepted(f"wrd{i}", f"word{i}")
        p.record_accepted("siter", "sister")
    base = FakeEngine(lex, [("siter", ["sitter", "sister"], Kind.SPELLING, 0.5)])
    e = PersonalizedEngine(base, p)
    text = "My siter came home today and we were going to the place where we met a book some times."
    times = []
    for _ in range(50):
        e.check(text)
        times.append(e.last_overhead_ms)
    assert statistics.median(times) < 1.0
