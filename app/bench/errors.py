"""Error-level scoring of real writing (the tagged Holbrook format), as `../shared/README.md` defines it.

A line is `category, input, expected[, writer]`. Tokens are whitespace-separated and compared
case-insensitively (capitals are not tagged). Aligning input->expected gives the gold edits,
input->output the edits the system made; an edit is (first input token, last input token + 1,
replacement tokens). A gold edit is recalled when the output makes exactly that edit; precision is
gold edits made / edits made; a false alarm is an edit that touches no tagged token.
"""

from __future__ import annotations

import difflib
import re
import statistics
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .metrics import f2_score

Edit = tuple[int, int, str]
# A mark's menu in the editor lists its first five replacements and any "maybe" words (`gui.editor`).
OFFERED = 5


@dataclass(frozen=True)
class TaggedLine:
    category: str
    input: str
    expected: str
    writer: str = ""


def parse_tagged(text: str) -> list[TaggedLine]:
    """Lines of `category<TAB>input<TAB>expected[<TAB>writer]`; `#` starts a comment line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (3, 4):
            raise ValueError(f"line {n}: expected 3 or 4 tab-separated columns, found {len(parts)}")
        out.append(TaggedLine(parts[0].strip(), parts[1], parts[2], parts[3].strip() if len(parts) == 4 else ""))
    return out


def edits(source: str, target: str) -> set[Edit]:
    """Token edits from `source` to `target`. A block of n words replaced by n words is n separate
    errors ("siter go" -> "sister goes" is two), so each can be recalled on its own; blocks that
    change the number of words (splits, joins, insertions) stay whole."""
    a, b = source.lower().split(), target.lower().split()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: set[Edit] = set()
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            out.update((i1 + k, i1 + k + 1, b[j1 + k]) for k in range(i2 - i1) if a[i1 + k] != b[j1 + k])
        else:
            out.add((i1, i2, " ".join(b[j1:j2])))
    return out


def _touches(e: Edit, spans: list[tuple[int, int]]) -> bool:
    """Whether a system edit overlaps a tagged span (an insertion touches the span it borders)."""
    i1, i2, _ = e
    for g1, g2 in spans:
        if i1 < i2 and g1 < g2:
            if i1 < g2 and g1 < i2:
                return True
        elif g1 <= i2 and i1 <= g2:
            return True
    return False


@dataclass(frozen=True)
class Mark:
    """A suggestion as the writer sees it, on whole tokens of its line."""

    first: int  # its first token
    end: int  # its last token + 1
    choices: frozenset[str]  # the tokens, lower case, each of its menu's words would make
    suggestion: object

    def touches(self, edit: Edit) -> bool:
        return _touches((self.first, self.end, ""), [(edit[0], edit[1])])

    def offers(self, edit: Edit) -> bool:
        """Whether the mark's menu holds exactly this edit (the same tokens, the same words)."""
        return (self.first, self.end) == (edit[0], edit[1]) and edit[2] in self.choices


def marks(source: str, suggestions) -> list[Mark]:
    """`source`'s suggestions as marks on its tokens; a mark's menu is its first OFFERED replacements
    and its "maybe" words."""
    toks = [(m.start(), m.end()) for m in re.finditer(r"\S+", source)]
    out = []
    for sug in suggestions:
        covered = [i for i, (a, b) in enumerate(toks) if a < sug.end and sug.start < b]
        if not covered:
            continue
        i1, i2 = covered[0], covered[-1] + 1
        lead, tail = source[toks[i1][0] : sug.start], source[sug.end : toks[i2 - 1][1]]
        choices = (*sug.replacements[:OFFERED], *sug.maybe)
        out.append(Mark(i1, i2, frozenset(" ".join((lead + c + tail).lower().split()) for c in choices), sug))
    return out


def _share(part: int, whole: int, empty: float = 1.0) -> float:
    """part / whole; `empty` where there is nothing to count (no errors missed, no edits wrong)."""
    return part / whole if whole else empty


def _strip(token: str) -> str:
    return token.strip(".,;:!?\"()[]{}").lower()


@dataclass
class ErrorTally:
    gold: int = 0
    recalled: int = 0
    made: int = 0
    correct: int = 0
    false_alarms: int = 0
    words: int = 0
    real_word_gold: int = 0
    real_word_recalled: int = 0
    lines: int = 0
    times_ms: list[float] = field(default_factory=list)
    # What the writer sees, beyond the edits "accept all" would make (only where suggestions are given):
    marked: int = 0  # tagged errors with any mark on them, an `unknown` mark too
    offered: int = 0  # tagged errors whose right word is in a mark's menu
    false_marks: int = 0  # marks on untagged words
    with_marks: bool = False

    def add(self, source: str, expected: str, output: str, is_word: Callable[[str], bool] | None = None,
            ms: float = 0.0, suggestions=None) -> tuple[set[Edit], set[Edit]]:
        """Score one line; returns (gold edits, system edits). With `suggestions` (the engine's, for
        `source`), also what the writer would see marked and offered."""
        gold = edits(source, expected)
        made = edits(source, output)
        toks = source.split()
        spans = [(g[0], g[1]) for g in gold]
        self.lines += 1
        self.words += len(toks)
        self.gold += len(gold)
        self.made += len(made)
        hit = gold & made
        self.recalled += len(hit)
        self.correct += len(hit)
        self.false_alarms += sum(1 for e in made if not _touches(e, spans))
        if is_word is not None:
            for g in gold:
                if g[1] - g[0] == 1 and " " not in g[2] and is_word(_strip(toks[g[0]])):
                    self.real_word_gold += 1
                    self.real_word_recalled += g in hit
        if suggestions is not None:
            self._add_marks(source, gold, spans, suggestions)
        self.times_ms.append(ms)
        return gold, made

    def _add_marks(self, source: str, gold: set[Edit], spans: list[tuple[int, int]], suggestions) -> None:
        self.with_marks = True
        found = marks(source, suggestions)
        for g in gold:
            self.marked += any(m.touches(g) for m in found)
            self.offered += any(m.offers(g) for m in found)
        self.false_marks += sum(1 for m in found if not _touches((m.first, m.end, ""), spans))

    @property
    def recall(self) -> float:
        return _share(self.recalled, self.gold)

    @property
    def precision(self) -> float:
        return _share(self.correct, self.made)

    @property
    def f2(self) -> float:
        return f2_score(self.precision, self.recall)

    @property
    def real_word_recall(self) -> float:
        return _share(self.real_word_recalled, self.real_word_gold)

    @property
    def false_alarms_per_1000(self) -> float:
        return 1000 * _share(self.false_alarms, self.words, 0.0)

    @property
    def marked_share(self) -> float:
        return _share(self.marked, self.gold)

    @property
    def offered_share(self) -> float:
        return _share(self.offered, self.gold)

    @property
    def false_marks_per_1000(self) -> float:
        return 1000 * _share(self.false_marks, self.words, 0.0)

    def percentile_ms(self, q: float) -> float:
        if not self.times_ms:
            return 0.0
        s = sorted(self.times_ms)
        return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]

    def row(self) -> dict:
        return {
            "lines": self.lines,
            "words": self.words,
            "gold_edits": self.gold,
            "edits_made": self.made,
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
            "f2": round(self.f2, 3),
            "real_word_recall": round(self.real_word_recall, 3),
            "real_word_errors": self.real_word_gold,
            "false_alarms_per_1000": round(self.false_alarms_per_1000, 2),
            "median_ms": round(statistics.median(self.times_ms), 2) if self.times_ms else 0.0,
            "p95_ms": round(self.percentile_ms(0.95), 2),
            **({"marked": round(self.marked_share, 3), "offered": round(self.offered_share, 3),
                "false_marks_per_1000": round(self.false_marks_per_1000, 2)} if self.with_marks else {}),
        }


def format_report(row: dict, title: str) -> str:
    return "\n".join([
        title,
        f"  lines {row['lines']}, words {row['words']}, tagged errors {row['gold_edits']}, edits made {row['edits_made']}",
        f"  recall {row['recall']:.3f}  precision {row['precision']:.3f}  F2 {row['f2']:.3f}",
        f"  real-word recall {row['real_word_recall']:.3f} (of {row['real_word_errors']})"
        f"  false alarms {row['false_alarms_per_1000']:.2f} per 1,000 words",
        *([f"  what the writer sees: a mark on {row['marked']:.3f} of the tagged errors (unknown marks too),"
           f" the right word in the mark's menu for {row['offered']:.3f};"
           f" marks on untagged words {row['false_marks_per_1000']:.2f} per 1,000"] if "marked" in row else []),
        f"  ms per line: median {row['median_ms']:.1f}, p95 {row['p95_ms']:.1f}",
    ])


def hunspell_is_word() -> Callable[[str], bool]:
    """The benchmark's "dictionary word" test for real-word errors: Hunspell en_US or en_GB accepts
    it (independent of the engine under test, whose own lexicon is what is being measured)."""
    from ..engine.lexicon import load_hunspell

    dictionaries = load_hunspell()
    return lambda w: bool(w) and any(d.lookup(w) for d in dictionaries)


def hunspell_words(words: Iterable[str]) -> Callable[[str], bool]:
    """`hunspell_is_word` for a known set of words, looked up in a process of its own: Hunspell's
    two dictionaries take about 130 MB, which would otherwise count in the peak memory the
    benchmarks report for the engine. A word outside `words` counts as no word."""
    import multiprocessing

    wanted = sorted({w for w in words if w})
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        found = frozenset(pool.apply(_accepted, (wanted,)))
    return found.__contains__


def _accepted(words: list[str]) -> list[str]:
    is_word = hunspell_is_word()
    return [w for w in words if is_word(w)]


def line_words(lines: Iterable[TaggedLine]) -> set[str]:
    """Every token of the lines' inputs as `ErrorTally.add` asks `is_word` about it."""
    return {_strip(tok) for line in lines for tok in line.input.split()}


def run_tagged(engine, lines: list[TaggedLine], is_word: Callable[[str], bool] | None = None,
               warmup: int = 3) -> tuple[ErrorTally, list[dict]]:
    """Check every line with `engine` and score it; one record per line for `--show-failures`."""
    import time

    for line in lines[:warmup]:
        engine.check(line.input)  # fills caches so the timings describe steady typing
    tally = ErrorTally()
    records = []
    for line in lines:
        t0 = time.perf_counter()
        result = engine.check(line.input)
        ms = (time.perf_counter() - t0) * 1000
        out = result.corrected
        gold, made = tally.add(line.input, line.expected, out, is_word, ms, result.suggestions)
        records.append({"input": line.input, "expected": line.expected, "output": out,
                        "missed": sorted(gold - made), "wrong": sorted(made - gold), "writer": line.writer})
    return tally, records
