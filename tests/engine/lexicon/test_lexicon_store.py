"""The reader's queries against the compiled index."""


def test_frequencies(lexicon):
    assert lexicon.zipf("the") > lexicon.zipf("house") > lexicon.zipf("cottage") > 0


def test_neighbour_lookup(lexicon):
    assert {"friend", "fiend"} <= lexicon.near("freind")
    assert "phone" in lexicon.sounds_like("fone")
    assert lexicon.bigram_zipf("a", "lot") > 5


def test_written_forms(lexicon):
    assert lexicon.form("london") == "London" and lexicon.form("zzzz") == "zzzz"
