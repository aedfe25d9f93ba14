"""Scoring corrected sentences: strict accuracy, the original suite's similarity rule, and
word-level edit precision / recall / F2.

Edits are found by aligning the words of the input with the words of a corrected sentence
(difflib on whitespace-separated tokens); an edit is (first input word, last input word + 1,
replacement words). A system edit counts as correct when the expected sentence makes the same edit.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

# The original project's suite accepted an output when difflib's similarity ratio to the expected
# sentence reached this value; it is reported beside the strict score, never instead of it.
SIMILARITY_THRESHOLD = 0.9


def similar_enough(output: str, expected: str) -> bool:
    return difflib.SequenceMatcher(None, output.strip().lower(), expected.strip().lower()).ratio() >= SIMILARITY_THRESHOLD


def word_edits(source: str, target: str) -> set[tuple[int, int, str]]:
    a, b = source.split(), target.split()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return {(i1, i2, " ".join(b[j1:j2])) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"}


def f2_score(precision: float, recall: float) -> float:
    """F-beta with beta 2: recall weighs four times as much as precision."""
    return 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0


@dataclass
class Tally:
    cases: int = 0
    strict: int = 0
    similar: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    times_ms: list[float] = field(default_factory=list)

    def add(self, source: str, output: str, expected: tuple[str, ...], ms: float) -> bool:
        self.cases += 1
        ok = output in expected
        self.strict += ok
        self.similar += any(similar_enough(output, e) for e in expected)
        sys_edits = word_edits(source, output)
        # Score against the alternative the output agrees with most.
        best = max(
            (word_edits(source, e) for e in expected),
            key=lambda g: (len(sys_edits & g), -len(g)),
        )
        self.tp += len(sys_edits & best)
        self.fp += len(sys_edits - best)
        self.fn += len(best - sys_edits)
        self.times_ms.append(ms)
        return ok

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f2(self) -> float:
        return f2_score(self.precision, self.recall)

    @property
    def median_ms(self) -> float:
        if not self.times_ms:
            return 0.0
        s = sorted(self.times_ms)
        mid = len(s) // 2
        return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2

    def row(self, name: str) -> dict:
        return {
            "category": name,
            "cases": self.cases,
            "strict": self.strict,
            "strict_pct": round(100 * self.strict / self.cases, 1) if self.cases else 0.0,
            "similarity_pct": round(100 * self.similar / self.cases, 1) if self.cases else 0.0,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f2": round(self.f2, 3),
            "median_ms": round(self.median_ms, 3),
        }
