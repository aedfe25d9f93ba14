"""Listing weak spellers' known misspellings (`dyslexic-writer train misspellings`): which non-words
they wrote for which words ("cort" for "caught", "wons" for "once"), from the training split of the
fair pairs (`pairs`), each pair weighed by its source. The held-out split never feeds it. The app
reads the result from resources/generated/misspellings.tsv (`engine.candidates.misspellings`): a listed word joins the
corrections of its misspelling however far apart the letters are, and the sentence still picks
among them.

Severe phonetic misspellings are where edit distance and letter rules fail ("cort" is one letter from
"court" and three from "caught"), and they recur: one child's spelling of a word is often another's.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from . import provenance
from .pairs import TrainingPairs, describe_weights, load_training_pairs
from .sources import WordPair, is_held_out

# The meanings kept for one written string, most often first: more are seldom right and each one
# is a choice the sentence has to score.
MAX_PER_WORD = 4
# A meaning is listed only on this much weighed evidence: a Birkbeck pair or a pair of the extra
# lists. A GitHub keyboard slip seen once (0.25) says little about what a weak speller means by a
# spelling, and the ranker finds one-key slips without the list: listing them doubled the table
# (28,673 more entries, most of them one slip away). They still add to the pairs they share.
MIN_SEEN = 0.5


def misspelling_pairs(pairs: list[WordPair], is_common, is_valid) -> Counter:
    """(written, meant) -> how often it was seen, over pairs in the training split whose written
    side is not one word the app accepts as common (real words are `confusions`' work) and whose
    meant words it can offer. Either side may be words apart: "tedeboy" for "teddy boy", "a nougth"
    for "enough"."""
    out: Counter = Counter()
    for p in pairs:
        w, t = " ".join(p.misspelling.lower().split()), " ".join(p.correct.lower().split())
        parts = w.split(" ") + t.split(" ")
        if w == t or not all(x.isalpha() for x in parts) or is_held_out(t):
            continue
        if (" " in w or not is_common(w)) and all(is_valid(x) for x in t.split(" ")):
            out[(w, t)] += p.count
    return out


def table(counts: Counter) -> dict[str, list[tuple[str, float]]]:
    """written -> [(meant, times seen)], most often first, at most MAX_PER_WORD, each seen at least
    MIN_SEEN."""
    by_word: dict[str, list[tuple[str, float]]] = {}
    for (w, t), n in counts.items():
        if n >= MIN_SEEN:
            by_word.setdefault(w, []).append((t, n))
    return {w: sorted(v, key=lambda x: (-x[1], x[0]))[:MAX_PER_WORD] for w, v in sorted(by_word.items())}


def render(rows: dict[str, list[tuple[str, float]]], head: str = "") -> str:
    lines = [head + "# written<TAB>meant<TAB>times seen, weighed by source (a Birkbeck pair counts 1); a written word's",
             "# meanings most often first."]
    for w, meant in rows.items():
        lines += [f"{w}\t{t}\t{n:g}" for t, n in meant]
    return "\n".join(lines) + "\n"


def run(data: Path, out: Path, made_by: str = "dyslexic-writer train misspellings",
        corpus: TrainingPairs | None = None) -> dict:
    from ..engine.lexicon import open_lexicon

    lex = open_lexicon()
    corpus = corpus or load_training_pairs(data, lex)
    rows = table(corpus.weighted(lambda pairs: misspelling_pairs(pairs, lex.is_common, lex.is_valid)))
    head = provenance.header(made_by, "training/misspellings.py", data, corpus.files, describe_weights(),
                             "the words weak spellers meant by non-words.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(rows, head), encoding="utf-8")
    return {"written": len(rows), "pairs": sum(len(v) for v in rows.values())}
