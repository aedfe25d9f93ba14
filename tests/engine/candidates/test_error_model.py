from dyslexic_writer.engine.candidates.error_model import COST_DEFAULT, edit_cost


def test_letter_reversals_are_cheap_and_flagged():
    for typo, word in [("doard", "board"), ("puite", "quite"), ("mant", "want")]:
        c = edit_cost(typo, word)
        assert c.reversal and c.value < 0.5


def test_swapped_neighbours_are_cheap():
    for typo, word in [("gril", "girl"), ("teh", "the"), ("freind", "friend")]:
        assert edit_cost(typo, word).value < 0.5


def test_doubled_and_dropped_double_letters_are_cheap():
    assert edit_cost("untill", "until").value < 0.5
    assert edit_cost("ocasion", "occasion").value < 0.5


def test_an_arbitrary_substitution_costs_more_than_a_reversal():
    assert edit_cost("dag", "dog").value < edit_cost("dag", "dxg").value + 1e-9
    assert edit_cost("bog", "dog").value < edit_cost("log", "dog").value


def test_sound_spellings_are_cheap_and_marked_phonetic():
    for typo, word in [("fone", "phone"), ("enuff", "enough"), ("nite", "night")]:
        c = edit_cost(typo, word)
        assert c.phonetic and c.value < COST_DEFAULT, (typo, word, c)


def test_identical_words_cost_nothing():
    assert edit_cost("word", "word").value == 0
