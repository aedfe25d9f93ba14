"""Verbs where the word before wants one (`sources.verbs`)."""

from context_fakes import MARGINS, FakeScorer, LeadScorer, first_words_asked, prior_share

from dyslexic_writer.engine.context import ContextEngine


def test_a_verb_a_slip_away_is_weighed_where_the_word_before_wants_one(engine):
    text = "Then I thing it is late."
    need = MARGINS["verb"] + prior_share(engine, "thing", "think")

    def ctx(scorer):  # without the training data's "thing" -> "think", which has its own margin
        c = ContextEngine(engine, scorer)
        c.real_words = {}
        return c

    (s,) = ctx(LeadScorer({"think": need + 1})).check(text).suggestions
    assert (s.original, s.best) == ("thing", "think")
    assert ctx(LeadScorer({"think": need - 1})).check(text).suggestions == ()
    # after a word that wants no verb, "thing" is not asked about
    scorer = FakeScorer()
    ctx(scorer).check("Then the thing is late.")
    assert "think" not in first_words_asked(scorer)
