"""An owner's missing apostrophe or 's (`sources.owners`)."""

from context_fakes import FakeScorer, first_words_asked

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.types import Kind


def test_an_owners_missing_apostrophe_is_weighed_before_a_word(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["boy's"])).check("The boys name is Tom.").suggestions
    assert (s.original, s.best, s.kind) == ("boys", "boy's", Kind.CONTRACTION)
    assert "belonging to boy" in s.explanation
    assert ContextEngine(engine, FakeScorer()).check("The boys name is Tom.").suggestions == ()
    # nothing follows that could be owned, or the word is too short to be an owner
    scorer = FakeScorer(liked=["boy's", "hi's"])
    ContextEngine(engine, scorer).check("I saw the boys. This is his cat.")
    assert not {"boy's", "hi's"} & first_words_asked(scorer)


def test_a_name_mid_sentence_may_be_its_owners_form(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["jean's"])).check("We walked to Jeans house.").suggestions
    assert (s.original, s.best) == ("Jeans", "Jean's")
    scorer = FakeScorer(liked=["jame's"])
    assert ContextEngine(engine, scorer).check("We saw James car.").suggestions == ()  # a name itself
    assert "jame's" not in first_words_asked(scorer)


def test_an_owner_written_without_its_s_is_weighed_before_a_noun(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["girl's"])).check("The girl coat was red.").suggestions
    assert (s.original, s.best, s.kind) == ("girl", "girl's", Kind.CONTRACTION)
    assert "belonging to girl" in s.explanation
    (s,) = ContextEngine(engine, FakeScorer(liked=["sam's"])).check("We went to Sam garden.").suggestions
    assert (s.original, s.best) == ("Sam", "Sam's")
    # a neutral model keeps the words as written
    assert ContextEngine(engine, FakeScorer()).check("The girl coat was red.").suggestions == ()
    # no noun after it, or two nouns written side by side for one thing ("school bus"): not asked
    scorer = FakeScorer(liked=["girl's", "school's"])
    ContextEngine(engine, scorer).check("The girl was red. He took the school bus.")
    assert not {"girl's", "school's"} & first_words_asked(scorer)
