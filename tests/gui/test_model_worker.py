"""The model stage: a fake model engine on the real worker thread, answering through Qt signals."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from dyslexic_writer.engine.types import CheckResult, Suggestion  # noqa: E402
from dyslexic_writer.gui.autosave import Autosave  # noqa: E402
from dyslexic_writer.gui.main_window import MainWindow  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402


class FakeModel:
    name = "model"

    def check(self, text):
        i = text.find("their")
        if i < 0:
            return CheckResult(text, (), "model")
        return CheckResult(text, (Suggestion(i, i + 5, "their", ("there",), "homophone", 0.9, "model", "a place"),), "model")


def test_model_marks_arrive_from_the_worker(qtbot, engine, tmp_path):
    w = MainWindow(engine, Settings(), autosave=Autosave(tmp_path), persist_settings=False)
    w.ask_unsaved = lambda: QMessageBox.Discard
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.controller.model_state, timeout=5000, check_params_cb=lambda s: s == "ready"):
        w.controller.start_model(FakeModel)
    w.editor.setPlainText("I went their today.")
    with qtbot.waitSignal(w.controller.checked, timeout=5000, check_params_cb=lambda rid, r, stage: stage == "model"):
        w.editor.check_model_now()
    assert [s.best for s in w.editor.suggestions] == ["there"]
    assert "model" in w.engine_label.text()
    w.controller.shutdown()
    assert w.controller.worker is None


def test_a_model_that_cannot_load_leaves_the_fast_engine(qtbot, engine, tmp_path):
    def broken():
        raise RuntimeError("out of memory")

    w = MainWindow(engine, Settings(), autosave=Autosave(tmp_path), persist_settings=False)
    w.ask_unsaved = lambda: QMessageBox.Discard
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.controller.model_state, timeout=5000, check_params_cb=lambda s: s.startswith("unavailable")):
        w.controller.start_model(broken)
    assert "fast engine only" in w.engine_label.text()
    with qtbot.waitSignal(w.editor.suggestions_changed, timeout=5000):
        qtbot.keyClicks(w.editor, "teh")
    assert w.editor.suggestions[0].best == "the"
    w.controller.shutdown()


def test_a_finished_sentence_goes_to_the_model_at_once(qtbot, engine, tmp_path):
    w = MainWindow(engine, Settings(), autosave=Autosave(tmp_path), persist_settings=False)
    w.ask_unsaved = lambda: QMessageBox.Discard
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.controller.model_state, timeout=5000, check_params_cb=lambda s: s == "ready"):
        w.controller.start_model(FakeModel)
    qtbot.keyClicks(w.editor, "I went their today")
    assert w.editor._model_timer.isActive()
    with qtbot.waitSignal(w.controller.checked, timeout=5000, check_params_cb=lambda rid, r, stage: stage == "model"):
        qtbot.keyClicks(w.editor, ".")
    assert [s.best for s in w.editor.suggestions] == ["there"]
    w.controller.shutdown()
