"""The editor with the real fast engine and, where a model is needed, a fake one on the worker."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from dyslexic_writer.engine.types import CheckResult, Suggestion  # noqa: E402
from dyslexic_writer.gui.autosave import Autosave  # noqa: E402
from dyslexic_writer.gui.editor import py_index, qt_index  # noqa: E402
from dyslexic_writer.gui.main_window import MainWindow  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402
from typing_helpers import type_and_wait  # noqa: E402


@pytest.fixture
def window(qtbot, engine, tmp_path):
    w = MainWindow(engine, Settings(), autosave=Autosave(tmp_path / "autosave"), persist_settings=False)
    w.ask_unsaved = lambda: QMessageBox.Discard  # closing at teardown must not wait on a dialog
    qtbot.addWidget(w)
    yield w
    w.controller.shutdown()


def test_typing_a_misspelt_sentence_marks_the_word(qtbot, window):
    with qtbot.waitSignal(window.editor.suggestions_changed, timeout=5000):
        qtbot.keyClicks(window.editor, "I went to teh ")  # marked as soon as the word is finished
    assert [s.original for s in window.editor.suggestions] == ["teh"]
    type_and_wait(qtbot, window, "store.")
    (s,) = window.editor.suggestions
    assert s.original == "teh" and s.best == "the"
    assert len(window.editor.extraSelections()) == 1
    assert window.panel.count() == 1 and "teh" in window.panel.item(0).text()


def test_accept_replaces_the_word_in_one_undo_step(qtbot, window):
    type_and_wait(qtbot, window, "I went to teh store.")
    window.editor.accept(window.editor.suggestions[0])
    assert window.editor.toPlainText() == "I went to the store."
    qtbot.keyClick(window.editor, Qt.Key_Z, Qt.ControlModifier)
    assert window.editor.toPlainText() == "I went to teh store."


def test_accept_all_is_one_undo_step(qtbot, window):
    type_and_wait(qtbot, window, "Im sure teh freind came.")
    assert window.editor.accept_all() == 3
    assert window.editor.toPlainText() == "I'm sure the friend came."
    window.editor.undo()
    assert window.editor.toPlainText() == "Im sure teh freind came."


def test_reject_removes_the_mark_and_it_stays_away(qtbot, window):
    type_and_wait(qtbot, window, "She is my freind.")
    window.editor.reject(window.editor.suggestions[0])
    assert window.editor.suggestions == () and window.editor.extraSelections() == []
    type_and_wait(qtbot, window, " Teh end.")
    assert [s.original for s in window.editor.suggestions] == ["Teh"]


def test_ignore_and_add_to_dictionary_persist(qtbot, window, engine, tmp_path):
    from dyslexic_writer.engine.personal.dictionary import PersonalDictionary

    saved = engine.personal, engine.ignored
    engine.personal = PersonalDictionary(tmp_path / "words.txt")
    engine.ignored = PersonalDictionary(tmp_path / "ignored.txt")
    try:
        type_and_wait(qtbot, window, "Meet Grizzlebop, it is enuff. I like teh cat.")
        enuff, teh = window.editor.suggestions
        window.editor.add_to_dictionary(enuff)
        assert "enuff" in PersonalDictionary(tmp_path / "words.txt")
        window.editor.ignore_everywhere(teh)
        assert "teh" in PersonalDictionary(tmp_path / "ignored.txt")  # remembered after a restart too
        assert window.editor.suggestions == ()
        window.editor.check_now()
        assert window.editor.suggestions == ()
    finally:
        engine.personal, engine.ignored = saved


def test_a_late_result_for_edited_text_is_not_applied(qtbot, window):
    type_and_wait(qtbot, window, "teh cat")
    old = window.controller.latest_for("fast")
    window.editor.check_now()  # a newer request
    stale = CheckResult("teh cat", (Suggestion(0, 3, "teh", ("tea",), "spelling", 0.5, "test"),))
    assert window.controller.deliver(old, stale, "fast") is False
    assert window.editor.suggestions[0].best == "the"
    # A result for text that is no longer there is ignored even with the latest id.
    rid = window.controller.latest_for("fast")
    window.controller.deliver(rid, CheckResult("other text", ()), "fast")
    assert window.editor.suggestions[0].best == "the"


def test_marks_move_with_edits_before_them(qtbot, window):
    type_and_wait(qtbot, window, "cat teh")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    window.editor.insertPlainText("The ")
    (s,) = window.editor.suggestions
    assert window.editor.toPlainText()[s.start : s.end] == "teh"


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


def test_learning_mode(qtbot, window):
    window.set_mode("learning")
    type_and_wait(qtbot, window, "my freind")
    s = window.editor.suggestions[0]
    window.editor.ask_text = lambda title, label: ("frend", True)
    with qtbot.waitSignal(window.editor.learning_feedback) as blocker:
        assert window.editor.try_myself(s) is False
    assert blocker.args[0] is False and window.editor.toPlainText() == "my freind"
    window.editor.ask_text = lambda title, label: ("friend", True)
    assert window.editor.try_myself(s) is True
    assert window.editor.toPlainText() == "my friend"


def test_open_save_round_trip(qtbot, window, tmp_path):
    f = tmp_path / "note.md"
    f.write_text("Héllo 👋 wörld\n", encoding="utf-8")
    assert window.load(f)
    assert window.editor.toPlainText() == "Héllo 👋 wörld\n"
    out = tmp_path / "copy.txt"
    assert window.write(out)
    assert out.read_text(encoding="utf-8") == "Héllo 👋 wörld\n"
    assert str(out.resolve()) == window.settings.recent_files[0]


def test_closing_with_unsaved_text_asks_first(qtbot, window):
    type_and_wait(qtbot, window, "draft")
    window.ask_unsaved = lambda: QMessageBox.Cancel
    assert window.maybe_keep() is False
    window.ask_unsaved = lambda: QMessageBox.Discard
    assert window.maybe_keep() is True


def test_autosave_and_recovery(qtbot, engine, tmp_path):
    auto = Autosave(tmp_path / "autosave")
    w = MainWindow(engine, Settings(), autosave=auto, persist_settings=False)
    qtbot.addWidget(w)
    w.editor.setPlainText("precious words")
    w.editor.document().setModified(True)
    w.autosave_now()
    assert auto.pending()[0] == "precious words"
    # The app dies here (no close). The next start offers the text back.
    w2 = MainWindow(engine, Settings(), autosave=auto, persist_settings=False)
    qtbot.addWidget(w2)
    w2.ask_restore = lambda source: True
    w2.ask_unsaved = lambda: QMessageBox.Discard
    w.ask_unsaved = lambda: QMessageBox.Discard
    assert w2.offer_recovery()
    assert w2.editor.toPlainText() == "precious words" and w2.editor.document().isModified()


def test_display_defaults(qtbot, window):
    assert window.editor.font().pointSize() >= 18
    block = window.editor.document().firstBlock().blockFormat()
    assert block.lineHeight() == 150


def test_theme_toggle(qtbot, window):
    window.toggle_theme()
    assert window.settings.theme == "dark" and window.dark_action.isChecked()
    window.toggle_theme()
    assert window.settings.theme == "light"


def test_hear_it_is_disabled_with_a_reason_without_speech(qtbot, window):
    type_and_wait(qtbot, window, "teh")
    menu = window.editor.menu_for(window.editor.suggestions[0])
    hear = [a for a in menu.actions() if a.text().startswith("Hear it")][0]
    if window.editor.speaker.available:
        assert hear.isEnabled()
    else:
        assert not hear.isEnabled() and hear.toolTip()


def test_index_conversions():
    assert qt_index("👋 teh", 2) == 3
    assert py_index("👋 teh", 3) == 2


def test_screenshot_command(tmp_path):
    from dyslexic_writer.gui.app import screenshot

    out = screenshot(tmp_path / "shot.png", theme="dark", width=640, height=400)
    assert out.exists() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_spelling_setting_reaches_the_dictionary_both_engines_share(window, engine):
    try:
        window.settings.spelling = "british"
        window.apply_settings()
        assert engine.lexicon.spelling == "british"
        window.settings.spelling = "either"
        window.apply_settings()
        assert engine.lexicon.spelling == ""
    finally:
        engine.lexicon.spelling = ""


def test_display_settings_are_not_unsaved_work(qtbot, window):
    assert not window.editor.document().isModified()  # a fresh window closes without asking
    window.settings.line_spacing = 2.0
    window.apply_settings()
    assert not window.editor.document().isModified()
    qtbot.keyClicks(window.editor, "a")
    window.apply_settings()
    assert window.editor.document().isModified()
