from dyslexic_writer.server.utf16 import Utf16Index, utf16_len


def test_lengths_count_astral_characters_twice():
    assert utf16_len("abc") == 3
    assert utf16_len("é") == 1  # in the Basic Multilingual Plane: one unit
    assert utf16_len("😀") == 2
    assert utf16_len("a😀b𝒳") == 6


def test_positions_after_astral_characters_shift():
    text = "😀 teh 👍🏽 teh"
    idx = Utf16Index(text)
    first, second = text.index("teh"), text.rindex("teh")
    assert idx(first) == 3  # the emoji before it is two units
    assert idx(second) == second + 3  # 😀, 👍 and the skin tone 🏽 each take one more
    assert idx.span(second, second + 3) == (second + 3, 3)
    # The same positions a UTF-16 client computes.
    assert idx(second) == len(text[:second].encode("utf-16-le")) // 2


def test_plain_text_is_unchanged():
    idx = Utf16Index("plain text")
    assert [idx(i) for i in range(5)] == [0, 1, 2, 3, 4]
