from dyslexic_writer.engine.combined import CombinedEngine
from dyslexic_writer.engine.types import CheckResult, Suggestion


class Fixed:
    def __init__(self, fast, suggestions):
        self.fast = fast
        self.suggestions = suggestions

    def check(self, text):
        return CheckResult(text, tuple(self.suggestions))


def sug(start, end, text, best, source):
    return Suggestion(start, end, text[start:end], (best,), "spelling", 0.8, source)


def test_primary_wins_overlaps_and_secondary_fills_gaps(engine):
    text = "I went their with teh dog"
    primary = Fixed(engine, [sug(7, 12, text, "there", "scorer")])
    secondary = Fixed(engine, [sug(7, 12, text, "they're", "generator"), sug(18, 21, text, "the", "generator")])
    result = CombinedEngine(primary, secondary).check(text)
    assert [(s.original, s.best) for s in result.suggestions] == [("their", "there"), ("teh", "the")]
    assert result.corrected == "I went there with the dog"
