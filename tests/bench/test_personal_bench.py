"""The learning benchmark on tiny inline files: repeats are found, and the profile learns only what
the editor could have learnt, in order."""

import re

from dyslexic_writer.bench.errors import parse_tagged
from dyslexic_writer.bench.personal import by_writer, format_report, gold_pairs, run, teach
from dyslexic_writer.engine.personal.profile import Profile
from dyslexic_writer.engine.types import CheckResult, Kind, Suggestion

# Two writers; a repeats "sed" for "said" on a later line, b writes "sed" only once.
TSV = "\n".join([
    "err\tI sed no.\tI said no.\ta",
    "clean\tThe cat sat.\tThe cat sat.\ta",
    "err\tShe sed yes.\tShe said yes.\ta",
    "err\tThey sed so.\tThey said so.\tb",
])


class Marks:
    """An engine that marks whole words: `marks` maps a word to its replacements (empty: an
    `unknown` mark whose "maybe" words are `maybe`)."""

    name = "fast"

    def __init__(self, lexicon, marks, maybe=()):
        self.lexicon = lexicon
        self.marks = marks
        self.maybe = tuple(maybe)

    def check(self, text):
        found = []
        for m in re.finditer(r"[A-Za-z]+", text):
            reps = self.marks.get(m.group())
            if reps is None:
                continue
            kind = Kind.SPELLING if reps else Kind.UNKNOWN
            found.append(Suggestion(m.start(), m.end(), m.group(), tuple(reps), kind, 0.8, "t",
                                    maybe=() if reps else self.maybe))
        return CheckResult(text, tuple(found))


def _checked(engine, line):
    return engine.check(line.input)


def test_gold_pairs():
    (line,) = parse_tagged("err\tI sed, no.\tI said, no.\tw")
    assert [(w, i) for _e, w, i in gold_pairs(line)] == [("sed,", "said,")]


def test_a_marked_error_is_accepted_when_offered_and_retyped_when_not(lexicon):
    (line,) = parse_tagged("err\tI sed, no.\tI said, no.\tw")
    offered = Profile()
    taught = teach(offered, line, _checked(Marks(lexicon, {"sed": ["set", "said"]}), line))
    assert (taught.accepted, taught.retyped, taught.unmarked) == (1, 0, 0)
    assert offered.intended_for("sed")[0][0] == "said" and offered.pairs()[0].accepted == 1
    missed = Profile()
    taught = teach(missed, line, _checked(Marks(lexicon, {"sed": ["set", "sad"]}), line))
    assert (taught.accepted, taught.retyped) == (0, 1)
    assert missed.pairs()[0].self_made == 1 and missed.intended_for("sed")[0][0] == "said"
    maybe = Profile()  # an unknown mark naming the word among its "maybe" words offers it too
    taught = teach(maybe, line, _checked(Marks(lexicon, {"sed": []}, maybe=["said"]), line))
    assert taught.accepted == 1


def test_an_unmarked_error_is_not_taught_and_a_wrong_mark_is_rejected(lexicon):
    (line,) = parse_tagged("err\tThe cat sed no.\tThe cat said no.\tw")
    profile = Profile()
    taught = teach(profile, line, _checked(Marks(lexicon, {"cat": ["cut"]}), line))
    assert (taught.accepted, taught.retyped, taught.unmarked, taught.rejected) == (0, 0, 1, 1)
    assert profile.intended_for("sed") == []  # the writer was never asked about it
    (rejected,) = profile.rejections()
    assert (rejected.written, rejected.suggested) == ("cat", "cut")
    assert profile.rejection("cat", "cut", "The", "sed")[0] == 1.0  # remembered in its place


def test_a_line_is_taught_only_after_it_is_checked(lexicon):
    # "wnet" is marked with "went" offered second: once taught, the profile puts it first. The first
    # line must be checked before it is taught, so only the second one gains.
    engine = Marks(lexicon, {"wnet": ["want", "went"]})
    lines = parse_tagged("err\tI wnet home.\tI went home.\tw\nerr\tWe wnet out.\tWe went out.\tw\n")
    res = run(engine, lines)
    assert res.without.tally.recalled == 0
    assert res.with_profile.tally.recalled == 1 and res.repeats == 1 and res.with_profile.repeats_recalled == 1
    assert (res.taught.accepted, res.taught.unmarked) == (2, 0)


def test_writers_keep_their_lines_in_order():
    groups = by_writer(parse_tagged(TSV))
    assert list(groups) == ["a", "b"] and [x.input for x in groups["a"]][-1] == "She sed yes."


def test_a_repeat_is_caught_with_the_profile_where_the_editor_marked_it(lexicon):
    res = run(Marks(lexicon, {"sed": ["said"]}), parse_tagged(TSV))
    assert res.repeats == 1 and res.writers == 2
    assert res.with_profile.repeats_recalled == 1
    s = res.summary()
    assert set(s) == {"repeat_recall_with", "repeat_recall_without", "recall_with", "recall_without",
                      "precision_with", "precision_without", "false_alarms_with", "false_alarms_without"}
    assert s["repeat_recall_with"] == 1.0 and s["recall_with"] >= s["recall_without"]
    report = format_report(res, "tiny")
    assert "recall on repeated errors" in report and "accepted 3" in report
