import json
from urllib.parse import urlencode

import pytest

from dyslexic_writer.server.form import FormError, parse_check, parse_fields, resolve_language


def form(**fields) -> dict:
    return parse_fields(urlencode(fields).encode())


def test_text_and_the_filters_are_read():
    req = parse_check(form(text="Helo wrld", language="en-GB", motherTongue="de", disabledRules="A, B",
                           disabledCategories="TYPOS", enabledRules="C", level="picky", textSessionId="42"))
    assert req.document.plain == "Helo wrld"
    assert (req.language, req.variant, req.detected) == ("en-GB", "british", False)
    assert req.disabled_rules == {"A", "B"} and req.disabled_categories == {"TYPOS"}
    assert req.enabled_rules == {"C"} and not req.enabled_only
    assert (req.mother_tongue, req.level) == ("de", "picky")


def test_annotated_data_is_read():
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": "Helo"}]})
    req = parse_check(form(data=data, language="en-US"))
    assert req.document.plain == "Helo" and req.document.original == "<p>Helo"


def test_enabled_only_needs_something_enabled():
    assert parse_check(form(text="x", language="en", enabledOnly="true", enabledCategories="TYPOS")).enabled_only
    with pytest.raises(FormError, match="enabledOnly"):
        parse_check(form(text="x", language="en", enabledOnly="true"))


@pytest.mark.parametrize("tag, preferred, default, expected", [
    ("en-US", "", "british", ("en-US", "american", False)),
    ("en_gb", "", "", ("en-GB", "british", False)),
    ("en", "", "british", ("en", "british", False)),
    ("auto", "de-DE,en-GB", "", ("en-GB", "british", True)),
    ("auto", "", "american", ("en-US", "american", True)),
    ("auto", "", "", ("en", "", True)),
])
def test_languages(tag, preferred, default, expected):
    assert resolve_language(tag, preferred, default) == expected


@pytest.mark.parametrize("fields, says", [
    ({"language": "en-US"}, "Missing 'text' or 'data'"),
    ({"text": "a", "data": "{}", "language": "en"}, "either"),
    ({"text": "a"}, "language"),
    ({"text": "a", "language": "de-DE"}, "English"),
    ({"data": "{oops", "language": "en"}, "JSON"),
])
def test_bad_requests_say_why(fields, says):
    with pytest.raises(FormError, match=says):
        parse_check(form(**fields))


def test_form_data_that_is_not_utf8_is_refused():
    with pytest.raises(FormError, match="UTF-8"):
        parse_fields(b"text=%FF%FE&language=en")
    with pytest.raises(FormError, match="UTF-8"):
        parse_fields(b"text=\xff")


def test_the_first_value_of_a_repeated_field_counts():
    assert parse_fields("a=1&a=2&b=")["a"] == "1"
