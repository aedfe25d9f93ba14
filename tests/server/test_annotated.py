import json

import pytest

from dyslexic_writer.server.annotated import AnnotationError, parse_annotation, plain_document


def test_markup_is_skipped_and_offsets_count_it():
    data = json.dumps({"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "teh"}, {"markup": "</b>"},
                                      {"text": " cat."}]})
    doc = parse_annotation(data)
    assert doc.plain == "A teh cat."
    assert doc.original == "A <b>teh</b> cat."
    s = doc.plain.index("teh")
    assert doc.original[doc.start_in_original(s) : doc.end_in_original(s + 3)] == "teh"


def test_interpret_as_is_read_and_maps_to_the_markup():
    data = json.dumps({"annotation": [{"text": "One."}, {"markup": "<p>", "interpretAs": "\n\n"}, {"text": "Two."}]})
    doc = parse_annotation(data)
    assert doc.plain == "One.\n\nTwo."
    assert doc.start_in_original(doc.plain.index("Two")) == len("One.<p>")
    assert doc.start_in_original(4) == 4  # the first stand-in character: where the markup starts
    assert doc.end_in_original(6) == len("One.<p>")  # a span ending in the stand-in ends after the markup


def test_a_span_across_markup_keeps_the_markup_inside():
    doc = parse_annotation(json.dumps({"annotation": [{"text": "a"}, {"markup": "<i>"}, {"text": "lot"}]}))
    assert doc.plain == "alot"
    assert (doc.start_in_original(0), doc.end_in_original(4)) == (0, len("a<i>lot"))


def test_plain_text_maps_to_itself():
    doc = plain_document("just text")
    assert doc.plain == doc.original == "just text"
    assert (doc.start_in_original(5), doc.end_in_original(9)) == (5, 9)


@pytest.mark.parametrize("data, says", [
    ("{not json", "not valid JSON"),
    ('["a"]', "annotation"),
    ('{"annotation": "text"}', "annotation"),
    ('{"annotation": [1]}', "item 0 is not an object"),
    ('{"annotation": [{"text": "a", "markup": "b"}]}', "either"),
    ('{"annotation": [{}]}', "either"),
    ('{"annotation": [{"markup": 3}]}', "strings"),
    ('{"annotation": [{"markup": "<p>", "interpretAs": 1}]}', "strings"),
])
def test_bad_data_says_what_is_wrong(data, says):
    with pytest.raises(AnnotationError, match=says):
        parse_annotation(data)
