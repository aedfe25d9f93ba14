from dyslexic_writer.engine.cache import SentenceCache


def test_only_changed_sentences_are_checked(engine):
    cached = SentenceCache(engine)
    text = "I went to teh shop. She is my freind."
    first = cached.check(text)
    assert cached.misses == 2
    again = cached.check(text + " Im here.")
    assert cached.misses == 3
    assert [s.original for s in again.suggestions] == ["teh", "freind", "Im"]
    assert again.corrected == "I went to the shop. She is my friend. I'm here."
    assert [(s.start, s.end) for s in first.suggestions] == [(s.start, s.end) for s in again.suggestions[:2]]


def test_offsets_move_with_the_sentence(engine):
    cached = SentenceCache(engine)
    cached.check("She is my freind.")
    r = cached.check("Hello there. She is my freind.")
    (s,) = r.suggestions
    assert r.text[s.start : s.end] == "freind"


def test_personal_dictionary_passes_through(engine):
    assert SentenceCache(engine).personal is engine.personal


def test_forget_drops_only_the_sentences_with_a_word(engine):
    cached = SentenceCache(engine)
    text = "I went to teh shop. She is my freind."
    cached.check(text)
    cached.forget(["FREIND"])
    cached.check(text)
    assert cached.misses == 3  # only the second sentence was checked again
