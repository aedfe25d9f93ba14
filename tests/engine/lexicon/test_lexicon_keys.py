"""The keys words are filed under (no index needed)."""

from dyslexic_writer.engine.lexicon import deletes, indexed_sound_keys, sound_keys


def test_deletes():
    assert deletes("abc", 1) == {"abc", "ab", "ac", "bc"}


def test_sound_alike_spellings_share_a_key():
    assert sound_keys("fone") & sound_keys("phone")
    # Double Metaphone codes "enough" apart from "enuff"; the respelling files it under both.
    assert not sound_keys("enough") & sound_keys("enuff")
    assert indexed_sound_keys("enough") & sound_keys("enuff")
