import pytest

from dyslexic_writer.bench.cases import parse_cases
from dyslexic_writer.bench.metrics import Tally, similar_enough, word_edits


def test_parse_cases_with_alternatives_and_comments():
    cases = parse_cases("# category\tinput\texpected\ncorr\tteh cat\tthe cat|The cat\n\npass\tok\tok\n")
    assert [(c.category, c.input, c.expected) for c in cases] == [
        ("corr", "teh cat", ("the cat", "The cat")),
        ("pass", "ok", ("ok",)),
    ]


def test_parse_cases_rejects_bad_rows():
    with pytest.raises(ValueError, match="line 1"):
        parse_cases("only\ttwo\n")


def test_word_edits():
    assert word_edits("I went their", "I went there") == {(2, 3, "there")}
    assert word_edits("alot of it", "a lot of it") == {(0, 1, "a lot")}
    assert word_edits("same", "same") == set()


def test_tally_scores_strict_similarity_and_edits():
    t = Tally()
    t.add("I went their today", "I went there today", ("I went there today",), 1.0)  # right
    t.add("teh cat sat", "teh cat sat", ("the cat sat",), 2.0)  # missed
    t.add("a fine day", "a find day", ("a fine day",), 3.0)  # false alarm
    assert (t.cases, t.strict) == (3, 1)
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert t.precision == 0.5 and t.recall == 0.5
    assert t.f2 == pytest.approx(0.5)
    assert t.median_ms == 2.0
    row = t.row("total")
    assert row["strict_pct"] == 33.3


def test_similarity_rule_passes_unchanged_near_misses():
    # The reason the strict score is the headline: the old rule accepts doing nothing here.
    assert similar_enough("I recieved your message.", "I received your message.")
    assert similar_enough("Noone came.", "No one came.")
    assert not similar_enough("I eight lunch.", "I ate lunch.")
