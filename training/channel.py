"""Learning how weak spellers misspell (`dyslexic-writer train channel`): which strings of letters they
write for which ("oa" as "o", "ck" as "k", "ea" as "ee"), and how often, from the training split of
the fair pairs (`pairs`: Birkbeck, the extra lists and the GitHub typos, each pair weighed by its
source). The app reads the result from resources/generated/channel.tsv (`engine.candidates.channel`), which prices a
correction of a non-word by how likely the slip is.

The method is Brill and Moore's (2000): align each misspelling with its word, take every edit with
up to one letter of context on each side as a rule "a -> b", and estimate P(b | a) as the times the
rule was seen over the times "a" occurs in the intended words. No maintained Python library learns
such substring rules (spell checkers ship fixed edit costs), so it is written here; the alignment
itself is rapidfuzz's.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ..engine.candidates.channel import END, START
from . import provenance
from .pairs import TrainingPairs, describe_weights, load_training_pairs
from .sources import WordPair, is_held_out

# The longest string a rule rewrites (the written side may be one letter longer: "ough" -> "uff").
MAX_SPAN = 3
# Letters of context a rule may take on each side: "a" -> "e" is a vowel slip anywhere; "^k" -> "^"
# drops a silent k at the start only.
CONTEXT = 1
# A rule seen once may be one child's accident; it is left to the floor for unseen slips. Counts are
# weighed by source (a Birkbeck pair counts 1), so this is two weak spellers' slips or their worth.
MIN_COUNT = 2


def align(correct: str, written: str) -> list[tuple[str, str]]:
    """(letter of the word or "", letter written or "") pairs along a cheapest alignment."""
    out: list[tuple[str, str]] = []
    i = j = 0
    for op in Levenshtein.editops(correct, written):
        while i < op.src_pos and j < op.dest_pos:
            out.append((correct[i], written[j]))
            i, j = i + 1, j + 1
        if op.tag == "replace":
            out.append((correct[i], written[j]))
            i, j = i + 1, j + 1
        elif op.tag == "delete":
            out.append((correct[i], ""))
            i += 1
        else:
            out.append(("", written[j]))
            j += 1
    out.extend(zip(correct[i:], written[j:]))
    return out


def rules(correct: str, written: str) -> set[tuple[str, str]]:
    """The (intended, written) string rules that explain one misspelling: each run of edits, alone
    and with up to CONTEXT letters on either side (word edges marked ^ and $)."""
    pairs = [(START, START)] + align(correct, written) + [(END, END)]
    out: set[tuple[str, str]] = set()
    k = 0
    while k < len(pairs):
        if pairs[k][0] == pairs[k][1]:
            k += 1
            continue
        s = k
        while k < len(pairs) and pairs[k][0] != pairs[k][1]:
            k += 1
        for left in range(CONTEXT + 1):
            for right in range(CONTEXT + 1):
                if s - left < 0 or k + right > len(pairs):
                    continue
                span = pairs[s - left : k + right]
                a, b = "".join(x for x, _ in span), "".join(y for _, y in span)
                if len(a) <= MAX_SPAN and len(b) <= MAX_SPAN + 1:
                    out.add((a, b))
    return out


def fit(pairs: Counter) -> dict[tuple[str, str], float]:
    """(intended, written) -> natural-log P(written | intended) from {(misspelling, word): count}."""
    seen: Counter = Counter()
    occurs: Counter = Counter()
    letters = 0
    for (written, correct), n in pairs.items():
        for rule in rules(correct, written):
            seen[rule] += n
        marked = START + correct + END
        for size in range(1, MAX_SPAN + 1):
            for i in range(len(marked) - size + 1):
                occurs[marked[i : i + size]] += n
        letters += n * (len(correct) + 1)
    table = {}
    for (a, b), n in seen.items():
        where = occurs[a] if a else letters  # an inserted letter may follow any letter
        if n >= MIN_COUNT and where:
            table[(a, b)] = math.log(n / (where + 1.0))
    return table


def slip_counts(pairs: list[WordPair]) -> Counter:
    """{(misspelling, word): times} over single alphabetic words in the training split."""
    out: Counter = Counter()
    for p in pairs:
        w, t = p.misspelling.lower(), p.correct.lower()
        if w != t and w.isalpha() and t.isalpha() and not is_held_out(t):
            out[(w, t)] += max(1, p.count)
    return out


def training_pairs(corpus: TrainingPairs) -> Counter:
    """{(misspelling, word): weighted count} over every source (`TrainingPairs.weighted`)."""
    return corpus.weighted(slip_counts)


def write(table: dict[tuple[str, str], float], out: Path, head: str = "") -> None:
    lines = [f"{a}\t{b}\t{lp:.4f}" for (a, b), lp in sorted(table.items())]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(head + "# intended letters, written letters (^ and $ mark the word's edges), natural-log probability\n"
                   "# of the slip.\n" + "\n".join(lines) + "\n", encoding="utf-8")


def run(data: Path, out: Path, made_by: str = "dyslexic-writer train channel", corpus: TrainingPairs | None = None) -> dict:
    corpus = corpus or load_training_pairs(data)
    pairs = training_pairs(corpus)
    table = fit(pairs)
    write(table, out, provenance.header(made_by, "training/channel.py", data, corpus.files, describe_weights(),
                                        "how weak spellers write letters."))
    return {"pairs": len(pairs), "rules": len(table)}
