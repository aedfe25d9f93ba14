"""Two written words that may be one (`sources.joins`)."""

import pytest
from context_fakes import MARGINS, SHIPPED, FakeScorer, LeadScorer, first_words_asked, with_pairs

from dyslexic_writer.engine.context import ContextEngine, Slot
from dyslexic_writer.engine.context.sources.joins import fixed_join, join_corrections, with_join
from dyslexic_writer.engine.candidates.error_model import edit_cost
from dyslexic_writer.engine.text import words
from dyslexic_writer.engine.types import Kind


def test_two_words_that_make_one_are_asked_about(make):
    eng = make(liked=["sometimes"])
    assert eng.check("I go out some times.").corrected == "I go out sometimes."
    # a neutral model keeps what was written
    assert make().check("I go out some times.").suggestions == ()


def test_a_writers_slip_goes_to_the_model_instead_of_a_rare_joined_word(engine):
    assert engine.lexicon.zipf("herein") < SHIPPED.join_personal_zipf
    text = "So he put here in with the cows."
    scorer = LeadScorer({"her": 10.0, "herein": 10.0})
    assert ContextEngine(engine, scorer).check(text).corrected == "So he put herein with the cows."
    mine = with_pairs(engine, scorer, {"here": [("her", 2.0)]})
    assert mine.check(text).corrected == "So he put her in with the cows."


def test_a_non_word_split_from_its_neighbour_may_become_one_word(make):
    # "a nother": the non-word's slot takes in "a", and the joined word is weighed against the
    # non-word's own corrections, with the neighbour kept as written in those.
    result = make(liked=["another"]).check("I had a nother cake.")
    (s,) = result.suggestions
    assert (s.original, s.best, s.kind) == ("a nother", "another", Kind.SPACING)
    assert all(r == "another" or r.startswith("a ") for r in s.replacements)
    assert result.corrected == "I had another cake."
    # ...and when the sentence wants the single correction, the neighbour is kept
    assert make(liked=["mother"]).check("I had a nother cake.").corrected == "I had a mother cake."


def test_a_join_never_drops_a_written_word(engine):
    # "awas" is close to "was", but taking it would silently drop the "a".
    ctx = ContextEngine(engine, FakeScorer())
    assert "was" not in join_corrections(ctx, "awas")
    assert join_corrections(ctx, "anouther") == ["another"]


@pytest.mark.parametrize("text, written, joined", [
    ("Get in line be for I count.", "be for", "before"),  # "for" is asked about anyway (four)
    ("I really enjoyed my shelf today.", "my shelf", "myself"),  # neither word is
])
def test_two_words_a_slip_away_from_one_pay_for_the_slip(engine, text, written, joined):
    # "be for" is "before" with one letter left out: the join must clear its margin and the slip
    need = MARGINS["join"] + SHIPPED.channel_weight * edit_cost(written.replace(" ", ""), joined).value
    (s,) = ContextEngine(engine, LeadScorer({joined: need + 1})).check(text).suggestions
    assert (s.original, s.best, s.kind) == (written, joined, Kind.SPACING)
    assert ContextEngine(engine, LeadScorer({joined: need - 1})).check(text).suggestions == ()


def test_a_word_whose_slot_took_in_a_join_may_still_be_corrected_alone(engine):
    # "for" -> "four" beats both "be for" and "before": the suggestion covers "for" only
    ctx = ContextEngine(engine, FakeScorer(liked=["four"]))
    ctx.real_words = {"for": ("four",)}  # a writer known for it: "four" is far rarer than "for"
    result = ctx.check("I will be for cats.")
    (s,) = result.suggestions
    assert (s.original, s.best) == ("for", "four")
    assert result.corrected == "I will be four cats."


def test_an_exact_join_takes_precedence_over_one_with_a_slip(engine):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("We went to the shop so on Monday.")
    asked = first_words_asked(scorer)
    assert "soon" in asked and "shops" not in asked


@pytest.mark.parametrize("first, second, expected", [
    ("be", "for", "before"),
    ("all", "ways", "always"),  # one of a double left out
    ("my", "shelf", "myself"),
    ("he", "is", None),         # "his" would lose the word "is"
    ("for", "a", None),         # a slip in "a" is the whole word
    ("we", "are", None),        # "wears" is rarer than "we are"
])
def test_a_join_with_a_slip_keeps_both_words(engine, first, second, expected):
    found = fixed_join(ContextEngine(engine, FakeScorer()), first, second)
    assert (found[0] if found else None) == expected
    assert found is None or 0 < found[1] <= SHIPPED.join_fix_cost  # the slip's cost comes with it


def test_two_words_of_an_open_compound_are_not_joined(engine):
    lex = engine.lexicon
    # edited text writes "motor bike" apart about as often as "motorbike" together
    assert lex.bigram_zipf("motor", "bike") >= lex.zipf("motorbike") - SHIPPED.compound_gap
    scorer = FakeScorer(liked=["motorbike"])
    assert ContextEngine(engine, scorer).check("He came on a motor bike.").suggestions == ()
    assert "motorbike" not in first_words_asked(scorer)


def test_a_single_letter_is_never_half_of_a_joined_word(engine):
    scorer = FakeScorer(liked=["am"])
    assert ContextEngine(engine, scorer).check("It was 4 a m on Monday.").suggestions == ()


def test_a_slot_grown_over_a_join_keeps_its_slips_prices(engine):
    text = "Come home be for dark."
    start = text.index("be")
    ctx = ContextEngine(engine, FakeScorer())
    slot = Slot(start, start + 2, "be", ["by"], "realword", option_sources={"by": "slip"}, learned={"by": 1.5})
    grown = with_join(ctx, text, 0, words(text), slot, [], [], fixed=True)
    assert grown.original == "be for" and "before" in grown.options
    assert grown.learned == {"by for": 1.5} and grown.option_sources["by for"] == "slip"


def test_two_written_words_known_as_a_misspelling_of_one(make, seen):
    seen({})
    assert "enough" not in make(liked=["enough"]).check("I had a zorble cake.").corrected
    seen({"a zorble": (("enough", 1),)})
    result = make(liked=["enough"]).check("I had a zorble cake.")
    assert result.corrected == "I had enough cake."
    assert result.suggestions[0].kind == Kind.SPACING
