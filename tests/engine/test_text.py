from dyslexic_writer.engine.text import beside_name, is_sentence_start, match_case, protected_spans, words


def covered(text):
    return [text[s:e] for s, e in protected_spans(text)]


def test_urls_emails_and_numbers_are_protected():
    text = "Mail john.smith@example.com or see https://example.com/a?b=1. It costs $1,199 at 3:30 PM."
    spans = covered(text)
    assert "john.smith@example.com" in spans
    assert "https://example.com/a?b=1" in spans  # the sentence's full stop is not part of the URL
    assert "$1,199" in spans and "3:30" in spans and "PM" in spans


def test_code_names_and_files_are_protected():
    spans = covered("Open report.pdf, call os.path.join() with my_var and --verbose in ./src/app/main.py")
    for piece in ("report.pdf", "os.path.join()", "my_var", "--verbose", "./src/app/main.py"):
        assert piece in spans


def test_mixed_case_and_acronyms_are_protected():
    spans = covered("My iPhone runs macOS; the CEO uses PyCharm and has a PhD.")
    assert {"iPhone", "macOS", "CEO", "PyCharm", "PhD"} <= set(spans)


def test_handles_and_hashtags_are_protected():
    assert covered("ask @sam about #launch") == ["@sam", "#launch"]


def test_plain_words_are_not_protected():
    assert protected_spans("The quick brown fox jumps over the lazy dog.") == []


def test_words_keep_inner_apostrophes():
    assert [t.text for t in words("Don't stop, it’s fine")] == ["Don't", "stop", "it’s", "fine"]


def test_sentence_starts():
    text = 'Hello there. "Its good," he said.\nNew line'
    starts = {t.text: is_sentence_start(text, t.start) for t in words(text)}
    assert starts == {"Hello": True, "there": False, "Its": True, "good": False, "he": False, "said": False, "New": True, "line": False}


def test_match_case():
    assert match_case("Teh", "the") == "The"
    assert match_case("TEH", "the") == "THE"
    assert match_case("teh", "the") == "the"
    assert match_case("Alot", "a lot") == "A lot"


def test_a_word_beside_a_capitalised_word_mid_sentence_is_part_of_a_name():
    text = "Edd Byrnes met Jack Robbinson. Then he left"
    assert beside_name(text, 0, 3)  # "Edd", before "Byrnes"
    assert beside_name(text, 20, 29)  # "Robbinson", after "Jack"
    assert not beside_name(text, 36, 38)  # "he": "Then" only starts the sentence
    assert not beside_name("I went home", 0, 1) and not beside_name("We met I think", 3, 6)
