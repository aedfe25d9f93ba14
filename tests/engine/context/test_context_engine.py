"""The context engine as a whole (`context.engine`): which words become slots, sentences and
offsets, and how the sources' options for one word are put together."""

from context_fakes import MARGINS, FakeScorer, first_words_asked

from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.fast import FastEngine
from dyslexic_writer.engine.personal.dictionary import PersonalDictionary


def test_fast_engine_certainties_are_kept(make):
    assert make().check("Im sure i dont know.").corrected == "I'm sure I don't know."


def test_protected_text_and_names_are_never_slots(make):
    eng = make(liked=["there", "too", "two", "whether"])
    result = eng.check("Mail Their at their@example.com or see https://x.io/their today.")
    assert result.suggestions == ()


def test_offsets_in_later_sentences(make):
    text = "All good here. I went their."
    (s,) = make(liked=["there"]).check(text).suggestions
    assert text[s.start : s.end] == "their" and s.start == 22


def test_personal_dictionary_words_are_left_alone(engine):
    fast = FastEngine(lexicon=engine.lexicon, personal=PersonalDictionary(words={"their"}))
    assert ContextEngine(fast, FakeScorer(liked=["there"])).check("I went their.").suggestions == ()


def test_an_option_two_sources_propose_takes_the_looser_margin(engine):
    # Weak spellers write "girl" for "girls" (a real-word slip from the training pairs), and "three"
    # wants the plural (an inflection cue); both say the same, and the looser margin is the one.
    text = "She has three girl now."
    start = text.index("girl")
    slot = ContextEngine(engine, FakeScorer())._context_slot(text, start, start + 4, "girl")
    assert slot.option_sources["girls"] == "inflection" and MARGINS["inflection"] <= MARGINS["realword"]


def test_a_word_on_its_own_keeps_the_fast_engines_ranking(engine):
    # Nothing around it for the model to weigh: a line of one word is the fast engine's, unasked.
    scorer = FakeScorer(liked=["bored"])
    ctx = ContextEngine(engine, scorer)
    for line in ("doard", "doard.", "  Doard\n"):
        assert ctx.check(line).suggestions == engine.check(line).suggestions
    assert not first_words_asked(scorer)
    # two words are a sentence: the model decides
    ctx.check("big doard")
    assert "board" in first_words_asked(scorer)
