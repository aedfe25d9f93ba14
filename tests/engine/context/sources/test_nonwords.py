"""Slots from the fast engine's marks (`sources.nonwords`): non-words, unknown words, web-only forms."""

from context_fakes import MARGINS, LeadScorer

from dyslexic_writer.engine.candidates.search import REGULAR_SLIP_COST
from dyslexic_writer.engine.context import ContextEngine
from dyslexic_writer.engine.context.sources.nonwords import slot_from_fast
from dyslexic_writer.engine.types import Kind


def test_non_words_take_the_best_fitting_correction(make):
    # A model with no preference but against the rare "dotard" (a dropped letter, the cheapest slip
    # by the learned channel): the slip prices decide ("doard" is one b/d reversal from "board").
    assert make(disliked=["dotard"]).check("He has a big doard.").corrected == "He has a big board."
    # The sentence can still overrule the error model's favourite.
    assert make(disliked=["board"], liked=["toward"]).check("He has a big doard.").corrected == "He has a big toward."


def test_a_plain_ending_is_a_cheap_slip_for_the_form_english_uses(make, engine):
    # "catched" is four letters from "caught" but one habit away: the option costs a doubled letter.
    ctx = make()
    (sug,) = engine.check("He catched it.").suggestions
    slot = slot_from_fast(ctx, sug)
    assert "caught" in slot.options and slot.channel["caught"] == REGULAR_SLIP_COST
    assert ctx.check("He catched the ball and runned home.").corrected == "He caught the ball and ran home."


def test_unknown_words_may_still_be_resolved_by_the_sentence(make):
    eng = make(liked=["discovered"])
    result = eng.check("We dicuverd a cave.")
    assert result.corrected == "We discovered a cave."
    # with no support from the sentence the unknown mark stays, and nothing is changed
    (s,) = make().check("We went to the qwxzt yesterday.").suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == ()


def test_a_word_with_no_trusted_correction_needs_more_support_than_a_web_only_form(engine):
    probe = ContextEngine(engine, LeadScorer({}))
    slip = probe.slip_price("plinkorf", "plonker")
    text = "We saw a plinkorf there."
    sure = ContextEngine(engine, LeadScorer({"plonker": slip + MARGINS["unknown"] + 0.5}))
    assert sure.check(text).corrected == "We saw a plonker there."
    unsure = ContextEngine(engine, LeadScorer({"plonker": slip + MARGINS["unknown"] - 0.5}))
    (s,) = unsure.check(text).suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == ()
    # "alot" is a web-only form a cheap slip from far commoner words: the same lead is enough
    lead = probe.slip_price("alot", "a lot") + MARGINS["unknown"] - 0.5
    assert ContextEngine(engine, LeadScorer({"a": lead})).check("I like it alot.").corrected == "I like it a lot."


def test_a_non_words_correction_may_take_an_ending_the_writer_left_off(make, seen):
    # "opon": the fast engine offers "open"; "opened" is weighed too, one slip dearer, and the
    # sentence can prefer it.
    seen({})  # (the training pairs know "opon" as a spelling of "opened", which would make it cheap)
    result = make(liked=["opened"]).check("He opon the door.")
    (s,) = result.suggestions
    assert s.best == "opened" and "open" in s.replacements
    # where the sentence likes both alike, the stem, the cheaper slip, wins
    assert make(liked=["open", "opened"]).check("He opon the door.").corrected == "He open the door."


def test_a_name_written_in_lower_case_is_weighed_as_the_name(make, engine):
    # "hungary" is a country's name and one slip from "hungry": the sentence decides.
    result = make(liked=["hungary"]).check("The revolt in hungary began.")
    (s,) = result.suggestions
    assert (s.best, s.kind) == ("Hungary", Kind.GRAMMAR)
    hungry = ContextEngine(engine, LeadScorer({"hungry": 12.0}))
    assert hungry.check("I am hungary now.").corrected == "I am hungry now."


def test_a_misspelt_name_is_scored_with_its_capital(make):
    scorer = make()
    result = scorer.check("We went on wensday with Tom.")
    asked = {c.split()[0] for _, conts in scorer.scorer.calls for c in conts}
    assert "Wednesday" in asked and "wednesday" not in asked
    assert result.corrected == "We went on Wednesday with Tom."


def test_a_known_misspelling_is_a_cheap_slip_for_its_word(make, seen):
    # With no preference from the sentence, the slip's price decides: a known misspelling of
    # "garden" is far likelier than any letter slip from a word near "gorpen".
    seen({"gorpen": (("garden", 2),)})
    assert make().check("We played in the gorpen.").corrected == "We played in the garden."
