"""The registry of option sources (`context.registry`)."""

from dyslexic_writer.engine.context import shipped_tuning
from dyslexic_writer.engine.context.registry import ASKED, SOURCES, SPACING, UNWRITTEN, WORDLESS
from dyslexic_writer.engine.types import Kind


def test_every_source_has_a_margin_a_kind_and_words():
    assert set(SOURCES) == set(shipped_tuning().margins)
    for name, source in SOURCES.items():
        assert source.name == name and source.kind in Kind.ALL
        assert callable(source.explain)


def test_the_asked_sources_propose_and_each_is_asked_once():
    assert all(s.propose is not None for s in ASKED)
    assert len({s.name for s in ASKED}) == len(ASKED)
    # the strictest, the neighbour source, is asked last, so an option another source names keeps that source
    assert ASKED[-1].name == "neighbour"


def test_the_source_families():
    assert WORDLESS == {"unknown", "rare_form", "capital"}
    assert UNWRITTEN == {"nonword", "unknown", "rare_form"}
    assert SPACING == {"join", "split"}
