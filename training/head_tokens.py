"""The token list behind the CPU output head (`runtime.llama.output_head`): the tokens a model
makes likely.

Each generated training sentence (both the misspelt and the corrected side) is run through the
model with llama.cpp's exact output layer; every position's TOP most likely tokens are counted, and
the KEEP tokens seen in the most sentences are written as a sorted numpy array. The softmax
normaliser over those tokens is then close to the one over the whole vocabulary, at a sixteenth of
the cost.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import numpy as np

from .sources import parse_sentence_pairs

TOP = 200
KEEP = 16_000
SENTENCES = 600


def training_sentences(data: Path, limit: int = SENTENCES, seed: int = 0) -> list[str]:
    """Both sides of the generated sentence pairs, shuffled, at most `limit` of them."""
    found: list[str] = []
    for path in sorted((data / "synthetic").glob("synthetic_*.json")):
        if "word_pairs" in path.name:
            continue
        for original, corrected in parse_sentence_pairs(path.read_text(encoding="utf-8"), path.name):
            found += [original, corrected]
    random.Random(seed).shuffle(found)
    return found[:limit]


def count_likely(rows, top: int = TOP) -> Counter:
    """How many of the given logit blocks (one per sentence, positions x vocabulary) have each token
    among a position's `top` most likely."""
    seen: Counter = Counter()
    for logits in rows:
        k = min(top, logits.shape[1] - 1)
        best = np.argpartition(-logits, k, axis=1)[:, :k]
        seen.update(np.unique(best).tolist())
    return seen


def keep_tokens(seen: Counter, keep: int = KEEP) -> np.ndarray:
    ranked = [t for t, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))]
    return np.array(sorted(ranked[:keep]), dtype=np.int32)


def sentence_logits(session, sentences: list[str], max_tokens: int = 64):
    """Every position's logits for each sentence, from the session's exact output layer (a
    `runtime.llama.LlamaSession` opened without a model id)."""
    from dyslexic_writer.runtime.llama import TokenTree

    for text in sentences:
        toks = session.tokenize(text, bos=True)[:max_tokens]
        if len(toks) < 2:
            continue
        tree = TokenTree(max_nodes=len(toks))
        tree.add(toks, 0, len(toks), 0)
        session.decode(tree, clear=True)
        yield np.stack([session.logits(i) for i in range(len(toks))])


def run(model: Path, data: Path, out: Path, limit: int = SENTENCES) -> dict:
    from dyslexic_writer.runtime.llama import LlamaSession

    session = LlamaSession(model, n_threads=None)  # no model_id: the exact output layer
    try:
        sentences = training_sentences(data, limit)
        seen = count_likely(sentence_logits(session, sentences))
    finally:
        session.close()
    tokens = keep_tokens(seen)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.save(out, tokens)
    info = {"model": model.name, "sentences": len(sentences), "top": TOP, "keep": int(len(tokens)),
            "seen": len(seen)}
    out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info
