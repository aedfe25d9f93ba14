from dyslexic_writer.bench.words import WordScore, split_pairs
from dyslexic_writer.training.sources import WordPair, is_held_out


def test_split_follows_the_held_out_rule_and_dedupes():
    pairs = [WordPair("recieve", "receive", "b"), WordPair("Recieve", "receive", "b"), WordPair("x1", "y", "b")]
    held = split_pairs(pairs, held_out=is_held_out("receive"))
    assert [p.misspelling for p in held] == ["recieve"]
    assert split_pairs(pairs, held_out=not is_held_out("receive")) == []


def test_word_score():
    s = WordScore("t")
    s.add(["the", "then"], "the")
    s.add(["then", "the"], "the")
    s.add([], "the")
    assert (s.pairs, s.top1, s.top5) == (3, 1, 2)
    assert s.row()["top1_pct"] == 33.3


def test_checked_choices_are_the_menu_of_a_word_on_its_own():
    from dyslexic_writer.bench.words import checked_choices
    from dyslexic_writer.engine.types import CheckResult, Kind, Suggestion

    class Stub:
        def __init__(self, sugs):
            self.sugs = sugs

        def check(self, text):
            return CheckResult(text, tuple(self.sugs))

    mark = Suggestion(0, 5, "doard", ("board", "dart"), Kind.SPELLING, 0.9, "t")
    unsure = Suggestion(0, 5, "qwxzt", (), Kind.UNKNOWN, 0.5, "t", maybe=("quest", "quiz"))
    assert checked_choices(Stub([mark]), "doard") == ["board", "dart"]
    assert checked_choices(Stub([unsure]), "qwxzt") == ["quest", "quiz"]
    assert checked_choices(Stub([]), "beech") == []  # a word it accepts: nothing offered


def _data(tmp_path):
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    (corpora / "birkbeck.dat").write_text("$beach\nbech\n$school\nskule\n", encoding="utf-8")
    (corpora / "extra_misspellings.csv").write_text(",label,input\n0,beach,bech\n1,cat,kaat\n", encoding="utf-8")
    (corpora / "github_typos_pairs.csv").write_text("misspelling,correct,edit_distance\nbeech,beach,1\n", encoding="utf-8")
    return tmp_path


def test_the_scored_corpora_are_birkbeck_and_the_extra_lists(tmp_path):
    from dyslexic_writer.bench.words import load_corpora

    assert is_held_out("beach") and is_held_out("cat") and not is_held_out("school")
    pairs = load_corpora(_data(tmp_path))
    assert {p.source for p in pairs} == {"birkbeck", "extra"}  # not the GitHub typos
    held = split_pairs(pairs, held_out=True)
    assert [(p.misspelling, p.correct) for p in held] == [("bech", "beach"), ("kaat", "cat")]

