"""The learning benchmark on a tiny inline file: repeats are found, the profile learns in order."""

from dyslexic_writer.bench.errors import parse_tagged
from dyslexic_writer.bench.personal import by_writer, format_report, gold_pairs, run, teach
from dyslexic_writer.engine.profile import Profile

# Two writers; a repeats "sed" for "said" on a later line, b writes "sed" only once.
TSV = "\n".join([
    "err\tI sed no.\tI said no.\ta",
    "clean\tThe cat sat.\tThe cat sat.\ta",
    "err\tShe sed yes.\tShe said yes.\ta",
    "err\tThey sed so.\tThey said so.\tb",
])


def test_gold_pairs_and_teaching():
    (line,) = parse_tagged("err\tI sed, no.\tI said, no.\tw")
    assert [(w, i) for _e, w, i in gold_pairs(line)] == [("sed,", "said,")]
    p = Profile()
    assert teach(p, line) == 1
    assert p.intended_for("sed")[0][0] == "said"


def test_writers_keep_their_lines_in_order():
    groups = by_writer(parse_tagged(TSV))
    assert list(groups) == ["a", "b"] and [x.input for x in groups["a"]][-1] == "She sed yes."


def test_a_repeat_is_caught_with_the_profile(engine):
    res = run(engine, parse_tagged(TSV))
    assert res.repeats == 1 and res.writers == 2
    assert res.with_profile.repeats_recalled == 1
    s = res.summary()
    assert set(s) == {"repeat_recall_with", "repeat_recall_without", "recall_with", "recall_without",
                      "precision_with", "precision_without", "false_alarms_with", "false_alarms_without"}
    assert s["repeat_recall_with"] == 1.0 and s["recall_with"] >= s["recall_without"]
    assert "recall on repeated errors" in format_report(res, "tiny")
