import pytest

from dyslexic_writer.bench.errors import (ErrorTally, edits, format_report, hunspell_is_word, hunspell_words,
                                          line_words, parse_tagged)

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


def test_marks_count_what_the_writer_sees_beyond_accept_all():
    from dyslexic_writer.engine.types import Kind, Suggestion

    src = "my siter go hom, I think"
    sugs = [
        # "siter": changed to the wrong word, but the right one is in the menu
        Suggestion(3, 8, "siter", ("sitter", "sister"), Kind.SPELLING, 0.5, "t"),
        # "hom" (before its comma): an unknown mark naming the right word as a maybe
        Suggestion(12, 15, "hom", (), Kind.UNKNOWN, 0.5, "t", maybe=("home", "hum")),
        # an untagged word marked
        Suggestion(19, 24, "think", ("thank",), Kind.SPELLING, 0.5, "t"),
    ]
    t = ErrorTally()
    out = "my sitter go hom, I thank"
    t.add(src, "my sister goes home, I think", out, suggestions=sugs)
    assert t.gold == 3 and t.recalled == 0
    assert t.marked == 2 and t.offered == 2  # "go" has no mark at all
    assert t.false_marks == 1 and t.false_alarms == 1
    row = t.row()
    assert row["marked"] == round(2 / 3, 3) and row["false_marks_per_1000"] == round(1000 / 6, 2)
    assert "a mark on 0.667 of the tagged errors" in format_report(row, "x")
    # without suggestions (an engine's output text only) there is nothing to say about marks
    plain = ErrorTally()
    plain.add(src, "my sister goes home, I think", out)
    assert "marked" not in plain.row() and "mark on" not in format_report(plain.row(), "x")


def test_the_dictionary_test_runs_apart_and_answers_as_hunspell_does():
    lines = parse_tagged("err\tMy siter go, home.\tMy sister goes home.\tw1\n")
    words = line_words(lines)
    assert words == {"my", "siter", "go", "home"}
    in_child = hunspell_words(words)
    here = hunspell_is_word()
    assert {w for w in words if in_child(w)} == {w for w in words if here(w)} == {"my", "go", "home"}
    assert not in_child("house")  # not asked about: no word
