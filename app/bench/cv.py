"""Leave-one-writer-out cross-validation of the context engine's fitted parameters (issue 29).

Every setting of the grid (`resources/curated/fit.yaml`) is run once over every line, and its
error counts are kept per writer. Fold k chooses the setting with the best F2 over the other
writers' lines pooled, and scores writer k with it; the held-out writers' counts, pooled, are the
cross-validated figure, which no writer's own lines helped choose. The shipped choice is the one
best over all writers (its plain figure is optimistic, and reported as such).

Settings change only which option wins, never what the model is asked for a given text, so the
model's answers are memoised by request (`MemoScorer`): after the first setting, a run costs the
engine's own work plus the few requests a different earlier decision gives rise to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from .errors import ErrorTally, TaggedLine


class MemoScorer:
    """A scorer that answers each (prefix, continuations, floor, prior) request once."""

    def __init__(self, inner):
        self.inner = inner
        self.memo: dict = {}
        self.misses = 0

    def __getattr__(self, item):
        return getattr(self.inner, item)  # model_id, tokenize, ...

    def score(self, prefix: str, continuations: list[str]) -> list[float]:
        return self.score_many([(prefix, continuations)])[0]

    def score_many(self, requests, floor=None, prior=None):
        n = len(requests)
        floors = list(floor) if isinstance(floor, (list, tuple)) else [floor] * n
        priors = list(prior) if prior is not None else [None] * n
        keys = [(p, tuple(cs), f, None if pr is None else tuple(pr))
                for (p, cs), f, pr in zip(requests, floors, priors)]
        todo = [i for i, k in enumerate(keys) if k not in self.memo]
        if todo:
            self.misses += len(todo)
            sub_floor = None if floor is None else [floors[i] for i in todo]
            sub_prior = None if prior is None else [priors[i] for i in todo]
            got = self.inner.score_many([requests[i] for i in todo], floor=sub_floor, prior=sub_prior)
            for i, scores in zip(todo, got):
                self.memo[keys[i]] = list(scores)
        return [list(self.memo[k]) for k in keys]


def merged(tallies: Sequence[ErrorTally]) -> ErrorTally:
    """The counts of several tallies together (times and marks included)."""
    out = ErrorTally()
    for t in tallies:
        for f in fields(ErrorTally):
            value = getattr(t, f.name)
            if isinstance(value, bool):
                setattr(out, f.name, getattr(out, f.name) or value)
            elif isinstance(value, list):
                getattr(out, f.name).extend(value)
            else:
                setattr(out, f.name, getattr(out, f.name) + value)
    return out


def per_writer(check: Callable[[str], object], lines: Sequence[TaggedLine],
               is_word: Callable[[str], bool] | None = None) -> dict[str, ErrorTally]:
    """Each writer's counts for one setting (`check(text)` returns a CheckResult)."""
    out: dict[str, ErrorTally] = {}
    for line in lines:
        result = check(line.input)
        out.setdefault(line.writer, ErrorTally()).add(line.input, line.expected, result.corrected, is_word,
                                                      result.elapsed_ms, result.suggestions)
    return out


@dataclass(frozen=True)
class Fold:
    writer: str
    setting: int  # index into the grid
    held_out: ErrorTally


@dataclass(frozen=True)
class CrossValidation:
    folds: tuple[Fold, ...]
    chosen: int  # the setting best over all writers (what ships)

    @property
    def pooled(self) -> ErrorTally:
        return merged([f.held_out for f in self.folds])


def _best(results: Sequence[dict[str, ErrorTally]], writers: Sequence[str], prefer: int,
          max_false_alarms: float, min_precision: float = 0.0) -> int:
    """The setting with the best pooled F2 over `writers` among those whose false alarms stay
    within `max_false_alarms` per 1,000 words there and whose precision reaches `min_precision`.
    Where none does: the fewest false alarms among those that reach the precision, else the most
    precise. Ties go to `prefer`, then the earliest."""
    pooled = [merged([r[w] for w in writers if w in r]) for r in results]

    def key(i: int) -> tuple:
        t = pooled[i]
        precise = t.precision >= min_precision
        if precise and t.false_alarms_per_1000 <= max_false_alarms:
            rank = (2, round(t.f2, 9))
        elif precise:
            rank = (1, -t.false_alarms_per_1000)
        else:
            rank = (0, t.precision)
        return (*rank, i == prefer, -i)

    return max(range(len(results)), key=key)


def cross_validate(results: Sequence[dict[str, ErrorTally]], baseline: int,
                   max_false_alarms: float = float("inf"), min_precision: float = 0.0) -> CrossValidation:
    """Leave one writer out over the grid's per-writer results (`baseline` wins ties)."""
    writers = sorted({w for r in results for w in r})
    folds = []
    for held in writers:
        others = [w for w in writers if w != held]
        pick = _best(results, others, baseline, max_false_alarms, min_precision)
        folds.append(Fold(held, pick, results[pick].get(held, ErrorTally())))
    return CrossValidation(tuple(folds), _best(results, writers, baseline, max_false_alarms, min_precision))


def tallies_to_json(results: Sequence[dict[str, ErrorTally]]) -> list[dict[str, dict]]:
    """Per-writer counts of every setting, to redo the choice without running the engine again."""
    return [{w: {f.name: getattr(t, f.name) for f in fields(ErrorTally) if f.name != "times_ms"}
             for w, t in r.items()} for r in results]


def tallies_from_json(data: list[dict[str, dict]]) -> list[dict[str, ErrorTally]]:
    return [{w: ErrorTally(**counts) for w, counts in r.items()} for r in data]
