"""Capitalised words mid-sentence that are neither words nor known names (`sources.capitals`)."""

from context_fakes import MARGINS, FakeScorer, LeadScorer

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.types import Kind


def test_a_capitalised_non_word_mid_sentence_needs_a_clear_lead(engine):
    # "Royl" may be a name, so the fast engine leaves it; the sentence may still want "Royal".
    text = "We saw the Royl family."
    slip = ContextEngine(engine, LeadScorer({})).slip_price("Royl", "Royal")  # how unlikely the slip is, in nats
    clear = ContextEngine(engine, LeadScorer({"Royal": slip + MARGINS["capital"] + 1}))
    (s,) = clear.check(text).suggestions
    assert (s.original, s.best, s.kind) == ("Royl", "Royal", Kind.SPELLING)
    close = ContextEngine(engine, LeadScorer({"Royal": slip + MARGINS["capital"] - 1}))
    assert close.check(text).suggestions == ()


def test_a_capitalised_non_word_may_be_a_common_name_a_cheap_slip_away(engine):
    clear = ContextEngine(engine, LeadScorer({"London": 30.0}))
    (s,) = clear.check("We flew to Londen today.").suggestions
    assert (s.original, s.best) == ("Londen", "London")


def test_known_names_and_capitalised_words_far_from_any_word_are_not_asked_about(engine):
    scorer = FakeScorer(liked=["report", "robot", "bridgework", "tv"])
    result = ContextEngine(engine, scorer).check("We met Robert at Bridgebrook today and watched XTV.")
    assert result.suggestions == ()
    asked = " ".join(c for _, cs in scorer.calls for c in cs).lower()
    assert not {"report", "robot", "bridgework", "tv"} & set(asked.replace(".", " ").split())
