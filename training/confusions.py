"""Deriving real-word confusions (`dyslexic-writer train confusions`): which dictionary words weak
spellers write for which other words ("cave" for "gave", "were" for "where"), from the training
split of the fair pairs (`pairs`: a pair whose misspelling is itself a word, weighed by its source)
and the generated sentence pairs. The held-out split never feeds it. The app reads the result from
resources/generated/real_words.yaml; the context model still decides every case in its sentence.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from . import provenance
from .pairs import TrainingPairs, describe_weights, load_training_pairs, sentence_files, sentence_weight
from .sources import WordPair, is_held_out

MAX_PER_WORD = 4
# A confusion seen once may be an accident; every kept one costs a model call per sentence in which
# its word appears, so only repeated ones are kept (a habit of one child counts: the model still
# decides each case in its sentence). Counts are weighed by source: two Birkbeck pairs or their worth.
MIN_COUNT = 2
# Only slips an error model can explain are kept ("cave"/"gave", "there"/"their"); pairs such as
# "act" for "great" are too far apart to be worth asking the model about in every sentence. 1.8
# (was 1.6) lets in "they" for "their" and dropped endings ("walk" for "walked"): on the dev half
# 11 more right changes and 2 more wrong ones.
MAX_COST = 1.8
# A common word is mostly meant as written, and asking about it costs a model call in nearly every
# sentence: a confusion is kept only where log10(times seen) - (Zipf of the written word - 6) reaches
# this, how often weak spellers wrote it for the other word against how often anyone writes it.
# "go" for "got" (13 times, Zipf 6.0) scores 1.1; "had" for "hard" (twice, Zipf 6.3) scores 0. On
# the dev half 0.6 dropped 320 model questions a run that had made 3 right changes and 2 wrong ones.
MIN_RATE = 0.6


def plausible(written: str, meant: str) -> bool:
    from ..engine.candidates.error_model import edit_cost
    from ..engine.morphology import variants
    from ..engine.candidates.ranker import sound_codes

    if meant in variants(written):
        return False  # US and UK spellings are both right ("acknowledgment")
    return edit_cost(written, meant).value <= MAX_COST or bool(sound_codes(written) & sound_codes(meant))


def real_word_pairs(pairs: list[WordPair], is_word) -> Counter:
    """(written, meant) -> how often it was seen, over single-word pairs where both sides are words
    and `meant` is in the training split."""
    out: Counter = Counter()
    for p in pairs:
        w, t = p.misspelling.lower(), p.correct.lower()
        if w == t or not (w.isalpha() and t.isalpha()) or is_held_out(t):
            continue
        if is_word(w) and is_word(t) and plausible(w, t):
            out[(w, t)] += p.count
    return out


def sentence_pairs(records: list[dict]) -> list[WordPair]:
    """Word substitutions in generated {original, corrected} sentence pairs (same length only)."""
    out = []
    for r in records:
        a, b = str(r.get("original", "")).split(), str(r.get("corrected", "")).split()
        if len(a) != len(b):
            continue
        for x, y in zip(a, b):
            x, y = x.strip(".,;:!?\"'").lower(), y.strip(".,;:!?\"'").lower()
            if x != y:
                out.append(WordPair(x, y, "synthetic"))
    return out


def table(counts: Counter, zipf=None, common: bool = False) -> dict[str, list[str]]:
    """written -> meant words, most often first; with `zipf` (word -> Zipf frequency), only
    confusions frequent enough for their written word (MIN_RATE), or with `common` only the others:
    slips of words too common to ask about everywhere ("is" for "his"), which the app asks about
    only where a neighbouring word points to the other word."""
    by_word: dict[str, list[tuple[int, str]]] = {}
    for (w, t), n in counts.items():
        habit = zipf is None or math.log10(n) - (zipf(w) - 6) >= MIN_RATE
        if n < MIN_COUNT or habit == common:
            continue
        by_word.setdefault(w, []).append((n, t))
    return {w: [t for _n, t in sorted(v, key=lambda x: (-x[0], x[1]))[:MAX_PER_WORD]] for w, v in sorted(by_word.items())}


def run(data: Path, out: Path, made_by: str = "dyslexic-writer train confusions",
        corpus: TrainingPairs | None = None) -> dict:
    import yaml

    from ..engine.lexicon import open_lexicon

    lex = open_lexicon()
    corpus = corpus or load_training_pairs(data, lex)
    sentences = sentence_files(data)
    generated: list[WordPair] = []
    for path in sentences:
        generated += sentence_pairs(json.loads(path.read_text(encoding="utf-8")))
    counts = corpus.weighted(lambda pairs: real_word_pairs(pairs, lex.is_common))
    counts.update({k: n * sentence_weight() for k, n in real_word_pairs(generated, lex.is_common).items()})
    result = table(counts, lex.zipf)
    common = table(counts, lex.zipf, common=True)
    files = [*corpus.files, *(p.relative_to(data).as_posix() for p in sentences)]
    head = provenance.header(made_by, "training/confusions.py", data, files, describe_weights()
                             + f"; generated sentences {sentence_weight():g}", "real-word confusions.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        head + "# written word -> words weak spellers meant by it, most often first; common_words: the same for\n"
        "# words so common that the app asks only where a neighbouring word points to the other word.\n"
        + yaml.safe_dump({"real_words": result, "common_words": common}, sort_keys=True, default_flow_style=None,
                         width=120),
        encoding="utf-8",
    )
    return {"words": len(result), "pairs": sum(len(v) for v in result.values()),
            "common": sum(len(v) for v in common.values())}
