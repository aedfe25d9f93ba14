"""Turning the corpora into training examples: filtering, carrier sentences, categories, balance
and a deterministic split whose test part is held out by correct word."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from .sources import WordPair, is_held_out

CATEGORIES = ("spelling", "dyslexia", "contraction", "homophone", "spacing", "proper_noun", "clean")
BALANCED = ("contraction", "homophone", "dyslexia")
MIN_SHARE = 0.015  # the original report's recommendation (they were 0.1% of the mix)

# Everyday carrier sentences with one slot; the target word is placed in one of them.
CARRIERS = (
    "I think {w} is the answer.", "She said {w} again.", "We talked about {w} at lunch.",
    "The teacher wrote {w} on the board.", "My friend asked me about {w}.", "I read the word {w} in my book.",
    "Can you spell {w} for me?", "He used {w} in his story.", "They saw {w} on the sign.",
    "It says {w} on the box.", "Mum wrote {w} on the list.", "Please write {w} in the blank.",
    "The word {w} was in the letter.", "Our class learned {w} today.", "I typed {w} in my message.",
    "Dad read {w} out loud.", "The note said {w} twice.", "We found {w} in the dictionary.",
)
_IDENT_RE = re.compile(r"[_\d]|[a-z][A-Z]|^[A-Z]{2,}$|[./\\\\:@#<>=]")


@dataclass(frozen=True)
class Example:
    input: str
    output: str
    source: str
    category: str
    target: str = ""  # the correct word(s) this example teaches, for the held-out split


def _stable(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def is_code_like(word: str) -> bool:
    return bool(_IDENT_RE.search(word)) or len(word) > 24


def filter_github(pairs: list[WordPair], is_word) -> list[WordPair]:
    """Drop code identifiers and swaps between two valid words (renames, not typos)."""
    out = []
    for p in pairs:
        if is_code_like(p.misspelling) or is_code_like(p.correct):
            continue
        if not p.correct.isalpha() or not p.misspelling.isalpha():
            continue
        if is_word(p.misspelling.lower()):
            continue  # "form" -> "from" style real-word swaps are mostly renames in code
        out.append(p)
    return out


_REVERSAL_PAIRS = {frozenset(x) for x in ("bd", "pq", "bp", "dq", "mw", "nu")}


def categorise(wrong: str, right: str, confusions) -> str:
    w, r = wrong.lower(), right.lower()
    if "'" in r and w == r.replace("'", ""):
        return "contraction"
    if w.replace(" ", "") == r.replace(" ", "") and w != r:
        return "spacing"
    if r in confusions.alternatives(w):
        return "homophone"
    if len(w) == len(r):
        diffs = [(a, b) for a, b in zip(w, r) if a != b]
        if len(diffs) == 1 and frozenset(diffs[0]) in _REVERSAL_PAIRS:
            return "dyslexia"
        if len(diffs) == 2 and diffs[0] == diffs[1][::-1]:
            return "dyslexia"  # two neighbours swapped
    return "spelling"


def word_pair_examples(pairs: list[WordPair], confusions) -> list[Example]:
    out = []
    for p in pairs:
        carrier = CARRIERS[_stable(p.misspelling + p.correct) % len(CARRIERS)]
        out.append(Example(carrier.format(w=p.misspelling), carrier.format(w=p.correct), p.source,
                           categorise(p.misspelling, p.correct, confusions), p.correct))
    return out


def sentence_examples(pairs: list[tuple[str, str]], source: str, confusions, category: str | None = None) -> list[Example]:
    """Generated sentence pairs; the category comes from the first changed word unless given."""
    out = []
    for wrong, right in pairs:
        a, b = wrong.split(), right.split()
        changed = [(x, y) for x, y in zip(a, b) if x != y]
        cat = category
        if cat is None:
            cat = categorise(*[s.strip(".,!?;:") for s in changed[0]], confusions) if changed else "clean"
            if len(a) != len(b):
                cat = "spacing"
        targets = " ".join(y.strip(".,!?;:") for _, y in changed) or right
        out.append(Example(wrong, right, source, cat, targets))
        out.append(Example(right, right, source, "clean", targets))  # correct text stays as it is
    return out


def balance(examples: list[Example], min_share: float = MIN_SHARE) -> list[Example]:
    """Repeat under-represented categories (in other carrier sentences) until each has min_share."""
    counts = Counter(e.category for e in examples)
    total = len(examples)
    out = list(examples)
    for cat in BALANCED:
        have = [e for e in examples if e.category == cat]
        if not have:
            continue
        need = int(min_share * total) + 1 - counts[cat]
        k = 0
        while need > 0:
            e = have[k % len(have)]
            rep = k // len(have) + 1
            out.append(_recarry(e, rep))
            need -= 1
            k += 1
    return out


def _recarry(e: Example, rep: int) -> Example:
    """The same correction in another carrier sentence (or the same sentence for sentence sets)."""
    for i, c in enumerate(CARRIERS):
        head, _, tail = c.partition("{w}")
        if e.input.startswith(head) and e.input.endswith(tail):
            word_in = e.input[len(head) : len(e.input) - len(tail)]
            word_out = e.output[len(head) : len(e.output) - len(tail)]
            c2 = CARRIERS[(i + rep) % len(CARRIERS)]
            return Example(c2.format(w=word_in), c2.format(w=word_out), e.source, e.category, e.target)
    return e


def split(examples: list[Example], eval_share: int = 20) -> dict[str, list[Example]]:
    """test: every example teaching a held-out correct word; eval: 1 in `eval_share` of the rest."""
    parts: dict[str, list[Example]] = {"train": [], "eval": [], "test": []}
    for e in examples:
        words = re.findall(r"[A-Za-z']+", e.target)
        if any(is_held_out(w) for w in words):
            parts["test"].append(e)
        elif _stable(e.input) % eval_share == 0:
            parts["eval"].append(e)
        else:
            parts["train"].append(e)
    return parts


def count_table(parts: dict[str, list[Example]]) -> str:
    """Counts per source and per category for each split, as a plain-text table."""
    lines = []
    for name, items in parts.items():
        lines.append(f"{name}: {len(items)} examples")
        by_source = Counter(e.source for e in items)
        by_cat = Counter(e.category for e in items)
        for src, n in sorted(by_source.items()):
            lines.append(f"  source {src:<22} {n:>7}")
        for cat in CATEGORIES:
            if by_cat.get(cat):
                share = 100 * by_cat[cat] / max(1, len(items))
                lines.append(f"  category {cat:<20} {by_cat[cat]:>7} {share:6.2f}%")
    return "\n".join(lines)
