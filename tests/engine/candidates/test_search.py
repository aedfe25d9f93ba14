import pytest

from dyslexic_writer.engine.candidates.search import candidate_pool, join_candidate, rank_corrections, ranker_scores
from dyslexic_writer.engine.types import Kind


@pytest.mark.parametrize(
    "typo, word",
    [
        ("freind", "friend"),
        ("recieved", "received"),
        ("definately", "definitely"),
        ("enuff", "enough"),
        ("skool", "school"),
        ("doard", "board"),
        ("becuz", "because"),
    ],
)
def test_best_correction(lexicon, typo, word):
    assert rank_corrections(lexicon, typo)[0].text == word


def test_a_swap_and_a_dropped_double_letter_are_both_near_the_top(lexicon, seen):
    # "gril": weak spellers drop a doubled letter ("grill") more often than they swap two, by the
    # learned channel, and "girl" is far commoner: both lead, the sentence decides between them.
    seen({})  # (the training pairs know "gril" as a spelling of "girls" too)
    assert {"girl", "grill"} == {c.text for c in rank_corrections(lexicon, "gril")[:2]}


def test_sound_alike_spellings_are_offered(lexicon):
    # Without context "fone" could be "fine" as well; the sentence (context model) decides.
    assert "phone" in [c.text for c in rank_corrections(lexicon, "fone")[:3]]


def test_severe_misspellings_reach_the_wide_search(lexicon):
    # Three or more slips away: beyond the two-deletion index, found by letter and sound overlap.
    assert "discovered" in [c.text for c in rank_corrections(lexicon, "dicuverd")]


def test_spellings_no_letter_or_sound_search_reaches_are_traced_back_through_learned_slips(lexicon, monkeypatch):
    # "nolij": the silent k left out, "ow" written "o", "e" as "i" and "dge" as "j"; neither the
    # letters nor the sound code are near enough to "knowledge" for the other searches.
    from dyslexic_writer.engine.candidates import search as candidates

    assert "knowledge" in candidate_pool(lexicon, "nolij")
    monkeypatch.setattr(candidates, "RESPELL_LIMIT", 0)
    assert "knowledge" not in candidate_pool(lexicon, "nolij")


def test_probabilities_are_a_distribution_over_the_pool(lexicon):
    ranked = rank_corrections(lexicon, "freind", limit=100)
    assert ranked[0].prob > 0.3
    assert 0.99 <= sum(c.prob for c in ranked) <= 1.01


def test_phonetic_and_reversal_kinds(lexicon):
    assert rank_corrections(lexicon, "enuff")[0].kind == Kind.PHONETIC
    assert rank_corrections(lexicon, "doard")[0].kind == Kind.REVERSAL


@pytest.mark.parametrize("typo, split", [("alot", "a lot"), ("infront", "in front"), ("thankyou", "thank you"), ("noone", "no one")])
def test_missing_spaces(lexicon, typo, split):
    best = rank_corrections(lexicon, typo)[0]
    assert (best.text, best.kind) == (split, Kind.SPACING)


def test_context_breaks_ties(lexicon, seen):
    seen({})  # the shipped table knows "wheather" as a misspelling of "whether" too
    assert rank_corrections(lexicon, "wheather", prev="the", nxt="is")[0].text == "weather"


def test_joins(lexicon):
    assert join_candidate(lexicon, "some", "where").text == "somewhere"
    assert join_candidate(lexicon, "class", "room").text == "classroom"
    assert join_candidate(lexicon, "every", "day") is None
    assert join_candidate(lexicon, "a", "round") is None
    assert join_candidate(lexicon, "may", "be") is None


@pytest.mark.parametrize("spelling, kept, dropped", [("british", "colour", "color"), ("american", "color", "colour")])
def test_the_writers_spelling_wins_where_both_are_offered(lexicon, monkeypatch, spelling, kept, dropped):
    monkeypatch.setattr(lexicon, "spelling", spelling)
    both = {c.text: c.prob for c in rank_corrections(lexicon.__class__(lexicon.path), "colur", 5)}
    ranked = rank_corrections(lexicon, "colur", 5)
    words = [c.text for c in ranked]
    assert words[0] == kept and dropped not in words
    # the writer's spelling takes over the other one's probability: no less sure for the preference
    assert ranked[0].prob == pytest.approx(both[kept] + both[dropped], abs=1e-3)
    # the dictionaries differ in more than spelling ("mars" is only in en_US): no counterpart, kept
    assert "mars" in [c.text for c in rank_corrections(lexicon, "mers", 5)]
    # a word with no counterpart in the writer's spelling is still offered
    assert "downtown" in [c.text for c in rank_corrections(lexicon, "downtwon", 5)]


def test_either_spelling_offers_both(lexicon):
    assert lexicon.spelling == ""
    assert {"color", "colour"} <= {c.text for c in rank_corrections(lexicon, "colur", 5)}


@pytest.mark.parametrize("typo, word", [("catched", "caught"), ("babys", "babies"), ("throwed", "threw")])
def test_a_plain_ending_where_english_wants_another_form_ranks_that_form_first(lexicon, typo, word):
    # An edit-distance model prices "catched" -> "caught" as four letters; the inflection table knows it.
    assert rank_corrections(lexicon, typo)[0].text == word


def test_a_known_misspelling_offers_its_word_however_far_the_letters(lexicon, seen):
    # "korf" is a letter or two from "corf", "of" and "off", three from "cough"
    seen({})
    assert "cough" not in [c.text for c in rank_corrections(lexicon, "korf", 5)]
    seen({"korf": (("cough", 2),)})
    best = rank_corrections(lexicon, "korf")[0]
    assert best.text == "cough" and best.cost <= 0.5


def test_a_known_meaning_seen_once_does_not_outrank_a_close_common_word(lexicon, seen):
    # One pairing of far-apart words may be an accident of the corpus; "frend" is one letter
    # from "friend".
    seen({"frend": (("fence", 1),)})
    assert rank_corrections(lexicon, "frend")[0].text == "friend"


def test_a_known_misspelling_may_stand_for_two_words(lexicon, seen):
    seen({"icecreem": (("ice cream", 3),)})
    best = rank_corrections(lexicon, "icecreem")[0]
    assert (best.text, best.kind) == ("ice cream", Kind.SPACING)


def test_a_common_word_is_never_read_as_a_known_misspelling(lexicon, seen):
    from dyslexic_writer.engine.candidates.search import seen_forms

    seen({"house": (("horse", 9),), "zub": (("zzzq", 1), ("sub", 1))})
    assert seen_forms(lexicon, "house") == ()
    assert seen_forms(lexicon, "zub") == (("sub", 1),)  # a meaning the lexicon lacks is dropped


def test_ranker_scores_are_the_logits_that_order_the_corrections(lexicon):
    scores = ranker_scores(lexicon, "freind")
    best = max(scores, key=scores.get)
    assert best == rank_corrections(lexicon, "freind")[0].text.lower() == "friend"
    assert all(w == w.lower() for w in scores)
