import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from dyslexic_writer.engine.types import CheckResult, Suggestion  # noqa: E402
from dyslexic_writer.gui.editor import qt_index  # noqa: E402
from dyslexic_writer.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot, engine):
    w = MainWindow(engine)
    w.ask_unsaved = lambda: QMessageBox.Discard  # closing at teardown must not wait on a dialog
    qtbot.addWidget(w)
    return w


def type_and_wait(qtbot, w, text):
    with qtbot.waitSignal(w.editor.suggestions_changed, timeout=5000):
        qtbot.keyClicks(w.editor, text)


def test_typing_a_misspelt_sentence_marks_the_word(qtbot, window):
    type_and_wait(qtbot, window, "I went to teh store.")
    (s,) = window.editor.suggestions
    assert s.original == "teh" and s.best == "the"
    assert len(window.editor.extraSelections()) == 1


def test_accept_replaces_the_word_in_one_undo_step(qtbot, window):
    type_and_wait(qtbot, window, "I went to teh store.")
    window.editor.accept(window.editor.suggestions[0])
    assert window.editor.toPlainText() == "I went to the store."
    window.editor.undo()
    assert window.editor.toPlainText() == "I went to teh store."


def test_reject_removes_the_mark(qtbot, window):
    type_and_wait(qtbot, window, "She is my freind.")
    window.editor.reject(window.editor.suggestions[0])
    assert window.editor.suggestions == () and window.editor.extraSelections() == []


def test_a_late_result_for_edited_text_is_not_applied(qtbot, window):
    type_and_wait(qtbot, window, "teh cat")
    old = window.controller.latest
    window.editor.check_now()  # a newer request
    stale = CheckResult("teh cat", (Suggestion(0, 3, "teh", ("tea",), "spelling", 0.5, "test"),))
    assert window.controller.deliver(old, stale) is False
    assert window.editor.suggestions[0].best == "the"


def test_keyboard_navigation(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.editor.setFocus()
    type_and_wait(qtbot, window, "teh cat and teh dog")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key_F7)
    assert window.editor.textCursor().position() == 12
    qtbot.keyClick(window.editor, Qt.Key_F7, Qt.ShiftModifier)
    assert window.editor.textCursor().position() == 0


def test_open_save_round_trip(qtbot, window, tmp_path):
    f = tmp_path / "note.md"
    f.write_text("Héllo 👋 wörld\n", encoding="utf-8")
    window.load(f)
    assert window.editor.toPlainText() == "Héllo 👋 wörld\n"
    out = tmp_path / "copy.txt"
    assert window.write(out)
    assert out.read_text(encoding="utf-8") == "Héllo 👋 wörld\n"


def test_qt_index_counts_utf16_units():
    assert qt_index("👋 teh", 2) == 3


def test_closing_with_unsaved_text_asks_first(qtbot, window):
    type_and_wait(qtbot, window, "draft")
    window.ask_unsaved = lambda: QMessageBox.Cancel
    assert window.maybe_keep() is False
    window.ask_unsaved = lambda: QMessageBox.Discard
    assert window.maybe_keep() is True
