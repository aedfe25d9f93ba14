from dyslexic_writer.bench.cv import MemoScorer, cross_validate, merged, per_writer
from dyslexic_writer.bench.errors import ErrorTally, TaggedLine
from dyslexic_writer.engine.types import CheckResult, Kind, Suggestion


def tally(recalled: int, gold: int, made: int, words: int = 100) -> ErrorTally:
    return ErrorTally(gold=gold, recalled=recalled, correct=recalled, made=made, false_alarms=made - recalled,
                      words=words, lines=1)


def test_merged_adds_every_count():
    t = merged([tally(1, 2, 1), tally(3, 4, 5)])
    assert (t.gold, t.recalled, t.made, t.false_alarms, t.words, t.lines) == (6, 4, 6, 2, 200, 2)


def test_each_fold_chooses_without_its_own_writer():
    # Setting 1 is better for writers a and b, setting 0 only for c: c's fold must pick setting 1
    # (chosen on a and b), and score c with it, even though 0 is better for c itself.
    results = [
        {"a": tally(1, 4, 1), "b": tally(1, 4, 1), "c": tally(4, 4, 4)},
        {"a": tally(4, 4, 4), "b": tally(4, 4, 4), "c": tally(0, 4, 2)},
    ]
    cv = cross_validate(results, baseline=0)
    by_writer = {f.writer: f for f in cv.folds}
    assert by_writer["c"].setting == 1 and by_writer["c"].held_out.recalled == 0
    # a's fold sees b and c: setting 0 finds 5 of 8 with no false alarm, setting 1 finds 4 of 8 with two
    assert by_writer["a"].setting == 0 and by_writer["a"].held_out.recalled == 1
    assert cv.chosen == 1  # over all three writers setting 1 wins (F2 0.69 against 0.56)
    assert cv.pooled.recalled == 1 + 1 + 0  # each writer scored with its own fold's choice


def test_ties_keep_the_baseline():
    same = {"a": tally(1, 2, 1), "b": tally(1, 2, 1)}
    assert cross_validate([same, dict(same)], baseline=1).chosen == 1


def test_a_precision_floor_passes_over_the_best_f2_when_it_is_too_imprecise():
    # Setting 0 finds more (F2 0.71) with precision 0.5; setting 1 finds less (F2 0.53) at 1.0.
    loose = {"a": tally(3, 4, 6, words=10_000), "b": tally(3, 4, 6, words=10_000)}
    precise = {"a": tally(2, 4, 2, words=10_000), "b": tally(2, 4, 2, words=10_000)}
    assert cross_validate([loose, precise], baseline=0).chosen == 0
    cv = cross_validate([loose, precise], baseline=0, min_precision=0.8)
    assert cv.chosen == 1 and all(f.setting == 1 for f in cv.folds)
    # where no setting is precise enough, the most precise one
    assert cross_validate([loose, precise], baseline=0, min_precision=1.1).chosen == 1


def test_per_writer_counts_each_writers_lines():
    lines = [TaggedLine("err", "I sat their.", "I sat there.", "w1"), TaggedLine("clean", "Hi there.", "Hi there.", "w2")]

    def check(text):
        if "their" in text:
            return CheckResult(text, (Suggestion(6, 11, "their", ("there",), Kind.HOMOPHONE, 0.9, ""),))
        return CheckResult(text)

    out = per_writer(check, lines)
    assert (out["w1"].gold, out["w1"].recalled, out["w2"].gold, out["w2"].made) == (1, 1, 0, 0)


class CountingScorer:
    def __init__(self):
        self.calls = []

    def score_many(self, requests, floor=None, prior=None):
        self.calls.append((requests, floor, prior))
        return [[float(len(c)) for c in cs] for _, cs in requests]


def test_memo_scorer_asks_each_request_once():
    inner = CountingScorer()
    memo = MemoScorer(inner)
    a = memo.score_many([("p", ["x", "yy"]), ("q", ["z"])], floor=[1.0, 2.0], prior=[None, [0.5]])
    b = memo.score_many([("q", ["z"]), ("r", ["www"])], floor=[2.0, 3.0], prior=[[0.5], None])
    assert a == [[1.0, 2.0], [1.0]] and b == [[1.0], [3.0]]
    assert memo.misses == 3 and inner.calls[1] == ([("r", ["www"])], [3.0], [None])
    # the same text with another floor or prior is another request
    memo.score_many([("q", ["z"])], floor=[9.0], prior=[[0.5]])
    assert memo.misses == 4
