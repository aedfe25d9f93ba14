"""The context layer's decisions, with a fake language model so they are exact and fast."""

import math

import pytest

from dyslexic_writer.engine import context
from dyslexic_writer.engine.context import MARGINS, ContextEngine
from dyslexic_writer.engine.types import Kind


class FakeScorer:
    """Scores a continuation by words it likes or dislikes; records what it was asked."""

    def __init__(self, liked=(), disliked=()):
        self.liked = {w.lower() for w in liked}
        self.disliked = {w.lower() for w in disliked}
        self.calls = []

    def score(self, prefix, continuations):
        self.calls.append((prefix, list(continuations)))
        out = []
        for c in continuations:
            toks = c.lower().replace(".", " ").split()
            out.append(-len(toks) + 6.0 * sum(t in self.liked for t in toks) - 6.0 * sum(t in self.disliked for t in toks))
        return out


@pytest.fixture
def without_slips(monkeypatch):
    """No word is asked about for its learned slips alone, so a test sees one other source at work."""
    monkeypatch.setattr(context, "SLIP_MIN_ODDS", math.inf)


@pytest.fixture
def make(engine):
    return lambda **kw: ContextEngine(engine, FakeScorer(**kw))


def test_homophone_flips_when_the_model_prefers_it(make):
    result = make(liked=["there"]).check("I went their yesterday.")
    (s,) = result.suggestions
    assert (s.original, s.best, s.kind, s.source) == ("their", "there", Kind.HOMOPHONE, "model")
    assert "in or to that place" in s.explanation
    assert result.corrected == "I went there yesterday."


def test_the_written_word_stays_without_a_clear_margin(make):
    # A neutral model scores every option alike: nothing may change.
    result = make().check("I went their yesterday. The flour is white.")
    assert result.suggestions == ()


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
    slot = ctx._slot_from_fast(sug)
    assert "caught" in slot.options and slot.channel["caught"] == context.REGULAR_SLIP_COST
    assert ctx.check("He catched the ball and runned home.").corrected == "He caught the ball and ran home."


def test_a_non_word_the_sentence_cannot_settle_is_marked_not_guessed(make, monkeypatch):
    # Every slip equally likely and a neutral model: no correction leads, so the word is marked
    # `unknown`, its likely words named, and nothing is changed.
    monkeypatch.setattr(ContextEngine, "_slip", lambda self, written, option: 0.0)
    result = make().check("He has a big doard.")
    (s,) = result.suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == () and "board" in s.explanation
    assert "board" in s.maybe and len(s.maybe) <= context.MAYBE_WORDS and s.to_json()["maybe"] == list(s.maybe)
    assert result.corrected == "He has a big doard."
    # a clear lead from the sentence still corrects it
    assert make(liked=["board"]).check("He has a big doard.").corrected == "He has a big board."


def test_a_non_word_whose_options_the_model_rules_out_is_marked(engine):
    class NothingFits(FakeScorer):
        def score(self, prefix, continuations):
            return [-math.inf for _ in continuations]

    (s,) = ContextEngine(engine, NothingFits()).check("He has a big doard.").suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == () and "another way" in s.explanation


def test_fast_engine_certainties_are_kept(make):
    assert make().check("Im sure i dont know.").corrected == "I'm sure I don't know."


def test_cued_contraction_is_kept_unless_the_model_objects(make):
    assert make().check("Wont be long.").corrected == "Won't be long."
    assert make(disliked=["won't"]).check("Wont be long.").corrected == "Wont be long."


def test_earlier_decisions_feed_later_prefixes(make):
    eng = make(liked=["there", "it's"])
    assert eng.check("Its over they're.").corrected == "It's over there."
    prefixes = [p for p, _ in eng.scorer.calls]
    assert "It's over" in prefixes


def test_protected_text_and_names_are_never_slots(make):
    eng = make(liked=["there", "too", "two", "whether"])
    result = eng.check("Mail Their at their@example.com or see https://x.io/their today.")
    assert result.suggestions == ()


def test_offsets_in_later_sentences(make):
    text = "All good here. I went their."
    (s,) = make(liked=["there"]).check(text).suggestions
    assert text[s.start : s.end] == "their" and s.start == 22


def test_margins_order():
    # Where the written word is least likely meant, the bar is lowest.
    assert MARGINS["nonword"] == -math.inf
    assert MARGINS["contraction_cued"] < MARGINS["homophone"] < MARGINS["rare"]


def test_personal_dictionary_words_are_left_alone(engine):
    from dyslexic_writer.engine.fast import FastEngine
    from dyslexic_writer.engine.personal import PersonalDictionary

    fast = FastEngine(lexicon=engine.lexicon, personal=PersonalDictionary(words={"their"}))
    assert ContextEngine(fast, FakeScorer(liked=["there"])).check("I went their.").suggestions == ()


def test_two_words_that_make_one_are_asked_about(make):
    eng = make(liked=["sometimes"])
    assert eng.check("I go out some times.").corrected == "I go out sometimes."
    # a neutral model keeps what was written
    assert make().check("I go out some times.").suggestions == ()


def test_real_word_confusions_from_training_data_need_a_clear_margin(make):
    eng = make()
    eng.real_words = {"cave": ("gave",)}
    assert eng.check("He cave me a toy.").suggestions == ()
    eng = make(liked=["gave"])
    eng.real_words = {"cave": ("gave",)}
    (s,) = eng.check("He cave me a toy.").suggestions
    assert (s.original, s.best) == ("cave", "gave")


def test_unknown_words_may_still_be_resolved_by_the_sentence(make):
    eng = make(liked=["discovered"])
    result = eng.check("We dicuverd a cave.")
    assert result.corrected == "We discovered a cave."
    # with no support from the sentence the unknown mark stays, and nothing is changed
    (s,) = make().check("We went to the qwxzt yesterday.").suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == ()


def test_a_word_with_no_trusted_correction_needs_more_support_than_a_web_only_form(engine):
    probe = ContextEngine(engine, LeadScorer({}))
    slip = probe._slip("plinkorf", "plonker")
    text = "We saw a plinkorf there."
    sure = ContextEngine(engine, LeadScorer({"plonker": slip + MARGINS["unknown"] + 0.5}))
    assert sure.check(text).corrected == "We saw a plonker there."
    unsure = ContextEngine(engine, LeadScorer({"plonker": slip + MARGINS["unknown"] - 0.5}))
    (s,) = unsure.check(text).suggestions
    assert s.kind == Kind.UNKNOWN and s.replacements == ()
    # "alot" is a web-only form a cheap slip from far commoner words: the same lead is enough
    lead = probe._slip("alot", "a lot") + MARGINS["unknown"] - 0.5
    assert ContextEngine(engine, LeadScorer({"a": lead})).check("I like it alot.").corrected == "I like it a lot."


class BatchingScorer(FakeScorer):
    """The same fake model, asked in batches like the llama.cpp scorer; `pruned` words get -inf."""

    def __init__(self, pruned=(), **kw):
        super().__init__(**kw)
        self.pruned = {w.lower() for w in pruned}
        self.batches = []

    def score_many(self, requests, floor=None, prior=None):
        self.batches.append(len(requests))
        out = []
        for prefix, conts in requests:
            scores = self.score(prefix, conts)
            out.append([-math.inf if k > 0 and c.split()[0].lower().strip(".") in self.pruned else v
                        for k, (c, v) in enumerate(zip(conts, scores))])
        return out


def test_batched_decisions_match_one_at_a_time(engine):
    # Four slots ("went" may be "when"); each later one is scored again after an earlier change.
    text = "I went their yesterday and they're puppy barked."
    single = ContextEngine(engine, FakeScorer(liked=["there"])).check(text)
    batching = BatchingScorer(liked=["there"])
    batched = ContextEngine(engine, batching).check(text)
    assert batched.corrected == single.corrected == "I went there yesterday and there puppy barked."
    # All four slots at once, then the two after the first change, then the one after the second.
    assert batching.batches == [4, 2, 1]
    assert batching.calls[-1][0] == "I went there yesterday and there puppy"


def test_an_option_the_model_pruned_is_never_offered(engine):
    result = ContextEngine(engine, BatchingScorer(pruned=["bored"])).check("He has a big doard.")
    (s,) = result.suggestions
    assert "bored" not in s.replacements
    assert all(math.isfinite(s.confidence) for s in result.suggestions)


def test_a_change_far_back_does_not_score_later_slots_again(engine, monkeypatch):
    import dyslexic_writer.engine.context as context

    monkeypatch.setattr(context, "RESCORE_WORDS", 5)
    text = "I went their yesterday and then we walked along the long road home and they're puppy barked."
    batching = BatchingScorer(liked=["there"])
    result = ContextEngine(engine, batching).check(text)
    assert result.corrected == ("I went there yesterday and then we walked along the long road home and there puppy "
                                "barked.")
    # Only the slots just after a change are scored again: "then" after "their", "barked" after
    # "they're" ("road" and "they're" are far enough from "their" to be decided at once).
    assert len(batching.batches) == 2
    assert [prefix.split()[-1] for prefix, _ in batching.calls[-2:]] == ["and", "puppy"]
    assert batching.calls[-1][0].endswith("home and there puppy")


class LeadScorer:
    """Gives each listed word a fixed lead over whatever else is in its slot."""

    def __init__(self, leads):
        self.leads = leads

    def score(self, prefix, continuations):
        return [self.leads.get(c.split()[0], 0.0) for c in continuations]


def _prior(engine, written, option):
    """The share of the option's extra frequency that `gain` takes off the model's lead."""
    from dyslexic_writer.engine.context import PRIOR_DISCOUNT

    lex = engine.lexicon
    return PRIOR_DISCOUNT * math.log(10) * max(0.0, lex.zipf(option) - lex.zipf(written))


def _with_pairs(engine, scorer, pairs):
    ctx = ContextEngine(engine, scorer)
    ctx.extra_alternatives = lambda w: pairs.get(w, [])
    return ctx


def test_a_personal_slip_with_a_very_common_word_needs_a_real_word_margin(engine):
    # The same lead flips a personal "cave" -> "gave" but not a personal "the" -> "they".
    lead = MARGINS["realword"] - 0.5
    pairs = {"cave": ["gave"], "the": ["they"]}
    assert _with_pairs(engine, LeadScorer({"gave": lead}), pairs).check("We cave him a book.").corrected == (
        "We gave him a book.")
    assert _with_pairs(engine, LeadScorer({"they": lead}), pairs).check("I saw the dog.").corrected == "I saw the dog."


def test_a_slip_the_writer_repeats_needs_less_support_from_the_sentence(engine):
    from dyslexic_writer.engine.context import PERSONAL_REPEATED, PERSONAL_REPEATED_MARGIN

    lead = _prior(engine, "cave", "gave") + (PERSONAL_REPEATED_MARGIN + MARGINS["personal"]) / 2
    once = _with_pairs(engine, LeadScorer({"gave": lead}), {"cave": [("gave", 1.0)]})
    assert once.check("We cave him a book.").corrected == "We cave him a book."
    often = _with_pairs(engine, LeadScorer({"gave": lead}), {"cave": [("gave", PERSONAL_REPEATED)]})
    assert often.check("We cave him a book.").corrected == "We gave him a book."


def test_a_repeated_slip_with_a_very_common_word_still_needs_a_clear_lead(engine):
    from dyslexic_writer.engine.context import COMMON_REPEATED_MARGIN, PERSONAL_REPEATED

    lead = _prior(engine, "the", "they") + (COMMON_REPEATED_MARGIN + MARGINS["realword"]) / 2
    once = _with_pairs(engine, LeadScorer({"they": lead}), {"the": [("they", 1.0)]})
    assert once.check("I saw the dog.").corrected == "I saw the dog."
    often = _with_pairs(engine, LeadScorer({"they": lead}), {"the": [("they", PERSONAL_REPEATED + 1)]})
    assert often.check("I saw the dog.").corrected == "I saw they dog."
    small = _with_pairs(engine, LeadScorer({"they": lead - 1.5}), {"the": [("they", PERSONAL_REPEATED + 1)]})
    assert small.check("I saw the dog.").corrected == "I saw the dog."


def test_a_writers_slip_gets_the_personal_margin_where_a_homophone_set_also_offers_it(engine):
    # "for" is in the four/for/fore set (margin 2); the writer's own four -> for needs only 1.
    lead = _prior(engine, "four", "for") + (MARGINS["personal"] + MARGINS["homophone"]) / 2
    plain = ContextEngine(engine, LeadScorer({"for": lead}))
    assert plain.check("The police went four a walk.").corrected == "The police went four a walk."
    mine = _with_pairs(engine, LeadScorer({"for": lead}), {"four": [("for", 1.0)]})
    assert mine.check("The police went four a walk.").corrected == "The police went for a walk."


def test_the_writers_usual_word_wins_where_two_fit_equally(engine):
    text = "We cave him a book."
    both = LeadScorer({"gave": 10.0, "came": 10.0})
    usual_came = _with_pairs(engine, both, {"cave": [("gave", 1.0), ("came", 3.0)]})
    assert usual_came.check(text).corrected == "We came him a book."
    usual_gave = _with_pairs(engine, both, {"cave": [("gave", 3.0), ("came", 1.0)]})
    assert usual_gave.check(text).corrected == "We gave him a book."


def test_a_writers_slip_goes_to_the_model_instead_of_a_rare_joined_word(engine):
    from dyslexic_writer.engine.context import JOIN_PERSONAL_ZIPF

    assert engine.lexicon.zipf("herein") < JOIN_PERSONAL_ZIPF
    text = "So he put here in with the cows."
    scorer = LeadScorer({"her": 10.0, "herein": 10.0})
    assert ContextEngine(engine, scorer).check(text).corrected == "So he put herein with the cows."
    mine = _with_pairs(engine, scorer, {"here": [("her", 2.0)]})
    assert mine.check(text).corrected == "So he put her in with the cows."


def test_a_non_word_split_from_its_neighbour_may_become_one_word(make):
    # "a nother": the non-word's slot takes in "a", and the joined word is weighed against the
    # non-word's own corrections, with the neighbour kept as written in those.
    result = make(liked=["another"]).check("I had a nother cake.")
    (s,) = result.suggestions
    assert (s.original, s.best, s.kind) == ("a nother", "another", Kind.SPACING)
    assert all(r == "another" or r.startswith("a ") for r in s.replacements)
    assert result.corrected == "I had another cake."
    # ...and when the sentence wants the single correction, the neighbour is kept
    assert make(liked=["mother"]).check("I had a nother cake.").corrected == "I had a mother cake."


def test_a_join_never_drops_a_written_word(engine):
    # "awas" is close to "was", but taking it would silently drop the "a".
    ctx = ContextEngine(engine, FakeScorer())
    assert "was" not in ctx._join_corrections("awas")
    assert ctx._join_corrections("anouther") == ["another"]



def test_a_non_words_correction_may_take_an_ending_the_writer_left_off(make, seen):
    # "opon": the fast engine offers "open"; "opened" is weighed too, one slip dearer, and the
    # sentence can prefer it.
    seen({})  # (the training pairs know "opon" as a spelling of "opened", which would make it cheap)
    result = make(liked=["opened"]).check("He opon the door.")
    (s,) = result.suggestions
    assert s.best == "opened" and "open" in s.replacements
    # where the sentence likes both alike, the stem, the cheaper slip, wins
    assert make(liked=["open", "opened"]).check("He opon the door.").corrected == "He open the door."


def test_forms_of_one_word_do_not_make_a_non_word_unsure(engine, seen):
    # "walk" and "walked" fit about equally; both say the same word, so it is changed, not marked.
    # ("wauk": the fast engine offers "walk" and not "walked", which joins as one of its forms.)
    from dyslexic_writer.engine.context import CHANNEL_WEIGHT, INFLECT_COST

    seen({})
    # "walked" is one slip dearer; its lead makes up for that but for 0.2 nats
    walked = 10.0 + CHANNEL_WEIGHT * INFLECT_COST - 0.2
    result = ContextEngine(engine, LeadScorer({"walk": 10.0, "walked": walked})).check("Tom wauk home.")
    (s,) = result.suggestions
    assert s.kind != Kind.UNKNOWN and s.best in ("walk", "walked")


def test_a_join_that_loses_leaves_the_neighbour_out_of_the_suggestion(make):
    # "sorw a": the slot took in "a" in case the pair was one word; a single-word fix wins, so the
    # suggestion covers "sorw" alone.
    slot_text = "Tom sorw a light."
    result = make(liked=["saw"]).check(slot_text)
    (s,) = result.suggestions
    assert (s.original, slot_text[s.start:s.end]) == ("sorw", "sorw")
    assert all(" " not in r for r in s.replacements)



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


def test_a_capitalised_non_word_mid_sentence_needs_a_clear_lead(engine):
    # "Royl" may be a name, so the fast engine leaves it; the sentence may still want "Royal".
    text = "We saw the Royl family."
    slip = ContextEngine(engine, LeadScorer({}))._slip("Royl", "Royal")  # how unlikely the slip is, in nats
    clear = ContextEngine(engine, LeadScorer({"Royal": slip + MARGINS["capital"] + 1}))
    (s,) = clear.check(text).suggestions
    assert (s.original, s.best, s.kind) == ("Royl", "Royal", Kind.SPELLING)
    close = ContextEngine(engine, LeadScorer({"Royal": slip + MARGINS["capital"] - 1}))
    assert close.check(text).suggestions == ()


def test_a_capitalised_non_word_may_be_a_common_name_a_cheap_slip_away(engine):
    clear = ContextEngine(engine, LeadScorer({"London": 30.0}))
    (s,) = clear.check("We flew to Londen today.").suggestions
    assert (s.original, s.best) == ("Londen", "London")


def test_known_names_and_capitalised_words_far_from_any_word_are_not_asked_about(engine):
    scorer = FakeScorer(liked=["report", "robot", "bridgework", "tv"])
    result = ContextEngine(engine, scorer).check("We met Robert at Bridgebrook today and watched XTV.")
    assert result.suggestions == ()
    asked = " ".join(c for _, cs in scorer.calls for c in cs).lower()
    assert not {"report", "robot", "bridgework", "tv"} & set(asked.replace(".", " ").split())


def _first_words_asked(scorer):
    """The first word of every continuation the fake model was asked about."""
    return {c.split()[0].lower().strip(".") for _, cs in scorer.calls for c in cs}


def test_a_form_the_word_before_calls_for_needs_a_clear_lead(engine):
    # "was play": the sentence may want "playing"; the lead must clear the inflection margin
    # beyond the frequency the other form has over the written one.
    text = "The boy was play in the yard."
    need = MARGINS["inflection"] + _prior(engine, "play", "playing")
    (s,) = ContextEngine(engine, LeadScorer({"playing": need + 1})).check(text).suggestions
    assert (s.original, s.best, s.kind) == ("play", "playing", Kind.GRAMMAR)
    assert "another form of play" in s.explanation
    assert ContextEngine(engine, LeadScorer({"playing": need - 1})).check(text).suggestions == ()


def test_other_forms_are_asked_about_only_after_a_cue_word(engine):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("We play in the yard. He look at six week.")
    asked = _first_words_asked(scorer)
    assert {"looks", "looked", "weeks"} <= asked
    assert "playing" not in asked  # "we play" is right as it is


def test_a_verb_a_slip_away_is_weighed_where_the_word_before_wants_one(engine):
    text = "Then I thing it is late."
    need = MARGINS["verb"] + _prior(engine, "thing", "think")

    def ctx(scorer):  # without the training data's "thing" -> "think", which has its own margin
        c = ContextEngine(engine, scorer)
        c.real_words = {}
        return c

    (s,) = ctx(LeadScorer({"think": need + 1})).check(text).suggestions
    assert (s.original, s.best) == ("thing", "think")
    assert ctx(LeadScorer({"think": need - 1})).check(text).suggestions == ()
    # after a word that wants no verb, "thing" is not asked about
    scorer = FakeScorer()
    ctx(scorer).check("Then the thing is late.")
    assert "think" not in _first_words_asked(scorer)


@pytest.mark.parametrize("text, written, joined", [
    ("Get in line be for I count.", "be for", "before"),  # "for" is asked about anyway (four)
    ("I really enjoyed my shelf today.", "my shelf", "myself"),  # neither word is
])
def test_two_words_a_slip_away_from_one_pay_for_the_slip(engine, text, written, joined):
    from dyslexic_writer.engine.error_model import edit_cost

    # "be for" is "before" with one letter left out: the join must clear its margin and the slip
    need = MARGINS["join"] + context.CHANNEL_WEIGHT * edit_cost(written.replace(" ", ""), joined).value
    (s,) = ContextEngine(engine, LeadScorer({joined: need + 1})).check(text).suggestions
    assert (s.original, s.best, s.kind) == (written, joined, Kind.SPACING)
    assert ContextEngine(engine, LeadScorer({joined: need - 1})).check(text).suggestions == ()


def test_a_word_whose_slot_took_in_a_join_may_still_be_corrected_alone(engine):
    # "for" -> "four" beats both "be for" and "before": the suggestion covers "for" only
    ctx = ContextEngine(engine, FakeScorer(liked=["four"]))
    ctx.real_words = {"for": ("four",)}  # a writer known for it: "four" is far rarer than "for"
    result = ctx.check("I will be for cats.")
    (s,) = result.suggestions
    assert (s.original, s.best) == ("for", "four")
    assert result.corrected == "I will be four cats."


def test_an_exact_join_takes_precedence_over_one_with_a_slip(engine):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("We went to the shop so on Monday.")
    asked = _first_words_asked(scorer)
    assert "soon" in asked and "shops" not in asked


@pytest.mark.parametrize("first, second, expected", [
    ("be", "for", "before"),
    ("all", "ways", "always"),  # one of a double left out
    ("my", "shelf", "myself"),
    ("he", "is", None),         # "his" would lose the word "is"
    ("for", "a", None),         # a slip in "a" is the whole word
    ("we", "are", None),        # "wears" is rarer than "we are"
])
def test_a_join_with_a_slip_keeps_both_words(engine, first, second, expected):
    found = ContextEngine(engine, FakeScorer())._fixed_join(first, second)
    assert (found[0] if found else None) == expected
    assert found is None or 0 < found[1] <= context.JOIN_FIX_COST  # the slip's cost comes with it


def test_a_slip_of_a_very_common_word_is_asked_about_only_where_a_neighbour_points_to_it(engine):
    scorer = FakeScorer()
    ctx = ContextEngine(engine, scorer)
    ctx.common_words = {"is": ("his",)}
    ctx.check("He broke is leg. He is going home.")
    continuations = [c.lstrip() for _, cs in scorer.calls for c in cs]
    assert any(c.startswith("his leg") for c in continuations)  # "his leg" is a usual pair, "is leg" not
    assert not any(c.startswith("his going") for c in continuations)  # "is going" is


def test_a_very_common_words_slip_needs_the_larger_common_margin(engine, monkeypatch):
    monkeypatch.setattr(context, "SLIP_CLEAR_MARGIN", math.inf)  # no option passes as a plain noisy channel instead
    text = "He broke is leg."
    need = MARGINS["common"] + _prior(engine, "is", "his")

    def ctx(lead):
        c = ContextEngine(engine, LeadScorer({"his": lead}))
        c.common_words = {"is": ("his",)}
        return c

    (s,) = ctx(need + 1).check(text).suggestions
    assert (s.original, s.best, s.kind) == ("is", "his", Kind.SPELLING)
    assert ctx(need - 1).check(text).suggestions == ()
    assert MARGINS["common"] > MARGINS["realword"]


def test_a_far_rarer_homophone_needs_training_data_or_a_neighbour(engine):
    lex = engine.lexicon
    assert lex.zipf("some") - lex.zipf("sum") > context.HOMOPHONE_RARER
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("I have some cats.")
    assert "sum" not in _first_words_asked(scorer)
    # once weak spellers are known to write "some" for "sum", it is asked about
    scorer = FakeScorer()
    ctx = ContextEngine(engine, scorer)
    ctx.real_words = {**ctx.real_words, "some": ("sum",)}
    ctx.check("I have some cats.")
    assert "sum" in _first_words_asked(scorer)


def test_of_two_options_that_pass_the_one_clearing_its_own_margin_by_more_wins(engine):
    # "deer" (a homophone, margin 2) scores a little below "bear" (a letter slip, margin 4)
    ctx = ContextEngine(engine, LeadScorer({"deer": 20.0, "bear": 21.0}))
    ctx.real_words = {"dear": ("bear",)}
    (s,) = ctx.check("The dear ran away.").suggestions
    assert (s.best, MARGINS["realword"] - MARGINS["homophone"]) == ("deer", 2.0)


def test_two_words_of_an_open_compound_are_not_joined(engine):
    lex = engine.lexicon
    # edited text writes "motor bike" apart about as often as "motorbike" together
    assert lex.bigram_zipf("motor", "bike") >= lex.zipf("motorbike") - context.COMPOUND_GAP
    scorer = FakeScorer(liked=["motorbike"])
    assert ContextEngine(engine, scorer).check("He came on a motor bike.").suggestions == ()
    assert "motorbike" not in _first_words_asked(scorer)


def test_a_single_letter_is_never_half_of_a_joined_word(engine):
    scorer = FakeScorer(liked=["am"])
    assert ContextEngine(engine, scorer).check("It was 4 a m on Monday.").suggestions == ()


@pytest.mark.parametrize("spelling, kept, dropped", [("british", "travelled", "traveled"),
                                                     ("american", "traveled", "travelled")])
def test_forms_the_sentence_may_want_come_in_the_writers_spelling(engine, monkeypatch, spelling, kept, dropped):
    monkeypatch.setattr(engine.lexicon, "spelling", spelling)
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("Last year he travel to Spain.")
    asked = _first_words_asked(scorer)
    assert kept in asked and dropped not in asked


def test_with_either_spelling_both_forms_are_weighed(engine):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("Last year he travel to Spain.")
    assert {"travelled", "traveled"} <= _first_words_asked(scorer)


def test_an_owners_missing_apostrophe_is_weighed_before_a_word(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["boy's"])).check("The boys name is Tom.").suggestions
    assert (s.original, s.best, s.kind) == ("boys", "boy's", Kind.CONTRACTION)
    assert "belonging to boy" in s.explanation
    assert ContextEngine(engine, FakeScorer()).check("The boys name is Tom.").suggestions == ()
    # nothing follows that could be owned, or the word is too short to be an owner
    scorer = FakeScorer(liked=["boy's", "hi's"])
    ContextEngine(engine, scorer).check("I saw the boys. This is his cat.")
    assert not {"boy's", "hi's"} & _first_words_asked(scorer)


def test_a_name_mid_sentence_may_be_its_owners_form(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["jean's"])).check("We walked to Jeans house.").suggestions
    assert (s.original, s.best) == ("Jeans", "Jean's")
    scorer = FakeScorer(liked=["jame's"])
    assert ContextEngine(engine, scorer).check("We saw James car.").suggestions == ()  # a name itself
    assert "jame's" not in _first_words_asked(scorer)


def test_an_owner_written_without_its_s_is_weighed_before_a_noun(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["girl's"])).check("The girl coat was red.").suggestions
    assert (s.original, s.best, s.kind) == ("girl", "girl's", Kind.CONTRACTION)
    assert "belonging to girl" in s.explanation
    (s,) = ContextEngine(engine, FakeScorer(liked=["sam's"])).check("We went to Sam garden.").suggestions
    assert (s.original, s.best) == ("Sam", "Sam's")
    # a neutral model keeps the words as written
    assert ContextEngine(engine, FakeScorer()).check("The girl coat was red.").suggestions == ()
    # no noun after it, or two nouns written side by side for one thing ("school bus"): not asked
    scorer = FakeScorer(liked=["girl's", "school's"])
    ContextEngine(engine, scorer).check("The girl was red. He took the school bus.")
    assert not {"girl's", "school's"} & _first_words_asked(scorer)


def test_an_option_two_sources_propose_takes_the_looser_margin(engine):
    # Weak spellers write "girl" for "girls" (a real-word slip from the training pairs), and "three"
    # wants the plural (an inflection cue); both say the same, and the looser margin is the one.
    text = "She has three girl now."
    start = text.index("girl")
    slot = ContextEngine(engine, FakeScorer())._context_slot(text, start, start + 4, "girl")
    assert slot.option_sources["girls"] == "inflection" and MARGINS["inflection"] <= MARGINS["realword"]


def test_a_training_pair_that_is_another_form_of_the_word_takes_the_inflection_margin(engine):
    # "pick" for "picked" is a tense slip, whether or not the word before cues it; "pack" stays a
    # real-word confusion with its own margin.
    ctx = ContextEngine(engine, FakeScorer())
    ctx.real_words = {"pick": ("picked", "pack")}
    text = "Then they pick him up."
    start = text.index("pick")
    slot = ctx._context_slot(text, start, start + 4, "pick")
    assert slot.option_sources["picked"] == "inflection" and slot.option_sources["pack"] == "realword"


def test_a_share_of_a_group_wants_the_plural(engine, without_slips):
    (s,) = ContextEngine(engine, FakeScorer(liked=["cousins"])).check("One of my cousin lives in Leeds.").suggestions
    assert (s.original, s.best) == ("cousin", "cousins")
    # not after a plain "of my", and not for a word that is no noun
    scorer = FakeScorer(liked=["cousins"])
    ContextEngine(engine, scorer).check("A friend of my cousin lives in Leeds.")
    assert "cousins" not in _first_words_asked(scorer)


def test_an_article_before_a_verb_may_stand_for_another_word(engine):
    (s,) = ContextEngine(engine, FakeScorer(liked=["there"])).check("Over the hill the was a man.").suggestions
    assert (s.original, s.best) == ("the", "there")
    assert ContextEngine(engine, FakeScorer()).check("Over the hill the was a man.").suggestions == ()
    scorer = FakeScorer(liked=["there"])
    ContextEngine(engine, scorer).check("Over the hill the house was red.")
    assert "there" not in _first_words_asked(scorer)


def test_options_of_a_written_word_are_pruned_sooner_than_a_non_words(engine):
    class FloorScorer(FakeScorer):
        def score_many(self, requests, floor=None, prior=None):
            for (_, conts), f in zip(requests, floor):
                self.floors.setdefault(conts[0].split()[0].strip("."), f)
            return [self.score(p, c) for p, c in requests]

    scorer = FloorScorer()
    scorer.floors = {}
    ContextEngine(engine, scorer).check("Then we went their with a big doard.")
    assert scorer.floors["their"] == context.WORD_SCORE_FLOOR < context.SCORE_FLOOR
    assert scorer.floors["board"] == context.SCORE_FLOOR  # "doard" must change: its options keep the looser floor
    # A join is never pruned by its first token: " with" starts "with out" and is likelier than " without".
    scorer.floors = {}
    ContextEngine(engine, scorer).check("Then we went home with out a coat.")
    assert scorer.floors["with"] == math.inf


def test_a_non_words_options_are_pruned_by_fit_and_slip_price_together(engine):
    # The floor looks at each option's first token plus its slip price: a cheap slip whose first
    # token is less likely ("wosh": wash, behind "was") is not dropped before its price is counted.
    class PriorScorer(FakeScorer):
        def score_many(self, requests, floor=None, prior=None):
            for (_, conts), p in zip(requests, prior):
                self.priors.setdefault(conts[0].split()[0].strip("."), dict(zip(conts, p)) if p else None)
            return [self.score(p, c) for p, c in requests]

    scorer = PriorScorer()
    scorer.priors = {}
    ctx = ContextEngine(engine, scorer)
    ctx.check("Then we went their with a big doard.")
    assert scorer.priors["their"] is None  # a written word's options are weighed by margins instead
    doard = next(p for p in scorer.priors.values() if p and any(c.startswith(" board") for c in p))
    prices = {c.split()[0].strip("."): -v for c, v in doard.items()}
    assert all(0 < v < math.inf for v in prices.values())
    assert prices["board"] == pytest.approx(ctx._slip("doard", "board"))
    assert prices["board"] < prices[max(prices, key=prices.get)]


def test_a_word_on_its_own_keeps_the_fast_engines_ranking(engine):
    # Nothing around it for the model to weigh: a line of one word is the fast engine's, unasked.
    scorer = FakeScorer(liked=["bored"])
    ctx = ContextEngine(engine, scorer)
    for line in ("doard", "doard.", "  Doard\n"):
        assert ctx.check(line).suggestions == engine.check(line).suggestions
    assert not _first_words_asked(scorer)
    # two words are a sentence: the model decides
    ctx.check("big doard")
    assert "board" in _first_words_asked(scorer)


def test_a_misplaced_apostrophe_keeps_its_own_explanation(make):
    (s,) = make(liked=["doesn't"]).check("It does'nt matter.").suggestions
    assert (s.best, s.explanation) == ("doesn't", "apostrophe in the wrong place: doesn't")
    (s,) = make(liked=["meant"]).check("He mean't it.").suggestions
    assert (s.best, s.explanation) == ("meant", "no apostrophe here: meant")


def test_a_commoner_word_one_slip_away_is_asked_about_where_a_neighbour_points_to_it(engine, without_slips):
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("It was the fist time. She made a fist.")
    assert _first_words_asked(scorer) == {"fist", "first"}  # "first time", not "a first" at the end
    assert len(scorer.calls) == 1


def test_a_neighbour_slip_needs_the_neighbour_margin_and_capitals_are_left_alone(engine, monkeypatch):
    monkeypatch.setattr(context, "SLIP_CLEAR_MARGIN", math.inf)  # no option passes as a plain noisy channel instead
    text = "It was the fist time."
    need = MARGINS["neighbour"] + _prior(engine, "fist", "first")
    (s,) = ContextEngine(engine, LeadScorer({"first": need + 1})).check(text).suggestions
    assert (s.original, s.best) == ("fist", "first")
    assert ContextEngine(engine, LeadScorer({"first": need - 1})).check(text).suggestions == ()
    scorer = FakeScorer()  # a capitalised word (a name as often, at a sentence's start) is not asked about
    ContextEngine(engine, scorer).check("Fist time.")
    assert scorer.calls == []


def test_a_word_is_split_only_where_its_two_words_are_written_apart_as_often(engine):
    scorer = FakeScorer()
    ctx = ContextEngine(engine, scorer)
    ctx.check("The dog ran outside.")  # "out side" is far rarer than "outside"
    ctx.check("The dog may runaway.")  # "run away" is commoner than "runaway"
    continuations = [c.strip() for _, cs in scorer.calls for c in cs]
    assert "run away." in continuations
    assert not any(c.startswith("out side") for c in continuations)


def _slip_price(ctx, written, option):
    return -ctx.channel.log_prob(written, option)


def test_a_common_word_is_asked_about_for_its_likeliest_slips(engine):
    text = "She tacks the bus to work every day."
    probe = ContextEngine(engine, FakeScorer())
    start = text.index("tacks")
    slips = probe._slip_options(text, start, start + 5, "tacks")
    assert "takes" in slips and slips["takes"] == pytest.approx(_slip_price(probe, "tacks", "takes"))
    # a plain noisy channel: the model's lead must pay for the slip and clear the margin, with no
    # discount for "takes" being the commoner word
    need = slips["takes"] + MARGINS["slip"]  # the slip source's own margin
    (s,) = ContextEngine(engine, LeadScorer({"takes": need + 0.5})).check(text).suggestions
    assert (s.original, s.best, s.kind) == ("tacks", "takes", Kind.SPELLING)
    assert ContextEngine(engine, LeadScorer({"takes": need - 0.5})).check(text).suggestions == ()


def test_slips_are_weighed_only_where_the_words_around_make_them_likely_enough(engine, monkeypatch):
    text = "We waited at the corer of the road."
    start = text.index("corer")
    probe = ContextEngine(engine, FakeScorer())
    assert next(iter(probe._slip_options(text, start, start + 5, "corer"))) == "corner"  # the likeliest first
    monkeypatch.setattr(context, "SLIP_MIN_ODDS", 50.0)  # no slip is that much likelier than the word
    assert probe._slip_options(text, start, start + 5, "corer") == {}


def test_capitalised_and_unknown_words_get_no_slip_options(engine):
    probe = ContextEngine(engine, FakeScorer())
    text = "Tacks and qwxzt."
    assert probe._slip_options(text, 0, 5, "Tacks") == {}
    assert probe._slip_options(text, 10, 15, "qwxzt") == {}


def test_a_slip_option_another_source_names_keeps_that_sources_margin(engine):
    text = "It was the fist time."
    start = text.index("fist")
    slot = ContextEngine(engine, FakeScorer())._context_slot(text, start, start + 4, "fist")
    assert slot.option_sources["first"] == "neighbour" and "first" not in slot.learned
    assert all(slot.option_sources[alt] == "slip" for alt in slot.learned)


def test_only_slips_ask_about_a_word_after_the_joins_had_it(engine):
    # "be" on its own has likely slips ("by"), but "be for" is one slot, for "before"
    scorer = FakeScorer()
    ContextEngine(engine, scorer).check("Come home be for dark.")
    assert "before dark." in {c.strip() for _, cs in scorer.calls for c in cs}


def test_a_slot_grown_over_a_join_keeps_its_slips_prices(engine):
    from dyslexic_writer.engine.text import words

    text = "Come home be for dark."
    start = text.index("be")
    ctx = ContextEngine(engine, FakeScorer())
    slot = context.Slot(start, start + 2, "be", ["by"], "realword", option_sources={"by": "slip"}, learned={"by": 1.5})
    grown = ctx._with_join(text, 0, words(text), slot, [], [], fixed=True)
    assert grown.original == "be for" and "before" in grown.options
    assert grown.learned == {"by for": 1.5} and grown.option_sources["by for"] == "slip"


def test_an_option_another_source_names_may_pass_as_a_plain_noisy_channel(engine, monkeypatch):
    # "fist" -> "first" comes from the neighbour source (margin 7 after the frequency discount);
    # a lead that pays the learned slip price and clears the slip margin is enough on its own
    text = "It was the fist time."
    probe = ContextEngine(engine, FakeScorer())
    need = _slip_price(probe, "fist", "first") + context.SLIP_CLEAR_MARGIN
    assert need < MARGINS["neighbour"] + _prior(engine, "fist", "first")
    (s,) = ContextEngine(engine, LeadScorer({"first": need + 0.5})).check(text).suggestions
    assert (s.original, s.best) == ("fist", "first")
    assert ContextEngine(engine, LeadScorer({"first": need - 0.5})).check(text).suggestions == ()


def test_a_known_misspelling_is_a_cheap_slip_for_its_word(make, seen):
    # With no preference from the sentence, the slip's price decides: a known misspelling of
    # "garden" is far likelier than any letter slip from a word near "gorpen".
    seen({"gorpen": (("garden", 2),)})
    assert make().check("We played in the gorpen.").corrected == "We played in the garden."


def test_two_written_words_known_as_a_misspelling_of_one(make, seen):
    seen({})
    assert "enough" not in make(liked=["enough"]).check("I had a zorble cake.").corrected
    seen({"a zorble": (("enough", 1),)})
    result = make(liked=["enough"]).check("I had a zorble cake.")
    assert result.corrected == "I had enough cake."
    assert result.suggestions[0].kind == Kind.SPACING


def test_a_non_words_corrections_pay_for_trailing_the_fast_ranker(engine):
    from dyslexic_writer.engine.candidates import ranker_scores
    from dyslexic_writer.engine.context import RANKER_MAX_GAP, RANKER_WEIGHT, Slot

    ctx = ContextEngine(engine, FakeScorer())
    logits = ranker_scores(engine.lexicon, "freind")
    ranked = sorted(logits, key=logits.get, reverse=True)
    top, runner = ranked[0], ranked[1]
    slot = Slot(0, 6, "freind", [top, runner, "friendlier"], "nonword", keep_original=False)
    assert ctx._ranker_price(slot, top) == 0.0
    gap = logits[top] - logits[runner]
    assert ctx._ranker_price(slot, runner) == pytest.approx(RANKER_WEIGHT * min(RANKER_MAX_GAP, gap))
    # a form the ranker never weighed pays the most it can
    unweighed = "zzzz"
    assert ctx._ranker_price(slot, unweighed) == pytest.approx(RANKER_WEIGHT * RANKER_MAX_GAP)
    # the price is part of what the option pays in the sentence
    assert ctx._price(slot, runner) == pytest.approx(ctx._slip("freind", runner) + ctx._ranker_price(slot, runner))
    # a written word is weighed by margins, and a slot grown over a neighbour has no one ranking
    assert ctx._ranker_price(Slot(0, 4, "from", ["form"], "slip"), "form") == 0.0
    grown = Slot(0, 8, "a nother", ["another", "a mother"], "nonword", keep_original=False)
    assert ctx._ranker_price(grown, "a mother") == 0.0
