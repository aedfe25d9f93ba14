"""The writer's own slips (`sources.own_slips`): their margins and the writer's usual word."""

from context_fakes import MARGINS, SHIPPED, LeadScorer, prior_share, with_pairs

from dyslexic_writer.engine.context import ContextEngine


def test_a_personal_slip_with_a_very_common_word_needs_a_real_word_margin(engine):
    # The same lead (beyond each option's frequency prior) flips a personal "cave" -> "gave" but
    # not a personal "the" -> "they".
    lead = MARGINS["realword"] - 0.5
    assert lead > MARGINS["personal"]
    pairs = {"cave": ["gave"], "the": ["they"]}
    gave = LeadScorer({"gave": lead + prior_share(engine, "cave", "gave")})
    assert with_pairs(engine, gave, pairs).check("We cave him a book.").corrected == "We gave him a book."
    they = LeadScorer({"they": lead + prior_share(engine, "the", "they")})
    assert with_pairs(engine, they, pairs).check("I saw the dog.").corrected == "I saw the dog."


def test_a_slip_the_writer_repeats_needs_less_support_from_the_sentence(engine):
    lead = prior_share(engine, "cave", "gave") + (SHIPPED.personal_repeated_margin + MARGINS["personal"]) / 2
    once = with_pairs(engine, LeadScorer({"gave": lead}), {"cave": [("gave", 1.0)]})
    assert once.check("We cave him a book.").corrected == "We cave him a book."
    often = with_pairs(engine, LeadScorer({"gave": lead}), {"cave": [("gave", SHIPPED.personal_repeated)]})
    assert often.check("We cave him a book.").corrected == "We gave him a book."


def test_a_repeated_slip_with_a_very_common_word_still_needs_a_clear_lead(engine):
    lead = prior_share(engine, "the", "they") + (SHIPPED.common_repeated_margin + MARGINS["realword"]) / 2
    once = with_pairs(engine, LeadScorer({"they": lead}), {"the": [("they", 1.0)]})
    assert once.check("I saw the dog.").corrected == "I saw the dog."
    often = with_pairs(engine, LeadScorer({"they": lead}), {"the": [("they", SHIPPED.personal_repeated + 1)]})
    assert often.check("I saw the dog.").corrected == "I saw they dog."
    small = with_pairs(engine, LeadScorer({"they": lead - 1.5}), {"the": [("they", SHIPPED.personal_repeated + 1)]})
    assert small.check("I saw the dog.").corrected == "I saw the dog."


def test_a_writers_slip_gets_the_personal_margin_where_a_homophone_set_also_offers_it(engine):
    # "for" is in the four/for/fore set (margin 2); the writer's own four -> for needs only 1.
    lead = prior_share(engine, "four", "for") + (MARGINS["personal"] + MARGINS["homophone"]) / 2
    plain = ContextEngine(engine, LeadScorer({"for": lead}))
    assert plain.check("The police went four a walk.").corrected == "The police went four a walk."
    mine = with_pairs(engine, LeadScorer({"for": lead}), {"four": [("for", 1.0)]})
    assert mine.check("The police went four a walk.").corrected == "The police went for a walk."


def test_the_writers_usual_word_wins_where_two_fit_equally(engine):
    text = "We cave him a book."
    both = LeadScorer({"gave": 10.0, "came": 10.0})
    usual_came = with_pairs(engine, both, {"cave": [("gave", 1.0), ("came", 3.0)]})
    assert usual_came.check(text).corrected == "We came him a book."
    usual_gave = with_pairs(engine, both, {"cave": [("gave", 3.0), ("came", 1.0)]})
    assert usual_gave.check(text).corrected == "We gave him a book."
