import threading

import pytest

from dyslexic_writer.server.checking import CheckerClosed, ParagraphChecker, paragraphs
from server_fakes import TehEngine


def spans(text, suggestions):
    return [text[s.start : s.end] for s in suggestions]


def test_paragraphs_are_lines_with_something_on_them():
    assert paragraphs("One.\n\n  \nTwo.\r\nThree") == [(0, "One."), (9, "Two."), (15, "Three")]


def test_only_what_changed_is_checked_again():
    engine = TehEngine()
    checker = ParagraphChecker(lambda: engine)
    try:
        doc = "I saw teh cat. It ran.\nThen teh dog came.\nNothing here."
        found = checker.check(doc)
        assert spans(doc, found) == ["teh", "teh"]
        assert [found[0].start, found[1].start] == [doc.index("teh"), doc.rindex("teh")]
        asked = len(engine.calls)
        assert checker.check(doc) == found and len(engine.calls) == asked  # all from the cache
        edited = doc.replace("It ran.", "It sat.")
        again = checker.check(edited)
        assert spans(edited, again) == ["teh", "teh"]
        assert [c[0].strip() for c in engine.calls[asked:]] == ["It sat."]  # one sentence of one paragraph
    finally:
        checker.close()


def test_the_spelling_asked_for_is_part_of_the_key_and_set_on_the_engines_thread():
    engine = TehEngine()
    checker = ParagraphChecker(lambda: engine)
    try:
        checker.check("teh", "british")
        checker.check("teh", "american")
        checker.check("teh", "british")
        assert [(c[0], c[2]) for c in engine.calls] == [("teh", "british"), ("teh", "american")]
    finally:
        checker.close()


def test_every_check_runs_on_one_thread_in_turn():
    engine = TehEngine()
    built_on = []

    def build():
        built_on.append(threading.current_thread().name)
        return engine

    checker = ParagraphChecker(build)
    try:
        results = []
        callers = [threading.Thread(target=lambda i=i: results.append(checker.check(f"teh {i}"))) for i in range(8)]
        for t in callers:
            t.start()
        for t in callers:
            t.join(10)
        assert len(results) == 8
        assert {c[1] for c in engine.calls} == set(built_on)
    finally:
        checker.close()


def test_closing_releases_waiting_requests_and_the_thread():
    gate = threading.Event()
    engine = TehEngine(gate)
    checker = ParagraphChecker(lambda: engine)
    errors = []

    def ask():
        try:
            checker.check("teh")
        except CheckerClosed as exc:
            errors.append(exc)

    waiting = [threading.Thread(target=ask) for _ in range(2)]
    for t in waiting:
        t.start()
    assert engine.started.wait(5)
    closer = threading.Thread(target=checker.close)
    closer.start()
    for t in waiting:
        t.join(5)
    assert len(errors) == 2  # both gave up, the one in the engine's hands too
    gate.set()
    closer.join(5)
    assert not closer.is_alive()
    assert not any(t.name.startswith("dw-server-engine") for t in threading.enumerate())
    with pytest.raises(CheckerClosed):
        checker.check("teh")


def test_an_engine_that_cannot_be_built_fails_each_check():
    def broken():
        raise RuntimeError("no model")

    checker = ParagraphChecker(broken)
    try:
        with pytest.raises(RuntimeError, match="no model"):
            checker.check("teh")
    finally:
        checker.close()


def test_a_word_the_editor_adds_meanwhile_is_no_longer_marked(lexicon, tmp_path):
    from dyslexic_writer.engine.fast import FastEngine
    from dyslexic_writer.engine.personal.dictionary import PersonalDictionary

    words, ignored = tmp_path / "personal.txt", tmp_path / "ignored.txt"
    engine = FastEngine(lexicon=lexicon, personal=PersonalDictionary(words), ignored=PersonalDictionary(ignored))
    checker = ParagraphChecker(lambda: engine)
    try:
        doc = "Grizzlebop saw a wuzzlewop."
        assert spans(doc, checker.check(doc)) == ["Grizzlebop", "wuzzlewop"]
        PersonalDictionary(words).add("Grizzlebop")  # the editor, in another process
        PersonalDictionary(ignored).add("wuzzlewop")
        assert spans(doc, checker.check(doc)) == []  # the cached answer was dropped
    finally:
        checker.close()
