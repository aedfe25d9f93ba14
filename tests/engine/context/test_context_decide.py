"""Deciding a sentence's slots (`context.decide`): margins, the frequency discount, batched scoring
and what is scored again, pruning floors and the prices options pay."""

import math

import pytest
from context_fakes import MARGINS, SHIPPED, BatchingScorer, FakeScorer, LeadScorer, prior_share, slip_price, tuned

from dyslexic_writer.engine.candidates.search import ranker_scores
from dyslexic_writer.engine.context import ContextEngine, Slot
from dyslexic_writer.engine.context.decide import price, ranker_price


def test_the_written_word_stays_without_a_clear_margin(make):
    # A neutral model scores every option alike: nothing may change.
    result = make().check("I went their yesterday. The flour is white.")
    assert result.suggestions == ()


def test_earlier_decisions_feed_later_prefixes(make):
    eng = make(liked=["there", "it's"])
    assert eng.check("Its over they're.").corrected == "It's over there."
    prefixes = [p for p, _ in eng.scorer.calls]
    assert "It's over" in prefixes


def test_batched_decisions_match_one_at_a_time(engine):
    # Four slots ("went" may be "when"); each later one is scored again after an earlier change.
    text = "I went their yesterday and they're puppy barked."
    single = ContextEngine(engine, FakeScorer(liked=["there"])).check(text)
    batching = BatchingScorer(liked=["there"])
    batched = ContextEngine(engine, batching).check(text)
    assert batched.corrected == single.corrected == "I went there yesterday and there puppy barked."
    # All four slots at once, then the two after the first change, then the one after the second.
    assert batching.batches == [4, 2, 1]
    assert batching.calls[-1][0] == "I went there yesterday and there puppy"


def test_a_change_far_back_does_not_score_later_slots_again(engine):
    text = "I went their yesterday and then we walked along the long road home and they're puppy barked."
    batching = BatchingScorer(liked=["there"])
    result = ContextEngine(engine, batching, tuning=tuned(rescore_words=5)).check(text)
    assert result.corrected == ("I went there yesterday and then we walked along the long road home and there puppy "
                                "barked.")
    # Only the slots just after a change are scored again: "then" after "their", "barked" after
    # "they're" ("road" and "they're" are far enough from "their" to be decided at once).
    assert len(batching.batches) == 2
    assert [prefix.split()[-1] for prefix, _ in batching.calls[-2:]] == ["and", "puppy"]
    assert batching.calls[-1][0].endswith("home and there puppy")


def test_of_two_options_that_pass_the_one_clearing_its_own_margin_by_more_wins(engine):
    # "deer" (a homophone) scores a little below "bear" (a letter slip, whose margin is larger)
    gap = MARGINS["realword"] - MARGINS["homophone"]
    assert gap > 0
    ctx = ContextEngine(engine, LeadScorer({"deer": 20.0, "bear": 20.0 + gap / 2}))
    ctx.real_words = {"dear": ("bear",)}
    (s,) = ctx.check("The dear ran away.").suggestions
    assert s.best == "deer"


def test_options_of_a_written_word_are_pruned_sooner_than_a_non_words(engine):
    class FloorScorer(FakeScorer):
        def score_many(self, requests, floor=None, prior=None):
            for (_, conts), f in zip(requests, floor):
                self.floors.setdefault(conts[0].split()[0].strip("."), f)
            return [self.score(p, c) for p, c in requests]

    scorer = FloorScorer()
    scorer.floors = {}
    ContextEngine(engine, scorer).check("Then we went their with a big doard.")
    assert scorer.floors["their"] == SHIPPED.word_score_floor < SHIPPED.score_floor
    assert scorer.floors["board"] == SHIPPED.score_floor  # "doard" must change: its options keep the looser floor
    # A join is never pruned by its first token: " with" starts "with out" and is likelier than " without".
    scorer.floors = {}
    ContextEngine(engine, scorer).check("Then we went home with out a coat.")
    assert scorer.floors["with"] == math.inf


def test_a_non_words_options_are_pruned_by_fit_and_slip_price_together(engine):
    # The floor looks at each option's first token plus its slip price: a cheap slip whose first
    # token is less likely ("wosh": wash, behind "was") is not dropped before its price is counted.
    class PriorScorer(FakeScorer):
        def score_many(self, requests, floor=None, prior=None):
            for (_, conts), p in zip(requests, prior):
                self.priors.setdefault(conts[0].split()[0].strip("."), dict(zip(conts, p)) if p else None)
            return [self.score(p, c) for p, c in requests]

    scorer = PriorScorer()
    scorer.priors = {}
    ctx = ContextEngine(engine, scorer)
    ctx.check("Then we went their with a big doard.")
    assert scorer.priors["their"] is None  # a written word's options are weighed by margins instead
    doard = next(p for p in scorer.priors.values() if p and any(c.startswith(" board") for c in p))
    prices = {c.split()[0].strip("."): -v for c, v in doard.items()}
    assert all(0 < v < math.inf for v in prices.values())
    assert prices["board"] == pytest.approx(ctx.slip_price("doard", "board"))
    assert prices["board"] < prices[max(prices, key=prices.get)]


def test_an_option_another_source_names_may_pass_as_a_plain_noisy_channel(engine):
    # "fist" -> "first" comes from the neighbour source (margin 7 after the frequency discount);
    # a lead that pays the learned slip price and clears the slip margin is enough on its own
    text = "It was the fist time."
    probe = ContextEngine(engine, FakeScorer())
    need = slip_price(probe, "fist", "first") + SHIPPED.slip_clear_margin
    assert need < MARGINS["neighbour"] + prior_share(engine, "fist", "first")
    (s,) = ContextEngine(engine, LeadScorer({"first": need + 0.5})).check(text).suggestions
    assert (s.original, s.best) == ("fist", "first")
    assert ContextEngine(engine, LeadScorer({"first": need - 0.5})).check(text).suggestions == ()


def test_a_non_words_corrections_pay_for_trailing_the_fast_ranker(engine):
    ctx = ContextEngine(engine, FakeScorer())
    logits = ranker_scores(engine.lexicon, "freind")
    ranked = sorted(logits, key=logits.get, reverse=True)
    top, runner = ranked[0], ranked[1]
    slot = Slot(0, 6, "freind", [top, runner, "friendlier"], "nonword", keep_original=False)
    assert ranker_price(ctx, slot, top) == 0.0
    gap = logits[top] - logits[runner]
    assert ranker_price(ctx, slot, runner) == pytest.approx(SHIPPED.ranker_weight * min(SHIPPED.ranker_max_gap, gap))
    # a form the ranker never weighed pays the most it can
    unweighed = "zzzz"
    assert ranker_price(ctx, slot, unweighed) == pytest.approx(SHIPPED.ranker_weight * SHIPPED.ranker_max_gap)
    # the price is part of what the option pays in the sentence
    assert price(ctx, slot, runner) == pytest.approx(ctx.slip_price("freind", runner) + ranker_price(ctx, slot, runner))
    # a written word is weighed by margins, and a slot grown over a neighbour has no one ranking
    assert ranker_price(ctx, Slot(0, 4, "from", ["form"], "slip"), "form") == 0.0
    grown = Slot(0, 8, "a nother", ["another", "a mother"], "nonword", keep_original=False)
    assert ranker_price(ctx, grown, "a mother") == 0.0
