"""The context layer's decisions, with a fake language model so they are exact and fast."""

import math

import pytest

from dyslexic_writer.engine.context import MARGINS, ContextEngine
from dyslexic_writer.engine.types import Kind


class FakeScorer:
    """Scores a continuation by words it likes or dislikes; records what it was asked."""

    def __init__(self, liked=(), disliked=()):
        self.liked = {w.lower() for w in liked}
        self.disliked = {w.lower() for w in disliked}
        self.calls = []

    def score(self, prefix, continuations):
        self.calls.append((prefix, list(continuations)))
        out = []
        for c in continuations:
            toks = c.lower().replace(".", " ").split()
            out.append(-len(toks) + 6.0 * sum(t in self.liked for t in toks) - 6.0 * sum(t in self.disliked for t in toks))
        return out


@pytest.fixture
def make(engine):
    return lambda **kw: ContextEngine(engine, FakeScorer(**kw))


def test_homophone_flips_when_the_model_prefers_it(make):
    result = make(liked=["there"]).check("I went their yesterday.")
    (s,) = result.suggestions
    assert (s.original, s.best, s.kind, s.source) == ("their", "there", Kind.HOMOPHONE, "model")
    assert "in or to that place" in s.explanation
    assert result.corrected == "I went there yesterday."


def test_the_written_word_stays_without_a_clear_margin(make):
    # A neutral model scores every option alike: nothing may change.
    result = make().check("I went their yesterday. The flour is white.")
    assert result.suggestions == ()


def test_non_words_take_the_best_fitting_correction(make):
    # Neutral model: the error model decides ("doard" is one b/d reversal from "board").
    assert make().check("He has a big doard.").corrected == "He has a big board."
    # The sentence can still overrule the error model's favourite.
    assert make(disliked=["board"], liked=["toward"]).check("He has a big doard.").corrected == "He has a big toward."


def test_fast_engine_certainties_are_kept(make):
    assert make().check("Im sure i dont know.").corrected == "I'm sure I don't know."


def test_cued_contraction_is_kept_unless_the_model_objects(make):
    assert make().check("Wont be long.").corrected == "Won't be long."
    assert make(disliked=["won't"]).check("Wont be long.").corrected == "Wont be long."


def test_earlier_decisions_feed_later_prefixes(make):
    eng = make(liked=["there", "it's"])
    assert eng.check("Its over they're.").corrected == "It's over there."
    prefixes = [p for p, _ in eng.scorer.calls]
    assert "It's over" in prefixes


def test_protected_text_and_names_are_never_slots(make):
    eng = make(liked=["there", "too", "two", "whether"])
    result = eng.check("Mail Their at their@example.com or see https://x.io/their today.")
    assert result.suggestions == ()


def test_offsets_in_later_sentences(make):
    text = "All good here. I went their."
    (s,) = make(liked=["there"]).check(text).suggestions
    assert text[s.start : s.end] == "their" and s.start == 22


def test_margins_order():
    # Where the written word is least likely meant, the bar is lowest.
    assert MARGINS["nonword"] == -math.inf
    assert MARGINS["contraction_cued"] < MARGINS["homophone"] < MARGINS["rare"]


def test_personal_dictionary_words_are_left_alone(engine):
    from dyslexic_writer.engine.fast import FastEngine
    from dyslexic_writer.engine.personal import PersonalDictionary

    fast = FastEngine(lexicon=engine.lexicon, personal=PersonalDictionary(words={"their"}))
    assert ContextEngine(fast, FakeScorer(liked=["there"])).check("I went their.").suggestions == ()


def test_two_words_that_make_one_are_asked_about(make):
    eng = make(liked=["sometimes"])
    assert eng.check("I go out some times.").corrected == "I go out sometimes."
    # a neutral model keeps what was written
    assert make().check("I go out some times.").suggestions == ()


def test_real_word_confusions_from_training_data_need_a_clear_margin(make):
    eng = make()
    eng.real_words = {"cave": ("gave",)}
    assert eng.check("He cave me a toy.").suggestions == ()
    eng = make(liked=["gave"])
    eng.real_words = {"cave": ("gave",)}
    (s,) = eng.check("He cave me a toy.").suggestions
    assert (s.original, s.best) == ("cave", "gave")


def test_unknown_words_may_still_be_resolved_by_the_sentence(make):
    eng = make(liked=["discovered"])
    result = eng.check("We dicuverd a cave.")
    assert result.corrected == "We discovered a cave."
    # with no support from the sentence the unknown mark stays, and nothing is changed
    (s,) = make().check("We went to the qwxzt yesterday.").suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == ()
