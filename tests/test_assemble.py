"""Choosing and building an engine by name (`dyslexic_writer.assemble`), without loading a model."""

import pytest

from dyslexic_writer import assemble


def test_fast_is_the_shared_fast_engine(engine):
    assert assemble.make_engine("fast", fast=engine) is engine


def test_an_unknown_engine_name_is_refused(engine):
    with pytest.raises(ValueError, match="unknown engine 'quick'"):
        assemble.make_engine("quick", fast=engine)


def test_auto_falls_back_to_the_fast_engine_and_says_why(engine, monkeypatch):
    def no_model(*_args):
        raise assemble.EngineUnavailable("no room on disk")

    monkeypatch.setattr(assemble, "_model_engine", no_model)
    notices = []
    assert assemble.make_engine("auto", fast=engine, notify=notices.append) is engine
    assert notices == ["no model could be loaded (no room on disk); using the fast engine"]


def test_model_does_not_fall_back(engine, monkeypatch):
    def no_model(*_args):
        raise assemble.EngineUnavailable("corrupt file")

    monkeypatch.setattr(assemble, "_model_engine", no_model)
    with pytest.raises(assemble.EngineUnavailable, match="corrupt file"):
        assemble.make_engine("model", fast=engine, notify=lambda _m: None)


def test_tables_warm_while_the_model_loads_and_the_thread_ends(engine, monkeypatch):
    import threading

    loading = threading.Event()
    overlapped = []

    def warm(_fast):
        overlapped.append(loading.wait(timeout=30))  # runs while the model loads

    def load(model):
        loading.set()
        raise assemble.EngineUnavailable("no room on disk")

    monkeypatch.setattr(assemble, "_warm_tables", warm)
    monkeypatch.setattr(assemble, "load_scorer", load)
    with pytest.raises(assemble.EngineUnavailable):
        assemble._load_scorer_warming(engine, None)
    assert overlapped == [True]
    assert "warm-tables" not in [t.name for t in threading.enumerate()]


def test_warming_loads_what_the_first_check_needs(engine):
    from dyslexic_writer.engine.candidates import ranker

    assemble._warm_tables(engine)
    assert str(engine.lexicon.path) in ranker._wide  # the wide search's lists
