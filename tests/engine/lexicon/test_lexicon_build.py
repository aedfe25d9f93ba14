"""What the build lets in: which words are common, rare, names, and which spelling accepts them."""

from dyslexic_writer.engine.lexicon import AMERICAN, BRITISH


def test_lexicon_is_large_and_has_us_and_uk_spellings(lexicon):
    assert lexicon.count() >= 100_000
    for w in ("color", "colour", "favorite", "favourite", "organize", "organise", "theater", "theatre"):
        assert lexicon.is_common(w), w


def test_common_misspellings_are_not_words(lexicon):
    for w in ("teh", "alot", "definately", "recieved", "freind", "enuff"):
        assert not lexicon.is_common(w), w


def test_misspellings_that_frequency_lists_carry_are_not_accepted(lexicon):
    # Web text and old word lists contain these; Hunspell does not, so they are never common.
    for w in ("shool", "stoped", "thort", "brocken", "wasel", "babys", "crys", "weel"):
        assert not lexicon.is_common(w), w


def test_web_only_forms_are_rare_not_common(lexicon):
    # Written often online, unknown to Hunspell: suspicious, not silently accepted.
    assert lexicon.is_rare("alot") and lexicon.is_rare("goin")


def test_bare_contractions_are_not_words(lexicon):
    for w in ("dont", "thats", "didnt"):
        assert not lexicon.is_valid(w)


def test_names_and_places(lexicon):
    assert lexicon.is_valid("london") and lexicon.is_valid("paris")


def test_common_names_are_found_as_corrections_but_not_acronyms_or_rare_names(lexicon):
    assert "wednesday" in lexicon.near("wensday") and "february" in lexicon.near("febuary")
    assert lexicon.is_name("uk") and "uk" not in lexicon.near("ukk")  # an abbreviation: never offered
    assert lexicon.is_name("beverley") and "beverley" not in lexicon.near("beverlei")  # too rare a name


def test_words_only_one_dictionary_accepts_say_which(lexicon):
    assert (lexicon.variety("colour"), lexicon.variety("color")) == (BRITISH, AMERICAN)
    assert lexicon.variety("house") == "" and lexicon.variety("zzzz") == ""
