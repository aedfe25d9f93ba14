import pytest

from dyslexic_writer.engine import fast
from dyslexic_writer.engine.fast import FastEngine
from dyslexic_writer.engine.personal.dictionary import PersonalDictionary
from dyslexic_writer.engine.types import Kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I went to teh store.", "I went to the store."),
        ("She is my freind.", "She is my friend."),
        ("I dont know.", "I don't know."),
        ("Im going home.", "I'm going home."),
        ("Its a nice day.", "It's a nice day."),
        ("alot of people came.", "a lot of people came."),
        ("Thankyou for helping.", "Thank you for helping."),
        ("He has a big doard.", "He has a big board."),
        ("I have enuff.", "I have enough."),
        ("I left it some where.", "I left it somewhere."),
        ("We did it to gether.", "We did it together."),
        ("then i left", "then I left"),
    ],
)
def test_corrections(fix, text, expected):
    assert fix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The quick brown fox jumps over the lazy dog.",
        "I live in Saskatoon, Saskatchewan.",
        "My email is john.smith@example.com.",
        "The iPhone 15 Pro Max costs $1,199.",
        "She works at Google with Elon Musk.",
        "Run pip install numpy.",
        "The URL is https://exampel.com/teh.",
        "They were going home and she lets go of the rope.",
        "The dog wagged its tail every day.",
        "My favourite colour is grey.",
    ],
)
def test_clean_text_stays_clean(engine, text):
    assert engine.check(text).suggestions == ()


def test_suggestion_fields(engine):
    (s,) = engine.check("Shes here").suggestions
    assert (s.start, s.end, s.original, s.best, s.kind, s.source) == (0, 4, "Shes", "She's", Kind.CONTRACTION, "fast")
    assert 0 < s.confidence <= 1 and "she is" in s.explanation


def test_case_is_kept(fix):
    assert fix("Teh end") == "The end"
    assert fix("TEH END") == "TEH END"  # all caps is an acronym or shouting: left alone


def test_capitalised_words_mid_sentence_are_names(engine):
    assert engine.check("I met Jonh Smiht today.").suggestions == ()


def test_a_sentence_starting_with_a_full_name_is_left_alone(engine):
    # "Edd" is no word, but a capitalised word right after it makes the two a name
    assert engine.check("Edd Byrnes sang it.").suggestions == ()
    assert engine.check("Edd sang it.").suggestions != ()


def test_a_known_name_in_lower_case_gets_its_capital(engine):
    result = engine.check("We went to london on saturday.")
    assert [(s.original, s.best, s.kind) for s in result.suggestions] == [
        ("london", "London", Kind.GRAMMAR), ("saturday", "Saturday", Kind.GRAMMAR)]
    # a rarer name one slip from a common word is that word ("Wil" is a name too)
    (s,) = engine.check("I wil go home.").suggestions
    assert s.best == "will"


def test_misspelt_days_months_and_places_get_their_names(fix):
    assert fix("On wensday we went to londen.") == "On Wednesday we went to London."
    assert fix("It was febuary, not chrismas.") == "It was February, not Christmas."
    assert fix("Saterday was fun.") == "Saturday was fun."  # one cheap slip from the name


def test_an_unknown_capitalised_word_is_offered_a_name_only_a_cheap_slip_away(engine, seen):
    seen({})  # (the training pairs know "wensday" as a spelling of "Wednesday")
    # "Bullimore" is two dear slips from Baltimore: more likely a name we lack than a slip.
    (s,) = engine.check("Bullimore was there.").suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == ()
    # ...but the mark may name a close name, for a writer who meant one ("Wensday we went out")
    (s,) = engine.check("Wensday we went out.").suggestions
    assert s.kind == Kind.UNKNOWN and "Wednesday" in s.maybe


def test_a_lower_case_name_is_never_corrected_to_another_name(engine):
    (s,) = engine.check("we met on saturday").suggestions
    assert s.best == "Saturday" and s.kind == Kind.GRAMMAR
    # "june" is far commoner than "jane": still no reason to offer it for her name
    assert all(r not in ("June", "Jan") for s in engine.check("we met jane today").suggestions for r in s.replacements)


def test_rare_words_near_common_ones_are_queried_gently(engine):
    # "teh" is written on the web often enough to be a rare word; "the" is one cheap swap away.
    (s,) = engine.check("I saw teh cat.").suggestions
    assert s.best == "the" and s.kind == Kind.REVERSAL and s.confidence < 0.7


def test_a_rare_word_is_queried_for_the_cheap_slip_even_when_another_word_ranks_first(engine):
    # "nite": the ranker puts "note" first, but only "night" is a cheap slip and far commoner.
    (s,) = engine.check("I woke up in the nite.").suggestions
    assert s.best == "night" and s.confidence < 0.7


def test_every_unknown_word_is_marked(engine):
    (s,) = engine.check("We went to the qwxzt yesterday.").suggestions
    assert s.kind == Kind.UNKNOWN and s.original == "qwxzt"
    assert s.replacements == () and s.best == "qwxzt"
    assert "another way" in s.explanation
    # the far-fetched words it might be are offered apart, never as the correction; the note names
    # the first three, the menu lists them all
    assert all(m in s.explanation for m in s.maybe[:3]) and len(s.maybe) <= fast.MAYBE_WORDS
    # an unknown mark changes nothing when suggestions are applied
    assert engine.check("We went to the qwxzt yesterday.").corrected == "We went to the qwxzt yesterday."


def test_misspellings_web_lists_carry_are_marked(engine):
    for text in ("I go to shool.", "He stoped the car.", "The babys slept."):
        assert engine.check(text).suggestions, text


def test_personal_dictionary_words_are_never_flagged(lexicon, tmp_path):
    personal = PersonalDictionary(tmp_path / "words.txt")
    eng = FastEngine(lexicon=lexicon, personal=personal)
    assert eng.check("Meet Grizzlebop, that is enuff.").suggestions
    personal.add("enuff")
    assert eng.check("Meet Grizzlebop, that is enuff.").suggestions == ()
    # and it persists
    assert "enuff" in PersonalDictionary(tmp_path / "words.txt")


def test_empty_and_whitespace_text(engine):
    assert engine.check("").suggestions == ()
    assert engine.check("   \n\t").suggestions == ()


def test_suggest_word(engine):
    assert engine.suggest_word("recieve")[0] == "receive"


def test_no_join_across_the_pronoun_i(engine):
    assert engine.check("Then I ran home.").suggestions == ()


@pytest.mark.parametrize("text, fixed", [
    ("He does'nt know.", "He doesn't know."),
    ("he mean't it", "he meant it"),
    ("It could\u2019nt be.", "It couldn\u2019t be."),  # the writer's own apostrophe is kept
    ("Does'nt it?", "Doesn't it?"),
])
def test_an_apostrophe_in_the_wrong_place_is_moved_or_dropped(fix, text, fixed):
    assert fix(text) == fixed


def test_owners_names_and_known_contractions_keep_their_apostrophes(engine):
    assert engine.check("Bankg's bullet missed. I don't know O'Brien. It's Jo's.").suggestions == ()


def test_a_rare_word_checked_on_its_own_is_offered_a_far_commoner_one(engine):
    # "plaice" is a fish; alone, with no sentence to say so, "place" is far likelier meant
    (s,) = engine.check("plaice").suggestions
    assert s.best == "place" and s.confidence < 0.5 and "rare word" in s.explanation
    (s,) = engine.check("Dinned").suggestions
    assert s.best == "Dinner"


def test_a_rare_word_in_a_sentence_or_a_common_word_alone_is_left_to_the_sentence(engine):
    assert engine.check("We had plaice and chips.").suggestions == ()
    assert engine.check("fairy").suggestions == ()
    assert engine.check("London").suggestions == ()


def test_an_unknown_marks_maybe_words_may_be_many_slips_away_when_the_ranker_still_likes_them():
    from dyslexic_writer.engine.candidates.search import Candidate

    far_but_likely = Candidate("hydrant", fast.SHOW_COST + 2, 1.0, Kind.SPELLING, prob=0.2)
    far_and_unlikely = Candidate("hydra", fast.SHOW_COST + 2, 1.0, Kind.SPELLING, prob=0.001)
    near = Candidate("hyde", 1.0, 1.0, Kind.SPELLING, prob=0.0)
    assert [fast._nameable(c) for c in (far_but_likely, far_and_unlikely, near)] == [True, False, True]
