"""Parsers for the raw spelling corpora. Each is a pure function of the file's text.

Formats (see the shared data README): Birkbeck and Holbrook group misspellings under a `$correct`
line (Holbrook lines may end with a count; `$?` groups have unknown targets and are skipped);
the GitHub typo pairs are `misspelling,correct,edit_distance`; the extra pairs are `,label,input`.
Holbrook's corpus is test writing (its passages are the real-writing benchmark), so no training
stage reads it: its parser serves only the downloader, which takes its pairs out of Birkbeck's.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WordPair:
    misspelling: str
    correct: str
    source: str
    # How often the corpus saw this slip (Holbrook's trailing counts); not part of the pair's identity.
    count: int = field(default=1, compare=False)


def parse_dollar_groups(text: str, source: str) -> list[WordPair]:
    """Birkbeck/Holbrook `$correct` groups; a trailing count on a misspelling line becomes the pair's count."""
    pairs: list[WordPair] = []
    correct: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("$"):
            target = line[1:].strip()
            correct = None if target in ("", "?") else target.replace("_", " ")
            continue
        if correct is None:
            continue
        parts = line.split()
        count = 1
        if len(parts) > 1 and parts[-1].isdigit():
            count = max(1, int(parts.pop()))
        wrong = " ".join(parts).replace("_", " ")
        if wrong and wrong != correct:
            pairs.append(WordPair(wrong, correct, source, count))
    return pairs


def parse_birkbeck(text: str) -> list[WordPair]:
    return parse_dollar_groups(text, "birkbeck")


def parse_holbrook(text: str) -> list[WordPair]:
    return parse_dollar_groups(text, "holbrook")


def parse_github_typos(text: str) -> list[WordPair]:
    """`misspelling,correct,edit_distance` rows (a header row is skipped)."""
    pairs = []
    for row in csv.reader(io.StringIO(text)):
        if len(row) < 2 or row[0] == "misspelling":
            continue
        wrong, right = row[0].strip(), row[1].strip()
        if wrong and right and wrong != right:
            pairs.append(WordPair(wrong, right, "github"))
    return pairs


def parse_extra_misspellings(text: str) -> list[WordPair]:
    """`,label,input` rows: label is the correct word, input the misspelling; `_` stands for a space,
    as in Birkbeck's file, whose pairs it mostly repeats."""
    pairs = []
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        if len(row) < 3 or row[1] == "label":
            continue
        right, wrong = row[1].strip().replace("_", " "), row[2].strip().replace("_", " ")
        if wrong and right and wrong != right:
            pairs.append(WordPair(wrong, right, "extra"))
    return pairs


def parse_sentence_pairs(text: str, source: str) -> list[tuple[str, str]]:
    """Generated sentence files: a JSON list of `{original, corrected}`."""
    return [(d["original"], d["corrected"]) for d in json.loads(text) if "original" in d and "corrected" in d]


def parse_word_pair_json(text: str, source: str) -> list[WordPair]:
    """Generated word-pair files: a JSON list of `{misspelled, correct}`."""
    return [
        WordPair(d["misspelled"], d["correct"], source)
        for d in json.loads(text)
        if d.get("misspelled") and d.get("correct") and d["misspelled"] != d["correct"]
    ]


def is_held_out(correct: str) -> bool:
    """The project-wide held-out rule: these pairs are only ever scored, never learnt from."""
    return hashlib.sha1(correct.lower().encode()).hexdigest().endswith("0")


def is_single_word(pair: WordPair) -> bool:
    return pair.correct.isalpha() and pair.misspelling.isalpha()


def parse_instruction_jsonl(text: str) -> list[tuple[str, str]]:
    """`{instruction, input, output}` lines (the proper-noun sets): (input, output) pairs."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        d = json.loads(line)
        if "input" in d and "output" in d:
            out.append((d["input"], d["output"]))
    return out
