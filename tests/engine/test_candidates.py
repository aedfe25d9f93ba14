import pytest

from dyslexic_writer.engine.candidates import join_candidate, rank_corrections
from dyslexic_writer.engine.types import Kind


@pytest.mark.parametrize(
    "typo, word",
    [
        ("freind", "friend"),
        ("recieved", "received"),
        ("definately", "definitely"),
        ("enuff", "enough"),
        ("fone", "phone"),
        ("skool", "school"),
        ("doard", "board"),
        ("gril", "girl"),
        ("becuz", "because"),
    ],
)
def test_best_correction(lexicon, typo, word):
    assert rank_corrections(lexicon, typo)[0].text == word


def test_phonetic_and_reversal_kinds(lexicon):
    assert rank_corrections(lexicon, "enuff")[0].kind == Kind.PHONETIC
    assert rank_corrections(lexicon, "doard")[0].kind == Kind.REVERSAL


@pytest.mark.parametrize("typo, split", [("alot", "a lot"), ("infront", "in front"), ("thankyou", "thank you"), ("noone", "no one")])
def test_missing_spaces(lexicon, typo, split):
    best = rank_corrections(lexicon, typo)[0]
    assert (best.text, best.kind) == (split, Kind.SPACING)


def test_context_breaks_ties(lexicon):
    assert rank_corrections(lexicon, "wheather", prev="the", nxt="is")[0].text == "weather"


def test_joins(lexicon):
    assert join_candidate(lexicon, "some", "where").text == "somewhere"
    assert join_candidate(lexicon, "class", "room").text == "classroom"
    assert join_candidate(lexicon, "every", "day") is None
    assert join_candidate(lexicon, "a", "round") is None
    assert join_candidate(lexicon, "may", "be") is None
