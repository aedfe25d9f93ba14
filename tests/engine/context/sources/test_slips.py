"""A common word's likeliest slips (`sources.slips`)."""

import pytest
from context_fakes import MARGINS, FakeScorer, LeadScorer, slip_price, tuned

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.context.sources.slips import slip_options
from dyslexic_writer.engine.types import Kind


def test_a_common_word_is_asked_about_for_its_likeliest_slips(engine):
    text = "She tacks the bus to work every day."
    probe = ContextEngine(engine, FakeScorer())
    start = text.index("tacks")
    slips = slip_options(probe, text, start, start + 5, "tacks")
    assert "takes" in slips and slips["takes"] == pytest.approx(slip_price(probe, "tacks", "takes"))
    # a plain noisy channel: the model's lead must pay for the slip and clear the margin, with no
    # discount for "takes" being the commoner word
    need = slips["takes"] + MARGINS["slip"]  # the slip source's own margin
    (s,) = ContextEngine(engine, LeadScorer({"takes": need + 0.5})).check(text).suggestions
    assert (s.original, s.best, s.kind) == ("tacks", "takes", Kind.SPELLING)
    assert ContextEngine(engine, LeadScorer({"takes": need - 0.5})).check(text).suggestions == ()


def test_slips_are_weighed_only_where_the_words_around_make_them_likely_enough(engine):
    text = "We waited at the corer of the road."
    start = text.index("corer")
    probe = ContextEngine(engine, FakeScorer())
    assert next(iter(slip_options(probe, text, start, start + 5, "corer"))) == "corner"  # the likeliest first
    strict = ContextEngine(engine, FakeScorer(), tuning=tuned(slip_min_odds=50.0))  # no slip is that much likelier
    assert slip_options(strict, text, start, start + 5, "corer") == {}


def test_capitalised_and_unknown_words_get_no_slip_options(engine):
    probe = ContextEngine(engine, FakeScorer())
    text = "Tacks and qwxzt."
    assert slip_options(probe, text, 0, 5, "Tacks") == {}
    assert slip_options(probe, text, 10, 15, "qwxzt") == {}


def test_a_slip_option_another_source_names_keeps_that_sources_margin(engine):
    text = "It was the fist time."
    start = text.index("fist")
    slot = ContextEngine(engine, FakeScorer())._context_slot(text, start, start + 4, "fist")
    assert slot.option_sources["first"] == "neighbour" and "first" not in slot.learned
    assert all(slot.option_sources[alt] == "slip" for alt in slot.learned)


def test_only_slips_ask_about_a_word_after_the_joins_had_it(engine):
    # "be" on its own has likely slips ("by"), but "be for" is one slot, for "before"
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("Come home be for dark.")
    assert "before dark." in {c.strip() for _, cs in scorer.calls for c in cs}
