import json

from dyslexic_writer.engine.types import Kind, Suggestion
from dyslexic_writer.server.annotated import parse_annotation, plain_document
from dyslexic_writer.server.form import CheckRequest
from dyslexic_writer.server.lt_json import check_response, languages, match
from dyslexic_writer.server.rules import rule_for
from dyslexic_writer.server.utf16 import Utf16Index


def sug(text, word, kind=Kind.SPELLING, reps=("the",), **kw):
    i = text.index(word)
    return Suggestion(i, i + len(word), word, tuple(reps), kind, 0.9, "fast", **kw)


def test_a_match_has_languagetools_shape():
    text = "I saw teh cat."
    m = match(sug(text, "teh", explanation="letters swapped"), plain_document(text), Utf16Index(text), "british")
    assert (m["offset"], m["length"]) == (6, 3)
    assert m["message"] == "letters swapped" and m["shortMessage"] == "Spelling mistake"
    assert m["replacements"] == [{"value": "the"}]
    assert m["context"] == {"text": text, "offset": 6, "length": 3}
    assert m["sentence"] == text
    assert m["rule"]["id"] == "MORFOLOGIK_RULE_EN_GB" and m["rule"]["issueType"] == "misspelling"
    assert m["rule"]["category"] == {"id": "TYPOS", "name": "Possible Typo"}
    assert m["type"] == {"typeName": "UnknownWord"}


def test_offsets_count_utf16_units_and_markup():
    data = json.dumps({"annotation": [{"text": "😀 "}, {"markup": "<b>"}, {"text": "teh"}, {"markup": "</b>"}]})
    doc = parse_annotation(data)
    m = match(sug(doc.plain, "teh"), doc, Utf16Index(doc.original))
    assert (m["offset"], m["length"]) == (2 + 1 + 3, 3)  # the emoji is two units, the markup three
    assert m["context"]["offset"] == 3 and m["context"]["text"] == "😀 teh"


def test_an_unknown_word_has_no_replacements_and_names_its_maybes():
    text = "The zorblatic thing."
    m = match(sug(text, "zorblatic", Kind.UNKNOWN, (), maybe=("problematic", "democratic", "aerobatic", "zeolitic"),
                  explanation="not in the dictionary; it might be problematic"), plain_document(text), Utf16Index(text))
    assert m["replacements"] == []
    assert m["message"] == "'zorblatic' is not in the dictionary. Maybe: problematic, democratic, aerobatic, zeolitic?"
    assert m["rule"]["id"] == "MORFOLOGIK_RULE_EN_US"


def test_each_kind_has_a_languagetool_shaped_rule():
    ids = {k: rule_for(k, "american") for k in Kind.ALL}
    assert {ids[k].id for k in (Kind.SPELLING, Kind.PHONETIC, Kind.REVERSAL, Kind.UNKNOWN)} == {"MORFOLOGIK_RULE_EN_US"}
    assert ids[Kind.HOMOPHONE].category_id == "CONFUSED_WORDS"
    assert ids[Kind.CONTRACTION].id == "EN_CONTRACTION_SPELLING"
    assert ids[Kind.SPACING].category_id == "COMPOUNDING"
    assert ids[Kind.GRAMMAR].category_id == "GRAMMAR"
    assert all(r.id.replace("_", "").isalnum() and r.id.isupper() for r in ids.values())


def test_the_long_context_is_cut_and_the_sentence_found():
    text = "First sentence here. " + "word " * 20 + "teh end of it. Another one follows, and goes on for a while."
    m = match(sug(text, "teh"), plain_document(text), Utf16Index(text))
    assert m["context"]["text"].startswith("...") and m["context"]["text"].endswith("...")
    assert m["context"]["text"][m["context"]["offset"] :].startswith("teh")
    assert m["sentence"] == ("word " * 20 + "teh end of it.")


def request(text, **kw):
    return CheckRequest(plain_document(text), kw.pop("language", "en-US"), kw.pop("variant", "american"), **kw)


def test_the_response_filters_by_rule_and_category():
    text = "dont go their, teh end"
    sugs = [sug(text, "dont", Kind.CONTRACTION, ("don't",)), sug(text, "their", Kind.HOMOPHONE, ("there",)),
            sug(text, "teh")]
    def ids(req):
        return [m["rule"]["id"] for m in check_response(req, sugs)["matches"]]

    assert len(ids(request(text))) == 3
    assert "EN_HOMOPHONES" not in ids(request(text, disabled_categories=frozenset({"CONFUSED_WORDS"})))
    assert ids(request(text, disabled_rules=frozenset({"MORFOLOGIK_RULE_EN_US"}))) == ["EN_CONTRACTION_SPELLING",
                                                                                        "EN_HOMOPHONES"]
    only = request(text, enabled_only=True, enabled_rules=frozenset({"EN_HOMOPHONES"}))
    assert ids(only) == ["EN_HOMOPHONES"]


def test_the_response_envelope():
    out = check_response(request("fine", detected=True), [])
    assert out["matches"] == [] and out["software"]["apiVersion"] == 1
    assert out["language"]["code"] == "en-US" and out["language"]["detectedLanguage"]["code"] == "en-US"
    assert {x["longCode"] for x in languages()} == {"en", "en-US", "en-GB"}
