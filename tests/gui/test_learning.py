"""The editor records the writer's choices into their profile: accept, reject, Learning-mode retyping,
"type it another way", and a marked word fixed by hand; unknown words get their own popup."""

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from dyslexic_writer.engine.personal.profile import Profile  # noqa: E402
from dyslexic_writer.engine.types import Kind, Suggestion  # noqa: E402
from dyslexic_writer.gui.another_way import AnotherWayDialog  # noqa: E402
from dyslexic_writer.gui.autosave import Autosave  # noqa: E402
from dyslexic_writer.gui.learned_page import LearnedPage  # noqa: E402
from dyslexic_writer.gui.learning import neighbours, sentence_at  # noqa: E402
from dyslexic_writer.gui.main_window import MainWindow  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402
from typing_helpers import type_and_wait  # noqa: E402


@pytest.fixture
def profile(tmp_path):
    return Profile(tmp_path / "profile.yaml")


@pytest.fixture
def window(qtbot, engine, tmp_path, profile):
    w = MainWindow(engine, Settings(), autosave=Autosave(tmp_path / "autosave"), persist_settings=False, profile=profile)
    w.ask_unsaved = lambda: QMessageBox.Discard
    qtbot.addWidget(w)
    yield w
    w.controller.shutdown()


def unknown(text, word):
    i = text.index(word)
    return Suggestion(i, i + len(word), word, (), Kind.UNKNOWN, 0.4, "fast", "not in the dictionary")


def test_accept_records_an_accepted_correction(qtbot, window, profile):
    type_and_wait(qtbot, window, "I went to teh store.")
    with qtbot.waitSignal(window.recorder.recorded):
        window.editor.accept(window.editor.suggestions[0])
    (pair,) = profile.pairs()
    assert (pair.written, pair.intended, pair.accepted, pair.self_made) == ("teh", "the", 1, 0)
    assert pair.context == "I went to teh store."
    assert Profile.open(profile.path)[0].pairs() == [pair]  # on disk at once


def test_reject_records_the_suggestion_and_its_neighbours(qtbot, window, profile):
    type_and_wait(qtbot, window, "She is my freind now.")
    s = window.editor.suggestions[0]
    with qtbot.waitSignal(window.recorder.recorded):
        window.editor.reject(s)
    assert profile.rejection("freind", s.best, "my", "now")[0] == 1.0
    assert window.controller.fast.check("She is my freind now.").suggestions == ()  # it stays away there
    assert len(window.controller.fast.check("My freind came.").suggestions) == 1  # but not elsewhere


def test_learning_mode_retyping_is_the_writers_own_correction(qtbot, window, profile):
    window.set_mode("learning")
    type_and_wait(qtbot, window, "my freind")
    s = window.editor.suggestions[0]
    window.editor.ask_text = lambda title, label: ("friend", True)
    with qtbot.waitSignal(window.recorder.recorded):
        assert window.editor.try_myself(s)
    (pair,) = profile.pairs()
    assert (pair.written, pair.intended, pair.self_made, pair.accepted) == ("freind", "friend", 1, 0)


def test_type_it_another_way_replaces_an_unknown_word_and_is_remembered(qtbot, window, profile):
    type_and_wait(qtbot, window, "A Xqzzy here.")
    s = unknown(window.editor.toPlainText(), "Xqzzy")
    window.editor.ask_another_way = lambda sug: "quiz"
    with qtbot.waitSignal(window.recorder.recorded):
        assert window.editor.another_way(s)
    assert window.editor.toPlainText() == "A Quiz here."
    window.editor.undo()
    assert window.editor.toPlainText() == "A Xqzzy here."  # one undo step
    (pair,) = profile.pairs()
    assert (pair.written, pair.intended, pair.self_made) == ("xqzzy", "Quiz", 1)


def test_a_marked_word_fixed_by_hand_is_recorded_once_the_writer_moves_on(qtbot, window, profile):
    type_and_wait(qtbot, window, "She is my freind")
    text = window.editor.toPlainText()
    cur = window.editor.textCursor()
    cur.setPosition(text.index("freind"))
    cur.setPosition(text.index("freind") + 6, QTextCursor.KeepAnchor)
    window.editor.setTextCursor(cur)
    type_and_wait(qtbot, window, "friend")
    assert profile.pairs() == []  # still typing the word
    with qtbot.waitSignal(window.recorder.recorded, timeout=5000):
        type_and_wait(qtbot, window, " now.")
    (pair,) = profile.pairs()
    assert (pair.written, pair.intended, pair.self_made) == ("freind", "friend", 1)


def test_nothing_is_recorded_or_used_with_learning_off(qtbot, window, profile):
    window.settings.learn_from_me = False
    window.apply_settings()
    type_and_wait(qtbot, window, "I went to teh store.")
    window.editor.accept(window.editor.suggestions[0])
    window.editor.check_now()
    assert profile.pairs() == [] and not profile.path.exists()


def test_the_profile_marks_this_writers_slip_as_they_type(qtbot, window, profile):
    profile.record_accepted("jonn", "John")
    type_and_wait(qtbot, window, "I saw Jonn today.")
    (s,) = window.editor.suggestions
    assert (s.original, s.best, s.source) == ("Jonn", "John", "personal")


def test_an_unknown_word_has_its_own_colour_popup_and_panel_line(qtbot, window):
    type_and_wait(qtbot, window, "A Xqzzy here.")
    s = unknown(window.editor.toPlainText(), "Xqzzy")
    labels = [a.text() for a in window.editor.menu_for(s).actions()]
    assert not any(t.startswith("Accept") for t in labels)
    assert "Type it another way\u2026" in labels and "Add to dictionary" in labels and "Hear it: Xqzzy" in labels
    assert window.editor.colours["unknown"] != window.editor.colours["default"]
    window.editor.suggestions = (s,)
    window._refresh_panel()
    assert window.panel.item(0).text().startswith("Xqzzy (no suggestion)")
    assert window.editor.accept(s) is False and window.editor.accept_all() == 0
    assert window.editor.toPlainText() == "A Xqzzy here."


def test_an_unknown_words_likely_words_are_one_click_away_but_not_accepted_by_all(qtbot, window):
    type_and_wait(qtbot, window, "A Xqzzy here.")
    s = replace(unknown(window.editor.toPlainText(), "Xqzzy"), maybe=("Fizzy", "Dizzy"))
    window.editor.suggestions = (s,)
    window._refresh_panel()
    assert window.panel.item(0).text().startswith("Xqzzy (maybe Fizzy or Dizzy?)")
    assert window.editor.accept_all() == 0 and window.editor.toPlainText() == "A Xqzzy here."
    (dizzy,) = [a for a in window.editor.menu_for(s).actions() if a.text() == "Maybe: Dizzy"]
    dizzy.trigger()
    assert window.editor.toPlainText() == "A Dizzy here."


def test_another_way_dialog_lists_words_for_an_attempt(qtbot):
    dlg = AnotherWayDialog("Xqzzy", lambda attempt: ["quiz", "quizzes"] if attempt == "kwiz" else [])
    qtbot.addWidget(dlg)
    assert not dlg.ok.isEnabled()
    dlg.attempt.setText("kwiz")
    assert [dlg.results.item(i).text() for i in range(dlg.results.count())] == ["quiz", "quizzes"]
    assert dlg.chosen() == "quiz" and dlg.ok.isEnabled()
    dlg.attempt.setText("zzz")
    assert dlg.chosen() is None and "No words found" in dlg.empty.text()


def test_words_like_puts_a_real_word_attempt_first(qtbot, window):
    found = window.editor.words_like("because")
    assert found[0] == "because"
    assert window.editor.words_like("  ") == []


def test_learned_page_lists_deletes_and_forgets(qtbot, profile):
    profile.record_accepted("cave", "gave", "He cave me a book.")
    profile.record_accepted("becuz", "because")
    profile.record_rejected("flour", "flower")
    profile.record_word("Grizzlebop")
    dictionary = {"Grizzlebop"}

    class Dict(set):
        def remove(self, w):
            self.discard(w)

    words = Dict(dictionary)
    page = LearnedPage(profile, True, words)
    qtbot.addWidget(page)
    assert page.list.count() == 4 and "4 things learned" in page.summary.text()
    assert any("cave \u2192 gave" in text for text, _ in page.rows())
    page.delete_row(0)
    assert len(profile.pairs()) == 1 and page.list.count() == 3 and page.changed
    page.confirm_forget = lambda: False
    assert not page.forget_all() and page.list.count() == 3
    page.confirm_forget = lambda: True
    assert page.forget_all()
    assert profile.empty and page.list.count() == 0 and not words and not page.forget_button.isEnabled()


def test_settings_dialog_has_the_learned_page_and_the_switch(qtbot, profile):
    from dyslexic_writer.gui.settings_dialog import SettingsDialog

    profile.record_accepted("becuz", "because")
    dlg = SettingsDialog(Settings(), profile=profile)
    qtbot.addWidget(dlg)
    assert dlg.learned_page.list.count() == 1 and dlg.result_settings().learn_from_me is True
    dlg.learned_page.switch.setChecked(False)
    assert dlg.result_settings().learn_from_me is False


def test_sentence_at_and_neighbours():
    assert sentence_at("One. Two teh three. Four", 9) == "Two teh three."
    assert neighbours("One. Two teh three. Four", 9, 12) == ("Two", "three")
    assert neighbours("One. Teh three.", 5, 8) == ("", "three")  # the previous sentence is not a neighbour
