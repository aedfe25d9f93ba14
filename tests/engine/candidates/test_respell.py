import random
from array import array

import dyslexic_writer.engine.candidates.respell as respell
from dyslexic_writer.engine.candidates.channel import Channel
from dyslexic_writer.engine.candidates.respell import Respeller, _sparse_max


def _channel():
    # (intended, written): "aw" written "or", a "w" added, "ou" written "ow", "i" or "e" written "y"
    return Channel({("aw", "or"): -1.0, ("", "w"): -2.0, ("ou", "ow"): -1.5, ("i", "y"): -1.0, ("e", "y"): -1.0})


def test_a_spelling_is_traced_back_through_the_learned_slips():
    r = Respeller(_channel(), [("saw", 5.0), ("sore", 3.0), ("sorrow", 3.0)])
    # s, then "or" for "aw", then a "w" added: three letter edits from "saw", one slip and a stray letter here
    assert r.words("sorw") == ["saw"]


def test_only_listed_words_are_proposed_and_never_the_word_as_written():
    r = Respeller(_channel(), [("sour", 3.0), ("sow", 3.0)])
    assert r.words("sowr") == ["sour"]  # no rule adds an "r", so "sow" cannot be meant
    assert Respeller(_channel(), [("sow", 3.0)]).words("sow") == []


def test_equally_likely_slips_are_ordered_by_how_common_the_word_is():
    assert Respeller(_channel(), [("bid", 3.0), ("bed", 4.5)]).words("byd") == ["bed", "bid"]
    assert Respeller(_channel(), [("bid", 5.0), ("bed", 4.5)]).words("byd") == ["bid", "bed"]


def test_a_common_word_is_not_lost_to_rare_ones_that_start_more_cheaply(monkeypatch):
    monkeypatch.setattr(respell, "BEAM", 1)
    # After "sor", keeping the letters ("sor...", rare words only) costs less than reading "or" as
    # "aw"; ranked by slips alone the beam of one would keep "sor" and lose "saw".
    rows = [("sorb", 1.0), ("sorbet", 1.0), ("saw", 6.0)]
    assert Respeller(_channel(), rows).words("sorw") == ["saw"]


def test_the_sparse_table_answers_any_range_maximum():
    rng = random.Random(3)
    values = array("f", (rng.uniform(0, 7) for _ in range(300)))
    table = _sparse_max(values)
    for _ in range(200):
        lo = rng.randrange(300)
        hi = rng.randrange(lo + 1, 301)
        k = (hi - lo).bit_length() - 1
        assert max(table[k][lo], table[k][hi - (1 << k)]) == max(values[lo:hi])


def test_a_respeller_is_built_once_for_each_channel():
    class Lex:
        path = "fake.sqlite"

        def common_rows(self):
            return [("saw", 5.0), ("sour", 3.0)]

    mine, other = _channel(), Channel({("ou", "ow"): -1.0})
    first = respell.respeller(Lex(), mine)
    assert respell.respeller(Lex(), mine) is first
    assert respell.respeller(Lex(), other) is not first  # a training fold's channel gets its own
    assert respell.respeller(Lex(), other).words("sorw") == []


def test_a_whole_word_may_still_grow_a_longer_one():
    # "bed" is a word and a prefix of "beds"; an "s" written for "s" keeps growing past it
    r = Respeller(_channel(), [("bed", 4.0), ("beds", 3.0)])
    assert r._next_letters("^bed") == {"", "$", "s"}
    assert r._next_letters("^bed$") == {""}
    assert r.words("byds") == ["beds"]
