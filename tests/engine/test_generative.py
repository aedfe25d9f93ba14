"""The generative corrector's alignment and guardrails, with a scripted fake model."""

from dyslexic_writer.engine.generative import GenerativeCorrector, clean_output
from dyslexic_writer.engine.prompts import prompt_format
from dyslexic_writer.engine.types import Kind


class Scripted:
    def __init__(self, replies):
        self.replies = replies
        self.prompts = []

    def generate(self, prompt, stop, max_tokens, cancelled):
        self.prompts.append(prompt)
        for src, reply in self.replies.items():
            if src in prompt:
                return reply
        return ""


def corrector(engine, replies, scorer=None):
    return GenerativeCorrector(engine, Scripted(replies), prompt_format("qwen3"), scorer=scorer)


def test_prompt_templates():
    p = prompt_format("qwen3").build("teh cat")
    assert p.startswith("<|im_start|>system\n") and "teh cat" in p and p.endswith("<think>\n\n</think>\n\n")
    g = prompt_format("gemma").build("teh cat")
    assert g.startswith("<start_of_turn>user\n") and g.endswith("<start_of_turn>model\n")


def test_clean_output():
    assert clean_output("<think>hmm</think>\n\nI went there.\nExtra") == "I went there."
    assert clean_output('Corrected: "I went there."') == "I went there."


def test_spelling_homophone_contraction_and_spacing(engine):
    c = corrector(engine, {"Its alot of teh stuf over they're.": "It's a lot of the stuff over there."})
    result = c.check("Its alot of teh stuf over they're.")
    assert result.corrected == "It's a lot of the stuff over there."
    kinds = {s.original: s.kind for s in result.suggestions}
    assert kinds["Its"] == Kind.CONTRACTION and kinds["alot"] == Kind.SPACING and kinds["they're"] == Kind.HOMOPHONE
    assert all(s.source == "model" for s in result.suggestions)


def test_added_or_dropped_words_are_refused(engine):
    c = corrector(engine, {"Shouldnt go.": "You shouldn't go.", "I went home.": "I went back home today."})
    assert c.check("Shouldnt go.").corrected == "Shouldn't go."
    assert c.check("I went home.").suggestions == ()


def test_punctuation_only_changes_and_capitals_are_refused(engine):
    c = corrector(engine, {"Whats up.": "What's up?", "the end": "The end"})
    assert c.check("Whats up.").corrected == "What's up."
    assert c.check("the end").suggestions == ()


def test_protected_text_and_names_are_refused(engine):
    c = corrector(engine, {"Mail bob@example.com to Jonh now.": "Mail bob@exemple.com to John now."})
    assert c.check("Mail bob@example.com to Jonh now.").suggestions == ()


def test_meaning_changes_need_the_scorer(engine):
    c = corrector(engine, {"I like the cat.": "I like the dog."})
    assert c.check("I like the cat.").suggestions == ()

    class Agrees:
        def score(self, prefix, conts):
            return [0.0, 10.0]

    c2 = corrector(engine, {"I sat in the bog.": "I sat in the dog."}, scorer=Agrees())
    assert c2.check("I sat in the bog.").corrected == "I sat in the dog."


def test_unrelated_words_are_refused(engine):
    c = corrector(engine, {"I went their yesterday.": "I went to bed yesterday."})
    assert c.check("I went their yesterday.").suggestions == ()
