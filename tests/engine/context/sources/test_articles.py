"""An article where no noun can follow (`sources.articles`)."""

from context_fakes import FakeScorer, first_words_asked

from dyslexic_writer.engine.context import ContextEngine


def test_an_article_before_a_verb_may_stand_for_another_word(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["there"])).check("Over the hill the was a man.").suggestions
    assert (s.original, s.best) == ("the", "there")
    assert ContextEngine(engine, FakeScorer()).check("Over the hill the was a man.").suggestions == ()
    scorer = FakeScorer(liked=["there"])
    ContextEngine(engine, scorer).check("Over the hill the house was red.")
    assert "there" not in first_words_asked(scorer)
