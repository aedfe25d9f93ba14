from dyslexic_writer.engine.morphology import inflections, is_regular_form, stems, variants

KNOWN = {"neighbour", "cancelled", "practice", "stop", "occur", "begin", "centre", "visit"}.__contains__


def test_us_forms_of_known_words_are_accepted():
    for w in ("neighbors", "canceled", "practicing", "centers", "stopped"):
        assert is_regular_form(w, KNOWN), w


def test_classic_doubling_misspellings_are_not_derived():
    for w in ("stoped", "occured", "begining"):
        assert not is_regular_form(w, KNOWN), w


def test_stems_and_variants():
    assert "practice" in stems("practicing")
    assert "study" in stems("studies")
    assert "colour" in variants("color")


def test_lexicon_accepts_us_inflections(lexicon):
    for w in ("neighbors", "canceled", "rumors", "favorites", "practicing"):
        assert lexicon.is_common(w), w
    assert not lexicon.is_valid("occured")


def test_inflections_are_regular_forms():
    assert {"walks", "walked", "walking"} <= inflections("walk")
    assert {"stopped", "stopping"} <= inflections("stop")
    assert {"babies", "carried"} <= inflections("baby") | inflections("carry")
    assert {"hoped", "hoping"} <= inflections("hope")
    assert inflections("a") == set()
