"""A benchmark of learning: replay tagged real writing writer by writer, checking each line with and
without the writer's profile, then teaching the profile what the writer could have taught the editor
on that line.

The profile starts fresh at each writer's first line. A line is taught only after it is checked, and
only through what the plain check (without the profile) showed, with the calls the editor makes
(`teach`). A tagged error under a mark is accepted when the mark's menu offers the intended word,
and otherwise retyped. A tagged error with no mark is not taught: the writer was never asked. A mark
that would change an untagged word is rejected. A *repeat* is a tagged error whose (written,
intended) words, lower-cased and without punctuation, equal one the same writer had on an earlier
line.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ..engine.personal.personalize import PersonalizedEngine
from ..engine.personal.profile import Profile, normalise
from ..engine.text import words
from ..engine.types import CheckResult
from .errors import ErrorTally, TaggedLine, edits, marks


@dataclass
class Side:
    """One side of the comparison: the error tally and recall on repeats."""

    tally: ErrorTally = field(default_factory=ErrorTally)
    repeats_recalled: int = 0

    def repeat_recall(self, repeats: int) -> float:
        return self.repeats_recalled / repeats if repeats else 1.0


@dataclass
class Taught:
    """What the replay taught the profiles, as the editor would have been taught it."""

    accepted: int = 0  # tagged errors whose mark offered the intended word (`record_accepted`)
    retyped: int = 0  # tagged errors under a mark that did not offer it (`record_self`)
    unmarked: int = 0  # tagged errors the plain check did not mark: never taught
    rejected: int = 0  # marks that would change an untagged word (`record_rejected`)

    def add(self, other: Taught) -> None:
        for name in ("accepted", "retyped", "unmarked", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class PersonalResult:
    without: Side = field(default_factory=Side)
    with_profile: Side = field(default_factory=Side)
    repeats: int = 0
    writers: int = 0
    overhead_ms: list[float] = field(default_factory=list)  # the profile's own time per line
    taught: Taught = field(default_factory=Taught)

    def summary(self) -> dict:
        w, p = self.without, self.with_profile
        return {
            "repeat_recall_with": round(p.repeat_recall(self.repeats), 3),
            "repeat_recall_without": round(w.repeat_recall(self.repeats), 3),
            "recall_with": round(p.tally.recall, 3),
            "recall_without": round(w.tally.recall, 3),
            "precision_with": round(p.tally.precision, 3),
            "precision_without": round(w.tally.precision, 3),
            "false_alarms_with": round(p.tally.false_alarms_per_1000, 2),
            "false_alarms_without": round(w.tally.false_alarms_per_1000, 2),
        }


def gold_pairs(line: TaggedLine) -> list[tuple[tuple[int, int, str], str, str]]:
    """(edit, written, intended) for each tagged correction that replaces written words."""
    toks = line.input.split()
    out = []
    for e in sorted(edits(line.input, line.expected)):
        written = " ".join(toks[e[0] : e[1]])
        if normalise(written):
            out.append((e, written, e[2]))
    return out


def teach(profile: Profile, line: TaggedLine, checked: CheckResult) -> Taught:
    """Teach `profile` what a writer could have taught the editor on `line`, given `checked`, the
    plain check of it. Each tagged error under a mark is accepted when the mark's menu (its first
    five replacements and its "maybe" words) offers the intended word, as the editor's Accept
    records it. Otherwise it is retyped, as "Type it another way" and typing over a mark record it.
    A tagged error with no mark is not taught. A mark that would change an untagged word is
    rejected, as the mark's Reject records it, with its neighbouring words."""
    found = marks(line.input, checked.suggestions)
    gold = edits(line.input, line.expected)
    out = Taught()
    with profile.batch():
        for e, written, intended in gold_pairs(line):
            under = [m for m in found if m.touches(e)]
            if not under:
                out.unmarked += 1
            elif any(m.offers(e) for m in under):
                out.accepted += profile.record_accepted(written, intended, line.input)
            else:
                out.retyped += profile.record_self(written, intended, line.input)
        for m in found:
            s = m.suggestion
            if s.best.lower() != s.original.lower() and not any(m.touches(g) for g in gold):
                out.rejected += profile.record_rejected(s.original, s.best, *_neighbours(line.input, s.start, s.end),
                                                        line.input)
    return out


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words either side of a span, where the profile looks a rejection's place up."""
    toks = words(text)
    before = [t.text for t in toks if t.end <= start]
    after = [t.text for t in toks if t.start >= end]
    return (before[-1] if before else ""), (after[0] if after else "")


def by_writer(lines: list[TaggedLine]) -> dict[str, list[TaggedLine]]:
    groups: dict[str, list[TaggedLine]] = {}
    for line in lines:
        groups.setdefault(line.writer, []).append(line)
    return groups


def run(engine, lines: list[TaggedLine], progress=None) -> PersonalResult:
    res = PersonalResult()
    is_word = getattr(getattr(engine, "lexicon", None) or engine.fast.lexicon, "is_valid")
    # An engine built with a profile (`make_engine(profile=...)`) has the profile's options in its
    # context layer; any other engine is wrapped here, with the profile applied after its check.
    personal = engine if isinstance(engine, PersonalizedEngine) else PersonalizedEngine(engine, Profile())
    for writer, group in by_writer(lines).items():
        res.writers += 1
        profile = Profile()  # in memory: a benchmark never writes the writer's real profile
        personal.use_profile(profile)
        seen: set[tuple[str, str]] = set()
        for line in group:
            plain = personal.plain_check(line.input)
            mine = personal.check(line.input) if personal.relevant(line.input) else plain
            res.overhead_ms.append(personal.last_overhead_ms if mine is not plain else 0.0)
            gold, made_without = res.without.tally.add(line.input, line.expected, plain.corrected, is_word, plain.elapsed_ms)
            _, made_with = res.with_profile.tally.add(line.input, line.expected, mine.corrected, is_word, mine.elapsed_ms)
            keys = set()
            for e, written, intended in gold_pairs(line):
                key = (normalise(written), normalise(intended))
                keys.add(key)
                if key in seen:
                    res.repeats += 1
                    res.without.repeats_recalled += e in made_without
                    res.with_profile.repeats_recalled += e in made_with
            seen |= keys
            res.taught.add(teach(profile, line, plain))  # only now: the line was checked without it
        if progress is not None:
            progress(writer, len(group), res)
    return res


def format_report(res: PersonalResult, title: str) -> str:
    w, p = res.without, res.with_profile
    rows = [
        ("recall on repeated errors", f"{w.repeat_recall(res.repeats):.3f}", f"{p.repeat_recall(res.repeats):.3f}"),
        ("recall", f"{w.tally.recall:.3f}", f"{p.tally.recall:.3f}"),
        ("precision", f"{w.tally.precision:.3f}", f"{p.tally.precision:.3f}"),
        ("F2", f"{w.tally.f2:.3f}", f"{p.tally.f2:.3f}"),
        ("real-word recall", f"{w.tally.real_word_recall:.3f}", f"{p.tally.real_word_recall:.3f}"),
        ("false alarms / 1,000 words", f"{w.tally.false_alarms_per_1000:.2f}", f"{p.tally.false_alarms_per_1000:.2f}"),
    ]
    overhead = sorted(res.overhead_ms) or [0.0]
    lines = [
        title,
        f"  writers {res.writers}, lines {w.tally.lines}, words {w.tally.words}, tagged errors {w.tally.gold},"
        f" repeats of an earlier error {res.repeats}",
        f"  taught as the editor would be: accepted {res.taught.accepted}, retyped {res.taught.retyped},"
        f" not marked (not taught) {res.taught.unmarked}; marks on untagged words rejected {res.taught.rejected}",
        f"  {'':<28} {'without':>9} {'with profile':>13}",
        *(f"  {name:<28} {a:>9} {b:>13}" for name, a, b in rows),
        f"  profile time per line: median {statistics.median(overhead):.3f} ms,"
        f" 95th percentile {overhead[int(0.95 * (len(overhead) - 1))]:.3f} ms, max {overhead[-1]:.3f} ms",
    ]
    return "\n".join(lines)
