"""Value objects that cross the engine boundary (to the CLI, the GUI and worker threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Kind:
    """The kinds of suggestion; strings so they travel as JSON unchanged."""

    SPELLING = "spelling"
    PHONETIC = "phonetic"
    REVERSAL = "reversal"
    CONTRACTION = "contraction"
    SPACING = "spacing"
    HOMOPHONE = "homophone"
    GRAMMAR = "grammar"
    # Not in the dictionary and no good candidate: the writer is told, with no replacement offered.
    UNKNOWN = "unknown"

    ALL = (SPELLING, PHONETIC, REVERSAL, CONTRACTION, SPACING, HOMOPHONE, GRAMMAR, UNKNOWN)


@dataclass(frozen=True)
class Suggestion:
    """One proposed change: `text[start:end]` (== original) may become `replacements[0]`.

    A suggestion of kind `unknown` may have no replacements: it only tells the writer that the word
    is not known; its `best` is then the original, so applying it changes nothing.
    """

    start: int
    end: int
    original: str
    replacements: tuple[str, ...]
    kind: str
    confidence: float
    source: str
    explanation: str = ""
    # An `unknown` mark's likely words: offered one click away, never applied by "accept all".
    maybe: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.replacements and self.kind != Kind.UNKNOWN:
            raise ValueError("a suggestion needs at least one replacement")
        if self.end < self.start:
            raise ValueError("suggestion span ends before it starts")

    @property
    def best(self) -> str:
        return self.replacements[0] if self.replacements else self.original

    def to_json(self) -> dict:
        # The keys are the `check --jsonl` contract; keep them stable.
        out = {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacements": list(self.replacements),
            "kind": self.kind,
            "confidence": round(float(self.confidence), 3),
            "source": self.source,
        }
        if self.maybe:
            out["maybe"] = list(self.maybe)
        return out


@dataclass(frozen=True)
class CheckResult:
    """The suggestions for one text, in order of position, never overlapping."""

    text: str
    suggestions: tuple[Suggestion, ...] = ()
    engine: str = "fast"
    elapsed_ms: float = 0.0
    notices: tuple[str, ...] = field(default=())

    @property
    def corrected(self) -> str:
        return apply_suggestions(self.text, self.suggestions)

    def to_json(self) -> dict:
        return {
            "input": self.text,
            "corrected": self.corrected,
            "suggestions": [s.to_json() for s in self.suggestions],
        }


class WrapsFast:
    """For engines built on a fast engine: its personal dictionary and ignore list are theirs too."""

    fast: object

    @property
    def personal(self):
        return self.fast.personal

    @property
    def ignored(self):
        return self.fast.ignored


def apply_suggestions(text: str, suggestions: tuple[Suggestion, ...] | list[Suggestion]) -> str:
    """`text` with each suggestion's best replacement applied ("accept all")."""
    out: list[str] = []
    pos = 0
    for s in sorted(suggestions, key=lambda s: s.start):
        if s.start < pos:
            raise ValueError(f"overlapping suggestions at {s.start}")
        out.append(text[pos : s.start])
        out.append(s.best)
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


class Engine(Protocol):
    """What every engine offers its callers (the CLI, the editor's worker, the server): one text in,
    its suggestions out. Engines built on a fast engine also expose it as `fast`."""

    name: str

    def check(self, text: str) -> CheckResult: ...


class Scorer(Protocol):
    """A language model as the context engine uses it (`runtime.llama` implements it)."""

    def score(self, prefix: str, continuations: list[str]) -> list[float]:
        """Natural-log probability of each continuation after `prefix` (the sentence so far)."""

    # Optional: `score_many(requests: list[tuple[str, list[str]]], floor: list[float] | None,
    # prior: list[list[float] | None] | None) -> list[list[float]]` scores several requests in one
    # batch, giving -inf to a continuation whose first token (plus its prior, where given) is
    # floor[i] nats below the best first token (plus prior) of its request (never the first
    # continuation, which is the written word where it is kept; with all the others pruned, that
    # one may be scored by its first token alone); scorers without it are asked one request at a time.
