"""Fake language models for the context engine's tests, and helpers shared by them. The fakes make
every decision exact and fast; `tests/engine/context/conftest.py` puts this folder on the path."""

from __future__ import annotations

import math
from dataclasses import replace

from dyslexic_writer.engine.context import ContextEngine, Tuning, shipped_tuning

SHIPPED = shipped_tuning()
MARGINS = SHIPPED.margins


def tuned(**changes) -> Tuning:
    """The shipped tuning with a few values changed."""
    return replace(SHIPPED, **changes)


class FakeScorer:
    """Scores a continuation by words it likes or dislikes; records what it was asked."""

    def __init__(self, liked=(), disliked=()):
        self.liked = {w.lower() for w in liked}
        self.disliked = {w.lower() for w in disliked}
        self.calls = []

    def score(self, prefix, continuations):
        self.calls.append((prefix, list(continuations)))
        out = []
        for c in continuations:
            toks = c.lower().replace(".", " ").split()
            out.append(-len(toks) + 6.0 * sum(t in self.liked for t in toks)
                       - 6.0 * sum(t in self.disliked for t in toks))
        return out


class BatchingScorer(FakeScorer):
    """The same fake model, asked in batches like the llama.cpp scorer; `pruned` words get -inf."""

    def __init__(self, pruned=(), **kw):
        super().__init__(**kw)
        self.pruned = {w.lower() for w in pruned}
        self.batches = []

    def score_many(self, requests, floor=None, prior=None):
        self.batches.append(len(requests))
        out = []
        for prefix, conts in requests:
            scores = self.score(prefix, conts)
            out.append([-math.inf if k > 0 and c.split()[0].lower().strip(".") in self.pruned else v
                        for k, (c, v) in enumerate(zip(conts, scores))])
        return out


class LeadScorer:
    """Gives each listed word a fixed lead over whatever else is in its slot."""

    def __init__(self, leads):
        self.leads = leads

    def score(self, prefix, continuations):
        return [self.leads.get(c.split()[0], 0.0) for c in continuations]


def first_words_asked(scorer):
    """The first word of every continuation the fake model was asked about."""
    return {c.split()[0].lower().strip(".") for _, cs in scorer.calls for c in cs}


def prior_share(engine, written, option):
    """The share of the option's extra frequency that `decide.gain` takes off the model's lead."""
    lex = engine.lexicon
    return SHIPPED.prior_discount * math.log(10) * max(0.0, lex.zipf(option) - lex.zipf(written))


def with_pairs(engine, scorer, pairs, **kw):
    """A context engine whose writer has made the slips in `pairs` ({written: [meant or (meant, weight)]})."""
    ctx = ContextEngine(engine, scorer, **kw)
    ctx.extra_alternatives = lambda w: pairs.get(w, [])
    return ctx


def slip_price(ctx, written, option):
    """The learned channel's price (nats) of writing `written` for `option`."""
    return -ctx.channel.log_prob(written, option)
