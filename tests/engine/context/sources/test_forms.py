"""Other forms of the word that the words before call for (`sources.forms`)."""

import pytest
from context_fakes import MARGINS, FakeScorer, LeadScorer, first_words_asked, prior_share

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.types import Kind


def test_a_form_the_word_before_calls_for_needs_a_clear_lead(engine):
    # "was play": the sentence may want "playing"; the lead must clear the inflection margin
    # beyond the frequency the other form has over the written one.
    text = "The boy was play in the yard."
    need = MARGINS["inflection"] + prior_share(engine, "play", "playing")
    (s,) = ContextEngine(engine, LeadScorer({"playing": need + 1})).check(text).suggestions
    assert (s.original, s.best, s.kind) == ("play", "playing", Kind.GRAMMAR)
    assert "another form of play" in s.explanation
    assert ContextEngine(engine, LeadScorer({"playing": need - 1})).check(text).suggestions == ()


def test_other_forms_are_asked_about_only_after_a_cue_word(engine):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("We play in the yard. He look at six week.")
    asked = first_words_asked(scorer)
    assert {"looks", "looked", "weeks"} <= asked
    assert "playing" not in asked  # "we play" is right as it is


@pytest.mark.parametrize("spelling, kept, dropped", [("british", "travelled", "traveled"),
                                                     ("american", "traveled", "travelled")])
def test_forms_the_sentence_may_want_come_in_the_writers_spelling(engine, monkeypatch, spelling, kept, dropped):
    monkeypatch.setattr(engine.lexicon, "spelling", spelling)
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("Last year he travel to Spain.")
    asked = first_words_asked(scorer)
    assert kept in asked and dropped not in asked


def test_with_either_spelling_both_forms_are_weighed(engine):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("Last year he travel to Spain.")
    assert {"travelled", "traveled"} <= first_words_asked(scorer)


def test_a_share_of_a_group_wants_the_plural(engine, without_slips):
    ctx = ContextEngine(engine, FakeScorer(liked=["cousins"]), tuning=without_slips)
    (s,) = ctx.check("One of my cousin lives in Leeds.").suggestions
    assert (s.original, s.best) == ("cousin", "cousins")
    # not after a plain "of my", and not for a word that is no noun
    scorer = FakeScorer(liked=["cousins"])
    ContextEngine(engine, scorer, tuning=without_slips).check("A friend of my cousin lives in Leeds.")
    assert "cousins" not in first_words_asked(scorer)
