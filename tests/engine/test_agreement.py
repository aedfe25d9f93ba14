"""Forms of a word that the word before it calls for."""

import pytest

from dyslexic_writer.engine.agreement import (article_slips, cued_forms, is_noun, is_singular_noun, regular_slips,
                                             share_plurals, wants_verb, word_forms)


@pytest.mark.parametrize("previous, word, expected", [
    ("was", "play", {"playing"}),      # a missing -ing after "be"
    ("he", "look", {"looks", "looked"}),  # a dropped -s or -ed after a third-person subject
    ("six", "week", {"weeks"}),        # a plural after a number
    ("a", "girls", {"girl"}),          # a singular after "a"
    ("to", "went", {"go"}),            # the plain form after "to" or a modal, irregular ones too
    ("they", "likes", {"like"}),       # no -s after a plural subject
])
def test_cue_words_call_for_another_form(previous, word, expected):
    assert set(cued_forms(previous, word)) == expected


@pytest.mark.parametrize("previous, word", [
    ("the", "play"),    # no cue
    ("was", "going"),   # already the form the cue wants
    ("to", "school"),   # the plain form already
    ("we", "play"),
    ("six", "42"),      # not a word
])
def test_no_other_form_without_a_cue_or_where_the_form_fits(previous, word):
    assert cued_forms(previous, word) == ()


def test_the_cue_is_read_case_insensitively():
    assert cued_forms("Was", "Play") == ("playing",)


def test_a_helping_verb_after_be_is_not_given_an_ing():
    assert cued_forms("are", "have") == () and cued_forms("was", "do") == ()


@pytest.mark.parametrize("previous, word, expected", [
    ("I", "thing", True),     # a subject wants a verb; "thing" is none
    ("he", "tod", True),
    ("to", "mack", True),
    ("I", "think", False),    # a verb already
    ("the", "thing", False),  # no cue
    ("did", "homework", False),  # "do" may be the verb itself
])
def test_a_word_that_is_no_verb_where_one_is_wanted(previous, word, expected):
    assert wants_verb(previous, word) is expected


@pytest.mark.parametrize("before, word, expected", [
    ("one of my ", "cousin", ("cousins",)),
    ("He met each of the ", "child", ("children",)),
    ("Some of their ", "Horse", ("horses",)),
])
def test_a_share_of_a_group_wants_the_plural(before, word, expected):
    assert share_plurals(before, word) == expected


@pytest.mark.parametrize("before, word", [
    ("a friend of my ", "cousin"),  # no share of a group
    ("one of my ", "cousins"),  # already plural
    ("one of my ", "quickly"),  # no noun
    ("someone of my ", "cousin"),  # "one" inside another word
])
def test_no_plural_without_a_share_cue(before, word):
    assert share_plurals(before, word) == ()


def test_nouns_and_singular_nouns():
    assert is_noun("house") and is_noun("houses") and not is_noun("quickly")
    assert is_singular_noun("house") and not is_singular_noun("houses")
    assert not is_noun("she") and not is_singular_noun("this")  # pronouns, whatever lemminflect files them as


@pytest.mark.parametrize("article, following, expected", [
    ("the", "was", {"there", "they", "he", "she"}),  # "the was": no noun can follow "the" here
    ("The", "went", {"they", "he"}),
    ("a", "said", {"and"}),
    ("the", "she", {"then"}),  # a pronoun after it
])
def test_an_article_before_what_cannot_follow_it(article, following, expected):
    assert expected <= set(article_slips(article, following))


@pytest.mark.parametrize("article, following", [
    ("the", "house"), ("the", "red"), ("a", "walk"), ("the", "go"), ("this", "was"),  # a noun, an adjective, a plain verb (also a noun), no article
])
def test_an_article_before_a_word_it_can_introduce_is_left(article, following):
    assert article_slips(article, following) == ()


@pytest.mark.parametrize("written, meant", [
    ("babys", {"babies"}), ("stoped", {"stopped"}), ("comeing", {"coming"}), ("cryed", {"cried"}),
    ("runned", {"ran"}), ("catched", {"caught"}), ("throwed", {"threw"}), ("biger", {"bigger"}),
    ("hitted", {"hit"}), ("comed", {"came"}), ("mouses", {"mice"}), ("helpt", {"helped"}), ("fixt", {"fixed"}),
])
def test_a_plain_ending_names_the_form_english_uses(lexicon, written, meant):
    assert meant <= set(regular_slips(written, lexicon.is_common))


@pytest.mark.parametrize("written", [
    "gass",  # a doubled letter, not an ending on "gas"
    "killd",  # a dropped letter: -d alone ends only words in -e
    "mand",
    "bant",  # -t is -ed as it sounds only after a voiceless sound ("helpt"), not "banned"
    "walked",  # the plain ending is the right one
    "dogs",
])
def test_no_other_form_where_the_ending_is_no_slip(lexicon, written):
    assert regular_slips(written, lexicon.is_common) == ()


def test_a_words_other_forms_come_from_every_word_it_may_be_a_form_of():
    assert {"walks", "walked", "walking"} <= set(word_forms("walk"))
    assert "walk" not in word_forms("walk")
    assert "man" in word_forms("men") and "ran" in word_forms("run") and "run" in word_forms("ran")
    assert word_forms("qwxzt") == ()
