from dyslexic_writer.engine.contractions import load_rules


def test_safe_forms_are_fixed_anywhere():
    rules = load_rules()
    assert rules.fix("dont", None, False) == ("don't", False)
    assert rules.fix("Im", "going", False) == ("I'm", False)


def test_ambiguous_forms_need_a_telling_next_word():
    rules = load_rules()
    assert rules.fix("its", "a", False) == ("it's", True)
    assert rules.fix("its", "tail", False) is None  # possessive: "wagged its tail"
    assert rules.fix("its", None, True) is None


def test_pronoun_contractions_must_open_a_clause():
    rules = load_rules()
    assert rules.fix("were", "going", True) == ("we're", True)
    assert rules.fix("were", "going", False) is None  # "They were going"
    assert rules.fix("lets", "go", False) is None  # "She lets go of the rope"


def test_expansions_for_explanations():
    rules = load_rules()
    assert rules.expansion("don't") == "do not"
    assert rules.expansion("won't") == "will not"
    assert rules.expansion("I'm") == "I am"
    assert rules.expansion("they're") == "they are"
