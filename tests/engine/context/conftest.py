"""Fixtures for the context engine's tests. In pytest's default import mode this folder goes on
`sys.path` with this file, so the tests here and in `sources/` import `context_fakes` by name."""

import math

import pytest
from context_fakes import FakeScorer, tuned

from dyslexic_writer.engine.context import ContextEngine


@pytest.fixture
def without_slips():
    """A tuning under which no word is asked about for its learned slips alone, so a test sees one
    other source at work."""
    return tuned(slip_min_odds=math.inf)


@pytest.fixture
def make(engine):
    return lambda **kw: ContextEngine(engine, FakeScorer(**kw))
