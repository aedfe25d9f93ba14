"""Every test run keeps its settings, data and caches in one temp folder, never the user's."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="dw-test-home-"))
# The embedded model is assembled in here (about 300 MB): a run that left it behind filled the disk.
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["DYSLEXIC_WRITER_HOME"] = str(_HOME)
for var in ("DYSLEXIC_WRITER_DATA_DIR", "DYSLEXIC_WRITER_CONFIG_DIR", "DYSLEXIC_WRITER_CACHE_DIR"):
    os.environ.pop(var, None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


_OPENED = []  # the session's dictionary, once a test has asked for it


@pytest.fixture(scope="session")
def lexicon():
    """The compiled dictionary, built once per test run (a few seconds)."""
    from dyslexic_writer.engine.lexicon import open_lexicon

    _OPENED.append(open_lexicon())
    return _OPENED[-1]


@pytest.fixture(autouse=True)
def _either_spelling():
    """The dictionary is shared by every test: a window whose settings say "auto" sets the spelling
    from this machine's language, which must not reach the next test."""
    yield
    for lex in _OPENED:
        lex.spelling = ""


@pytest.fixture(scope="session")
def engine(lexicon):
    from dyslexic_writer.engine.fast import FastEngine
    from dyslexic_writer.engine.personal.dictionary import PersonalDictionary

    return FastEngine(lexicon=lexicon, personal=PersonalDictionary(), ignored=PersonalDictionary())


@pytest.fixture
def fix(engine):
    """Text with every best suggestion applied."""
    return lambda text: engine.check(text).corrected


@pytest.fixture
def seen():
    """Stands in a table of known misspellings (`engine.candidates.misspellings`) for the shipped one: a test
    of letter slips or of the sentence's choice calls `seen({})` so the training pairs' own
    spellings ("gril" for "girls") do not decide it; `seen({"zorp": (("house", 2),)})` adds one."""
    from dyslexic_writer.engine.candidates.misspellings import use_misspellings

    yield use_misspellings
    use_misspellings(None)
