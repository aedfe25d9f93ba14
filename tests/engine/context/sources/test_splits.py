"""A word that may be two (`sources.splits`)."""

from context_fakes import FakeScorer

from dyslexic_writer.engine.context import ContextEngine


def test_a_word_is_split_only_where_its_two_words_are_written_apart_as_often(engine):
    scorer = FakeScorer()
    ctx = ContextEngine(engine, scorer)
    ctx.check("The dog ran outside.")  # "out side" is far rarer than "outside"
    ctx.check("The dog may runaway.")  # "run away" is commoner than "runaway"
    continuations = [c.strip() for _, cs in scorer.calls for c in cs]
    assert "run away." in continuations
    assert not any(c.startswith("out side") for c in continuations)
