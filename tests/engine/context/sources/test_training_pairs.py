"""Real-word slips from the training pairs (`sources.training_pairs`)."""

import math

from context_fakes import MARGINS, FakeScorer, LeadScorer, prior_share, tuned

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.types import Kind


def test_real_word_confusions_from_training_data_need_a_clear_margin(make):
    eng = make()
    eng.real_words = {"cave": ("gave",)}
    assert eng.check("He cave me a toy.").suggestions == ()
    eng = make(liked=["gave"])
    eng.real_words = {"cave": ("gave",)}
    (s,) = eng.check("He cave me a toy.").suggestions
    assert (s.original, s.best) == ("cave", "gave")


def test_a_slip_of_a_very_common_word_is_asked_about_only_where_a_neighbour_points_to_it(engine):
    scorer = FakeScorer()
    ctx = ContextEngine(engine, scorer)
    ctx.common_words = {"is": ("his",)}
    ctx.check("He broke is leg. He is going home.")
    continuations = [c.lstrip() for _, cs in scorer.calls for c in cs]
    assert any(c.startswith("his leg") for c in continuations)  # "his leg" is a usual pair, "is leg" not
    assert not any(c.startswith("his going") for c in continuations)  # "is going" is


def test_a_very_common_words_slip_needs_the_larger_common_margin(engine):
    text = "He broke is leg."
    need = MARGINS["common"] + prior_share(engine, "is", "his")

    def ctx(lead):
        # no option passes as a plain noisy channel instead
        c = ContextEngine(engine, LeadScorer({"his": lead}), tuning=tuned(slip_clear_margin=math.inf))
        c.common_words = {"is": ("his",)}
        return c

    (s,) = ctx(need + 1).check(text).suggestions
    assert (s.original, s.best, s.kind) == ("is", "his", Kind.SPELLING)
    assert ctx(need - 1).check(text).suggestions == ()
    assert MARGINS["common"] > MARGINS["realword"]


def test_a_training_pair_that_is_another_form_of_the_word_takes_the_inflection_margin(engine):
    # "pick" for "picked" is a tense slip, whether or not the word before cues it; "pack" stays a
    # real-word confusion with its own margin.
    ctx = ContextEngine(engine, FakeScorer())
    ctx.real_words = {"pick": ("picked", "pack")}
    text = "Then they pick him up."
    start = text.index("pick")
    slot = ctx._context_slot(text, start, start + 4, "pick")
    assert slot.option_sources["picked"] == "inflection" and slot.option_sources["pack"] == "realword"
