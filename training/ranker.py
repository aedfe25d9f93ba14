"""Fitting the word ranker (`dyslexic-writer train ranker`): a linear model over the features in
`engine.candidates.ranker`, trained as a softmax over each misspelling's candidate pool.

Only the training split of the fair pairs is used (`pairs`; the held-out rule in
`sources.is_held_out`), sampled in proportion to each pair's weight, so a source less like weak
spellers' writing teaches the ranking less. Plain numpy: a dozen weights fitted by full-batch
gradient descent need no machine-learning library, and the app itself only takes a dot product.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .pairs import TrainingPairs, describe_weights, load_training_pairs


@dataclass(frozen=True)
class PoolExample:
    features: np.ndarray  # candidates x features
    target: int  # row of the intended word


def build_examples(lex, pairs, wide: bool = True, channel_of=None) -> tuple[list[PoolExample], int]:
    """Pools for (misspelling, correct) pairs; returns the examples and how many pools missed the
    intended word (those cannot teach the ranking). `channel_of(word)`: the learned channel to
    price a slip for `word` with (default: the shipped one)."""
    from ..engine.candidates.search import _splits, candidate_pool, split_features
    from ..engine.candidates.ranker import features

    examples = []
    missed = 0
    for p in pairs:
        low, want = p.misspelling.lower(), p.correct.lower()
        channel = channel_of(want) if channel_of else None
        rows, words = [], []
        for w, (close, same) in candidate_pool(lex, low, wide, channel=channel).items():
            rows.append(features(low, w, lex.zipf(w), close, same, lex.is_name(w), channel=channel)[0])
            words.append(w)
        for a, b, z in _splits(lex, low):
            rows.append(split_features(low, a, b, z, channel=channel))
            words.append(f"{a} {b}")
        if want not in words or len(words) < 2:
            missed += 1
            continue
        examples.append(PoolExample(np.asarray(rows, dtype=np.float64), words.index(want)))
    return examples, missed


def fit(examples: list[PoolExample], l2: float = 1e-3, steps: int = 800, lr: float = 1.0) -> np.ndarray:
    """Weights maximising the log-probability of each intended word within its pool."""
    n_feat = examples[0].features.shape[1]
    w = np.zeros(n_feat)
    # Feature scales differ (a cost of 0-4 beside 0-1 flags); Adam copes without manual scaling.
    m = np.zeros(n_feat)
    v = np.zeros(n_feat)
    for t in range(1, steps + 1):
        grad = l2 * w
        for ex in examples:
            s = ex.features @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            grad += (p @ ex.features - ex.features[ex.target]) / len(examples)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= lr * 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def top1(examples: list[PoolExample], w: np.ndarray) -> float:
    hits = sum(int(np.argmax(ex.features @ w) == ex.target) for ex in examples)
    return hits / max(1, len(examples))


def fold(word: str) -> int:
    """Which half of the training words `word` is in, for cross-fitting the channel feature."""
    return int(hashlib.md5(word.encode()).hexdigest(), 16) % 2


def cross_channels(counts) -> tuple:
    """The learned channel fitted twice, each time without one half of the intended words: a
    pair's slip is priced by the channel that never saw its word, as the shipped channel prices
    the words writers bring it (a channel fitted on the pair itself would price its slip as
    already seen, and the weights would learn to trust the feature more than it deserves)."""
    from ..engine.candidates.channel import Channel
    from .channel import fit as fit_channel

    return tuple(Channel(fit_channel(Counter({k: n for k, n in counts.items() if fold(k[1]) != half})))
                 for half in (0, 1))


def weighted_sample(counts: Counter, size: int, seed: int = 0) -> list:
    """`size` keys of `counts` drawn without replacement, each with odds in proportion to its count
    (Efraimidis and Spirakis: the largest random()^(1/weight)), in a fixed order for a fixed seed."""
    rng = random.Random(seed)
    keyed = sorted(((rng.random() ** (1.0 / n), k) for k, n in sorted(counts.items()) if n > 0), reverse=True)
    return [k for _key, k in keyed[:size]]


def run(data: Path, out: Path, sample: int = 6000, seed: int = 0, made_by: str = "dyslexic-writer train ranker",
        corpus: TrainingPairs | None = None) -> dict:
    import yaml

    from ..engine.lexicon import open_lexicon
    from ..engine.candidates.ranker import FEATURES
    from . import provenance
    from .channel import training_pairs
    from .sources import WordPair

    lex = open_lexicon()
    corpus = corpus or load_training_pairs(data, lex)
    counts = training_pairs(corpus)
    train = [WordPair(w, t, "train") for w, t in weighted_sample(counts, sample, seed)]
    cut = len(train) * 4 // 5
    channels = cross_channels(counts)

    def channel_of(word: str):
        return channels[fold(word)]

    fit_ex, missed = build_examples(lex, train[:cut], channel_of=channel_of)
    val_ex, _ = build_examples(lex, train[cut:], channel_of=channel_of)
    w = fit(fit_ex)
    result = {
        "features": list(FEATURES),
        "weights": {f: round(float(x), 4) for f, x in zip(FEATURES, w)},
        "fitted_on": f"{len(fit_ex)} training-split pools ({missed} more lacked the intended word)",
        "validation_top1_in_pool": round(top1(val_ex, w), 4),
    }
    head = provenance.header(made_by, "training/ranker.py", data, corpus.files, describe_weights(),
                             "the word ranker's weights.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(head + yaml.safe_dump(result, sort_keys=False), encoding="utf-8")
    return result
