"""Typing into the main window as a writer would, shared by the GUI tests (not a test module)."""


def type_and_wait(qtbot, w, text):
    """Type like a person, then wait for the typing pause's check (the debounce timer, then the fast
    thread) to come back."""
    qtbot.keyClicks(w.editor, text)
    qtbot.waitUntil(lambda: not w.editor.check_pending, timeout=5000)
    assert w.controller.fast.check(w.editor.toPlainText()).text == w.editor.toPlainText()
