import pytest

from dyslexic_writer.bench.errors import ErrorTally, edits, format_report, parse_tagged

SAMPLE = "# comment\nerr\tmy siter go home\tmy sister goes home\tw1\nclean\tI ran.\tI ran.\tw1\n"


def test_parse_tagged_reads_rows_and_skips_comments():
    rows = parse_tagged(SAMPLE)
    assert [(r.category, r.writer) for r in rows] == [("err", "w1"), ("clean", "w1")]
    with pytest.raises(ValueError):
        parse_tagged("only\ttwo\n")


def test_equal_length_blocks_are_separate_errors_and_case_is_ignored():
    assert edits("My siter go home", "my sister goes home") == {(1, 2, "sister"), (2, 3, "goes")}
    assert edits("some times", "sometimes") == {(0, 2, "sometimes")}


def test_recall_precision_real_words_and_false_alarms():
    t = ErrorTally()
    # one gold error fixed, one missed (a real word), one edit on an untagged word
    t.add("my siter go home", "my sister goes home", "my sister go house", is_word=lambda w: w in {"go", "my", "home"})
    assert (t.gold, t.made, t.recalled) == (2, 2, 1)
    assert t.recall == 0.5 and t.precision == 0.5
    assert (t.real_word_gold, t.real_word_recalled) == (1, 0)
    assert t.false_alarms == 1 and t.false_alarms_per_1000 == 250.0
    row = t.row()
    assert row["f2"] == 0.5
    assert "recall 0.500" in format_report(row, "x")


def test_an_unchanged_clean_line_scores_nothing():
    t = ErrorTally()
    t.add("I ran.", "I ran.", "I ran.")
    assert (t.gold, t.made, t.false_alarms) == (0, 0, 0)
