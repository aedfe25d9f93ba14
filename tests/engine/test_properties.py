"""Whatever the text, the engine never crashes, and its suggestions are well formed and safe."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyslexic_writer.engine.text import protected_spans
from dyslexic_writer.engine.types import Kind, apply_suggestions

_words = st.sampled_from(
    ["teh", "freind", "dont", "Im", "alot", "its", "a", "the", "some", "where", "i", "Its", "were", "going",
     "john@x.org", "https://a.io/teh", "3:30", "$5", "iPhone", "CEO", "enuff", "gril", "Saskatoon", "naïve", "—", "don't"]
)
_mixed = st.lists(st.one_of(_words, st.text(max_size=8)), max_size=12).map(" ".join)
_cfg = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_invariants(engine, text):
    result = engine.check(text)
    last_end = 0
    for s in result.suggestions:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start >= last_end, "suggestions overlap"
        assert text[s.start : s.end] == s.original
        assert all(isinstance(r, str) for r in s.replacements)
        # only an `unknown` mark may come without a replacement, and then it changes nothing
        assert s.replacements or (s.kind == Kind.UNKNOWN and s.best == s.original)
        last_end = s.end
    for ps, pe in protected_spans(text):
        for s in result.suggestions:
            assert not (s.start < pe and ps < s.end), f"protected span {text[ps:pe]!r} touched"
    corrected = apply_suggestions(text, result.suggestions)
    # Outside the suggestion spans nothing changes.
    pos = 0
    out_pos = 0
    for s in result.suggestions:
        keep = text[pos : s.start]
        assert corrected[out_pos : out_pos + len(keep)] == keep
        out_pos += len(keep) + len(s.best)
        pos = s.end
    assert corrected[out_pos:] == text[pos:]


@_cfg
@given(st.text())
def test_arbitrary_unicode(engine, text):
    _check_invariants(engine, text)


@_cfg
@given(_mixed)
def test_word_soup(engine, text):
    _check_invariants(engine, text)
