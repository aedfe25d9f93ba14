"""A commoner word one cheap slip away that a neighbouring word points to (`sources.neighbours`)."""

import math

from context_fakes import MARGINS, FakeScorer, LeadScorer, first_words_asked, prior_share, tuned

from dyslexic_writer.engine.context import ContextEngine


def test_a_commoner_word_one_slip_away_is_asked_about_where_a_neighbour_points_to_it(engine, without_slips):
    scorer = FakeScorer()
    ContextEngine(engine, scorer, tuning=without_slips).check("It was the fist time. She made a fist.")
    assert first_words_asked(scorer) == {"fist", "first"}  # "first time", not "a first" at the end
    assert len(scorer.calls) == 1


def test_a_neighbour_slip_needs_the_neighbour_margin_and_capitals_are_left_alone(engine):
    strict = tuned(slip_clear_margin=math.inf)  # no option passes as a plain noisy channel instead
    text = "It was the fist time."
    need = MARGINS["neighbour"] + prior_share(engine, "fist", "first")
    (s,) = ContextEngine(engine, LeadScorer({"first": need + 1}), tuning=strict).check(text).suggestions
    assert (s.original, s.best) == ("fist", "first")
    assert ContextEngine(engine, LeadScorer({"first": need - 1}), tuning=strict).check(text).suggestions == ()
    scorer = FakeScorer()  # a capitalised word (a name as often, at a sentence's start) is not asked about
    ContextEngine(engine, scorer).check("Fist time.")
    assert scorer.calls == []
