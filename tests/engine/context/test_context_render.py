"""Suggestions from decided slots (`context.render`): "not sure" marks for a non-word whose best
correction barely leads, what is offered, and a suggestion trimmed to the word that changed."""

import math

from context_fakes import SHIPPED, BatchingScorer, FakeScorer, LeadScorer

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.fast import MAYBE_WORDS
from dyslexic_writer.engine.types import Kind


def test_a_non_word_the_sentence_cannot_settle_is_marked_not_guessed(make, monkeypatch):
    # Every slip equally likely and a neutral model: no correction leads, so the word is marked
    # `unknown`, its likely words named, and nothing is changed.
    monkeypatch.setattr(ContextEngine, "slip_price", lambda self, written, option: 0.0)
    result = make().check("He has a big doard.")
    (s,) = result.suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == () and "board" in s.explanation
    assert "board" in s.maybe and len(s.maybe) <= MAYBE_WORDS and s.to_json()["maybe"] == list(s.maybe)
    assert result.corrected == "He has a big doard."
    # a clear lead from the sentence still corrects it
    assert make(liked=["board"]).check("He has a big doard.").corrected == "He has a big board."


def test_a_non_word_whose_options_the_model_rules_out_is_marked(engine):
    class NothingFits(FakeScorer):
        def score(self, prefix, continuations):
            return [-math.inf for _ in continuations]

    (s,) = ContextEngine(engine, NothingFits()).check("He has a big doard.").suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == () and "another way" in s.explanation


def test_an_option_the_model_pruned_is_never_offered(engine):
    result = ContextEngine(engine, BatchingScorer(pruned=["bored"])).check("He has a big doard.")
    (s,) = result.suggestions
    assert "bored" not in s.replacements
    assert all(math.isfinite(s.confidence) for s in result.suggestions)


def test_forms_of_one_word_do_not_make_a_non_word_unsure(engine, seen):
    # "walk" and "walked" fit about equally; both say the same word, so it is changed, not marked.
    # ("wauk": the fast engine offers "walk" and not "walked", which joins as one of its forms.)
    seen({})
    # "walked" is one slip dearer; its lead makes up for that but for 0.2 nats
    walked = 10.0 + SHIPPED.channel_weight * SHIPPED.inflect_cost - 0.2
    result = ContextEngine(engine, LeadScorer({"walk": 10.0, "walked": walked})).check("Tom wauk home.")
    (s,) = result.suggestions
    assert s.kind != Kind.UNKNOWN and s.best in ("walk", "walked")


def test_a_join_that_loses_leaves_the_neighbour_out_of_the_suggestion(make):
    # "sorw a": the slot took in "a" in case the pair was one word; a single-word fix wins, so the
    # suggestion covers "sorw" alone.
    slot_text = "Tom sorw a light."
    result = make(liked=["saw"]).check(slot_text)
    (s,) = result.suggestions
    assert (s.original, slot_text[s.start:s.end]) == ("sorw", "sorw")
    assert all(" " not in r for r in s.replacements)
