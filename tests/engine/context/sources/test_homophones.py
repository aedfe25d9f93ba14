"""Homophones (`sources.homophones`)."""

from context_fakes import SHIPPED, FakeScorer, first_words_asked

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.types import Kind


def test_homophone_flips_when_the_model_prefers_it(make):
    result = make(liked=["there"]).check("I went their yesterday.")
    (s,) = result.suggestions
    assert (s.original, s.best, s.kind, s.source) == ("their", "there", Kind.HOMOPHONE, "model")
    assert "in or to that place" in s.explanation
    assert result.corrected == "I went there yesterday."


def test_a_far_rarer_homophone_needs_training_data_or_a_neighbour(engine):
    lex = engine.lexicon
    assert lex.zipf("some") - lex.zipf("sum") > SHIPPED.homophone_rarer
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("I have some cats.")
    assert "sum" not in first_words_asked(scorer)
    # once weak spellers are known to write "some" for "sum", it is asked about
    scorer = FakeScorer()
    ctx = ContextEngine(engine, scorer)
    ctx.real_words = {**ctx.real_words, "some": ("sum",)}
    ctx.check("I have some cats.")
    assert "sum" in first_words_asked(scorer)
